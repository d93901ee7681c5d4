import type { ComparisonView } from '../../../../shared/contract';
import { CASE_CHANGES } from '../../../../shared/contract';
import { cn } from '../../lib/utils';
import { fmtMsDelta, fmtPct, fmtRateDelta, fmtUsdDelta } from './format';
import { scoredPassRate } from './live-counts';

const CHANGE_STYLE: Record<(typeof CASE_CHANGES)[number], string> = {
  regression: 'border-destructive/40 bg-destructive/10 text-destructive',
  improvement: 'border-success/40 bg-success/10 text-success',
  new: '',
  removed: '',
  'unchanged-fail': '',
  'unchanged-pass': '',
  unscored: 'border-dashed',
};

const CHANGE_HINT: Partial<Record<(typeof CASE_CHANGES)[number], string>> = {
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

/** Counts by change, the headline deltas and each matcher's pass-rate change. */
export function CompareSummary({ comparison }: { comparison: ComparisonView }) {
  const c = comparison;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {CASE_CHANGES.map((change) => (
          <div
            key={change}
            className={cn(
              'flex min-w-28 flex-col rounded-lg border bg-card px-3 py-2',
              c.counts[change] > 0 && CHANGE_STYLE[change],
            )}
            data-testid={`compare-count-${change}`}
            title={CHANGE_HINT[change]}
          >
            <span className="text-[11px] font-medium opacity-80">{change}</span>
            <span className="font-mono text-lg font-semibold tabular-nums">
              {c.counts[change] ?? 0}
            </span>
          </div>
        ))}
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <span
          data-testid="compare-pass-rate-delta"
          title="Each run's pass rate is over its scored results; unscored ones are counted apart"
        >
          Pass rate {fmtPct(scoredPassRate(c.baseline.totals))} →{' '}
          {fmtPct(scoredPassRate(c.candidate.totals))}{' '}
          <span className={cn('font-mono', tone(c.passRateDelta, true))}>
            {fmtRateDelta(c.passRateDelta)}
          </span>
        </span>
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
      {c.matchers.length > 0 ? (
        <table className="w-fit text-xs" data-testid="compare-matchers">
          <thead className="text-muted-foreground">
            <tr>
              <th className="py-0.5 pr-4 text-left font-medium">Matcher</th>
              <th className="px-3 text-right font-medium">Baseline</th>
              <th className="px-3 text-right font-medium">Candidate</th>
              <th className="px-3 text-right font-medium">Δ</th>
            </tr>
          </thead>
          <tbody>
            {c.matchers.map((m) => {
              const delta = m.candidatePassRate - m.baselinePassRate;
              return (
                <tr key={m.index} className="border-t" data-testid={`compare-matcher-${m.index}`}>
                  <td className="py-0.5 pr-4 font-mono">{`#${m.index + 1} ${m.type}`}</td>
                  <td className="px-3 text-right font-mono">{fmtPct(m.baselinePassRate)}</td>
                  <td className="px-3 text-right font-mono">{fmtPct(m.candidatePassRate)}</td>
                  <td className={cn('px-3 text-right font-mono', tone(delta, true))}>
                    {fmtRateDelta(delta)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
