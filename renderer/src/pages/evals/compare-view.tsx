import { ArrowLeft, ArrowLeftRight, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { RunView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '../../components/ui/table';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { cn } from '../../lib/utils';
import { CompareCaseRow } from './compare-case-row';
import { CompareSummary } from './compare-summary';
import { compareRows, isChange, type Change } from './compare/compare-rows';
import { RunPickers } from './compare/run-pickers';
import { useComponentKinds } from './component-kinds';
import { evalHref, evalViewOf, goTo } from './eval-route';
import { targetOf } from './format';
import { componentChanges, componentsLabel, type ComponentChange } from './run-components';
import { useComparisons } from './use-comparison';

const STEP = 200;

interface RunLinkProps {
  role: string;
  testId: string;
  run: RunView;
  /** The component prompts whose version differs from the other side's: highlighted. */
  changed: ReadonlySet<string>;
}

function RunLink({ role, testId, run, changed }: RunLinkProps) {
  const kinds = useComponentKinds();
  return (
    <a
      href={`#${evalHref.run(run.id)}`}
      className="flex min-w-0 flex-1 flex-col rounded-lg border bg-card px-3 py-2 hover:bg-muted/40"
      data-testid={testId}
    >
      <span className="text-[11px] font-medium text-muted-foreground">{role}</span>
      <span className="truncate text-sm font-medium">{run.name}</span>
      <span className="truncate font-mono text-xs text-muted-foreground">{`${run.prompt} · ${targetOf(run)}`}</span>
      {run.components.length > 0 ? (
        <span className="flex flex-wrap gap-x-2 font-mono text-[11px] text-muted-foreground">
          {run.components.map((c) => (
            <span
              key={c.prompt}
              className={cn(
                changed.has(c.prompt) &&
                  'rounded bg-amber-500/15 px-1 text-amber-700 dark:text-amber-400',
              )}
              data-changed={changed.has(c.prompt)}
            >
              {componentsLabel([c], kinds)}
            </span>
          ))}
        </span>
      ) : null}
    </a>
  );
}

/** Says so when two runs rendered their prompt with different component versions. */
function ComponentsDiffer({ changes }: { changes: readonly ComponentChange[] }) {
  if (changes.length === 0) return null;
  const side = (version: string | null) => version ?? 'not used';
  return (
    <p
      className="flex items-start gap-1.5 rounded-md border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-xs text-amber-800 dark:text-amber-300"
      data-testid="compare-components-differ"
    >
      <TriangleAlert className="mt-px size-3.5 shrink-0" />
      <span>
        {'The prompts differ in their components: '}
        {changes.map((c, i) => (
          <span key={c.prompt} className="font-mono">
            {i > 0 ? ', ' : null}
            {`${c.prompt} ${side(c.baseline)} → ${side(c.candidate)}`}
          </span>
        ))}
        {'. Changes here may come from them as much as from the prompt.'}
      </span>
    </p>
  );
}

/**
 * A baseline against up to four candidates, case by case (Braintrust's diff mode): count cards
 * that filter the rows, per-matcher deltas, and every output side by side, regressions first.
 * The runs compared, the candidate the counts are about and the filter are all in the URL.
 */
export function CompareView(_: { baseline: string; candidate: string }) {
  const [location] = useLocation();
  const view = evalViewOf(location, useSearch());
  const state =
    view.kind === 'compare'
      ? view
      : { baseline: _.baseline, candidates: [_.candidate], focus: null, filter: null };
  const { baseline, candidates } = state;
  const focus = Math.max(0, state.focus ? candidates.indexOf(state.focus) : 0);
  const filter: Change | null = isChange(state.filter) ? state.filter : null;
  const { comparisons, error } = useComparisons(baseline, candidates);
  const [shown, setShown] = useState(STEP);
  const [expanded, setExpanded] = useState<string | null>(null);
  const rows = useMemo(() => (comparisons ? compareRows(comparisons) : []), [comparisons]);

  const go = (
    next: Partial<{
      baseline: string;
      candidates: readonly string[];
      focus: string | null;
      filter: Change | null;
    }>,
  ) => {
    const nextCandidates = next.candidates ?? candidates;
    const focusId = 'focus' in next ? next.focus : (candidates[focus] ?? null);
    goTo(
      evalHref.compare(next.baseline ?? baseline, nextCandidates, {
        focus:
          focusId && nextCandidates.includes(focusId) && nextCandidates[0] !== focusId
            ? focusId
            : null,
        filter: 'filter' in next ? next.filter : filter,
      }),
    );
  };

  if (!comparisons)
    return (
      <div className="px-8 py-6 text-sm" data-testid="compare-view">
        {error ? (
          <p className="text-destructive">{error.toString()}</p>
        ) : (
          <p className="flex items-center gap-2 text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Comparing…
          </p>
        )}
      </div>
    );
  const first = comparisons[0]!;
  const focused = comparisons[focus] ?? first;
  const changes = componentChanges(focused.baseline, focused.candidate);
  const changed = new Set(changes.map((c) => c.prompt));
  const names = comparisons.map((c) => c.candidate.name);
  const visible = filter ? rows.filter((r) => r.candidates[focus]?.change === filter) : rows;
  return (
    <div className="flex flex-col gap-4 px-8 py-6" data-testid="compare-view">
      <a
        href={`#${evalHref.list(first.baseline.dataset)}`}
        className="flex w-fit items-center gap-1 text-xs text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-3" />
        Runs
      </a>
      <RunPickers
        baseline={first.baseline}
        candidates={comparisons.map((c) => c.candidate)}
        onChange={(b, c) =>
          c.length > 0 ? go({ baseline: b, candidates: c, filter: null }) : undefined
        }
      />
      <div className="flex items-stretch gap-2">
        <RunLink role="baseline" testId="compare-baseline" run={first.baseline} changed={changed} />
        {comparisons.length === 1 ? (
          <Button
            variant="ghost"
            size="icon"
            className="self-center"
            aria-label="Swap baseline and candidate"
            data-testid="compare-swap"
            onClick={() => goTo(evalHref.compare(candidates[0]!, baseline))}
          >
            <ArrowLeftRight />
          </Button>
        ) : null}
        {comparisons.map((c, i) => (
          <RunLink
            key={c.candidate.id}
            role={comparisons.length > 1 ? `candidate ${i + 1}` : 'candidate'}
            testId={i === 0 ? 'compare-candidate' : `compare-candidate-${i}`}
            run={c.candidate}
            changed={i === focus ? changed : new Set()}
          />
        ))}
      </div>
      <ComponentsDiffer changes={changes} />
      {comparisons.length > 1 ? (
        <div className="flex items-center gap-2 text-xs">
          <span className="text-muted-foreground">Counts and filter against</span>
          <ToggleGroup
            type="single"
            value={String(focus)}
            onValueChange={(v) =>
              v === '' ? undefined : go({ focus: candidates[Number(v)] ?? null, filter: null })
            }
          >
            {comparisons.map((c, i) => (
              <ToggleGroupItem
                key={c.candidate.id}
                value={String(i)}
                data-testid={`compare-focus-${i}`}
                title={c.candidate.name}
              >
                {`candidate ${i + 1}`}
              </ToggleGroupItem>
            ))}
          </ToggleGroup>
        </div>
      ) : null}
      <CompareSummary
        comparisons={comparisons}
        focus={focus}
        filter={filter}
        onFilter={(next) => go({ filter: next })}
      />
      <div className="overflow-hidden rounded-lg border bg-card">
        <Table data-testid="compare-cases" data-filter={filter ?? 'all'}>
          <TableHeader>
            <TableRow>
              <TableHead>#</TableHead>
              <TableHead>Input</TableHead>
              <TableHead>Baseline</TableHead>
              {comparisons.map((c, i) => (
                <TableHead key={c.candidate.id} title={c.candidate.name}>
                  {comparisons.length > 1 ? `Candidate ${i + 1}` : 'Candidate'}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.slice(0, shown).map((row) => (
              <CompareCaseRow
                key={row.caseKey}
                row={row}
                focus={focus}
                names={names}
                expanded={expanded === row.caseKey}
                onToggle={() => setExpanded((c) => (c === row.caseKey ? null : row.caseKey))}
              />
            ))}
          </TableBody>
        </Table>
        {visible.length === 0 ? (
          <p
            className="px-3 py-4 text-center text-xs text-muted-foreground"
            data-testid="compare-empty"
          >
            No case changed this way.
          </p>
        ) : null}
        {visible.length > shown ? (
          <div className="flex justify-center border-t py-2">
            <Button
              variant="outline"
              size="xs"
              data-testid="compare-more"
              onClick={() => setShown((n) => n + STEP)}
            >
              {`Show ${Math.min(STEP, visible.length - shown)} more of ${visible.length - shown}`}
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
