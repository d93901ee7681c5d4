import type { ComparisonView } from '../../../../shared/contract';
import { CASE_CHANGES } from '../../../../shared/contract';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { WithTooltip } from '../../components/ui/tooltip';
import { cn } from '../../lib/utils';
import type { Change } from './compare/compare-rows';
import { fmtMsDelta, fmtPct, fmtRateDelta, fmtUsdDelta } from './format';
import { scoredPassRate } from './live-counts';

const CHANGE_STYLE: Record<Change, string> = {
  regression: 'border-destructive/40 bg-destructive/10 text-destructive',
  improvement: 'border-success/40 bg-success/10 text-success',
  new: '',
  removed: '',
  'unchanged-fail': '',
  'unchanged-pass': '',
  unscored: 'border-dashed',
};

const CHANGE_LABEL: Record<Change, string> = {
  regression: 'regressed',
  improvement: 'improved',
  new: 'new',
  removed: 'removed',
  'unchanged-fail': 'still failing',
  'unchanged-pass': 'still passing',
  unscored: 'unscored',
};

const CHANGE_HINT: Partial<Record<Change, string>> = {
  unscored:
    'One side (or both) has no verdict for the case: nothing scored it, so it is not compared and counts in neither pass rate',
};

/** Lower is better for cost and latency, higher for pass rate. */
const tone = (delta: number | null, higherIsBetter: boolean) =>
  delta === null || delta === 0
    ? ''
    : delta > 0 === higherIsBetter
      ? 'text-success'
      : 'text-destructive';

interface CountCardsProps {
  readonly comparison: ComparisonView;
  readonly filter: Change | null;
  readonly onFilter: (filter: Change | null) => void;
}

/** A card per kind of change against the focused candidate; clicking one filters the rows. */
function CountCards({ comparison, filter, onFilter }: CountCardsProps) {
  return (
    <ToggleGroup
      type="single"
      aria-label="Show only cases that"
      className="flex-wrap gap-2 border-0 bg-transparent p-0"
      value={filter ?? ''}
      onValueChange={(value) => onFilter(value === '' ? null : (value as Change))}
    >
      {CASE_CHANGES.map((change) => {
        const count = comparison.counts[change] ?? 0;
        return (
          <ToggleGroupItem
            key={change}
            value={change}
            className={cn(
              'h-auto min-w-28 flex-col items-start rounded-lg border bg-card px-3 py-2 text-foreground',
              count > 0 && CHANGE_STYLE[change],
              'data-[state=on]:ring-2 data-[state=on]:ring-ring',
            )}
            data-testid={`compare-count-${change}`}
            title={CHANGE_HINT[change] ?? `Show only the cases ${CHANGE_LABEL[change]}`}
          >
            <span className="text-[11px] font-medium opacity-80">{CHANGE_LABEL[change]}</span>
            <span className="font-mono text-lg font-semibold tabular-nums">{count}</span>
          </ToggleGroupItem>
        );
      })}
    </ToggleGroup>
  );
}

/** Each matcher type's pass rate in the baseline and each candidate, with the change. */
function MatcherDeltas({ comparisons }: { comparisons: readonly ComparisonView[] }) {
  const types = [...new Set(comparisons.flatMap((c) => c.matchers.map((m) => m.type)))];
  if (types.length === 0) return null;
  const rateOf = (c: ComparisonView, type: string) => c.matchers.find((m) => m.type === type);
  return (
    <Table className="w-fit text-xs" data-testid="compare-matchers">
      <TableHeader>
        <TableRow>
          <TableHead>Matcher</TableHead>
          <TableHead className="text-right">Baseline</TableHead>
          {comparisons.map((c, i) => (
            <TableHead key={c.candidate.id} className="text-right" title={c.candidate.name}>
              {comparisons.length > 1 ? `Candidate ${i + 1} (Δ)` : 'Candidate (Δ)'}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {types.map((type) => {
          const baseline = comparisons.map((c) => rateOf(c, type)).find(Boolean);
          return (
            <TableRow key={type} data-testid={`compare-matcher-${type}`}>
              <TableCell className="font-mono">{type}</TableCell>
              <TableCell className="text-right font-mono">
                {baseline ? fmtPct(baseline.baselinePassRate) : '-'}
              </TableCell>
              {comparisons.map((c) => {
                const m = rateOf(c, type);
                const delta = m ? m.candidatePassRate - m.baselinePassRate : null;
                return (
                  <TableCell key={c.candidate.id} className="text-right font-mono">
                    {m ? fmtPct(m.candidatePassRate) : '-'}{' '}
                    <span className={tone(delta, true)} data-testid="compare-matcher-delta">
                      {fmtRateDelta(delta)}
                    </span>
                  </TableCell>
                );
              })}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

interface CompareSummaryProps {
  readonly comparisons: readonly ComparisonView[];
  /** The candidate the cards count against. */
  readonly focus: number;
  readonly filter: Change | null;
  readonly onFilter: (filter: Change | null) => void;
}

/** Counts by change (cards that filter), the headline deltas and each matcher's change. */
export function CompareSummary({ comparisons, focus, filter, onFilter }: CompareSummaryProps) {
  const c = comparisons[focus] ?? comparisons[0];
  if (!c) return null;
  return (
    <div className="flex flex-col gap-3">
      <CountCards comparison={c} filter={filter} onFilter={onFilter} />
      <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <WithTooltip content="Each run's pass rate is over its scored results; unscored ones are counted apart">
          <span data-testid="compare-pass-rate-delta">
            Pass rate {fmtPct(scoredPassRate(c.baseline.totals))} →{' '}
            {fmtPct(scoredPassRate(c.candidate.totals))}{' '}
            <span className={cn('font-mono', tone(c.passRateDelta, true))}>
              {fmtRateDelta(c.passRateDelta)}
            </span>
          </span>
        </WithTooltip>
        <span data-testid="compare-cost-delta">
          Prompt cost{' '}
          <span className={cn('font-mono', tone(c.costDeltaUsd, false))}>
            {fmtUsdDelta(c.costDeltaUsd)}
          </span>
        </span>
        <span data-testid="compare-latency-delta">
          Latency p50{' '}
          <span className={cn('font-mono', tone(c.latencyP50DeltaMs, false))}>
            {fmtMsDelta(c.latencyP50DeltaMs)}
          </span>
        </span>
      </div>
      <MatcherDeltas comparisons={comparisons} />
    </div>
  );
}
