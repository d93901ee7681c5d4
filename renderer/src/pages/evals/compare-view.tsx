import { ArrowLeft, ArrowLeftRight, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { RunView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/utils';
import { COMPARE_GRID, CompareCaseRow } from './compare-case-row';
import { CompareSummary } from './compare-summary';
import { useComponentKinds } from './component-kinds';
import { evalHref, goTo } from './eval-route';
import { targetOf } from './format';
import { componentChanges, componentsLabel, type ComponentChange } from './run-components';
import { useComparison } from './use-comparison';

const STEP = 200;

interface RunLinkProps {
  role: string;
  run: RunView;
  /** The component prompts whose version differs from the other side's: highlighted. */
  changed: ReadonlySet<string>;
}

function RunLink({ role, run, changed }: RunLinkProps) {
  const kinds = useComponentKinds();
  return (
    <a
      href={`#${evalHref.run(run.id)}`}
      className="flex min-w-0 flex-1 flex-col rounded-lg border bg-card px-3 py-2 hover:bg-muted/40"
      data-testid={`compare-${role}`}
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

/** Says so when the two runs rendered their prompt with different component versions. */
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

/** Baseline vs candidate, case by case: regressions first. */
export function CompareView({ baseline, candidate }: { baseline: string; candidate: string }) {
  const { comparison, error } = useComparison(baseline, candidate);
  const [shown, setShown] = useState(STEP);
  const [expanded, setExpanded] = useState<string | null>(null);

  if (!comparison)
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
  const cases = comparison.cases;
  const changes = componentChanges(comparison.baseline, comparison.candidate);
  const changed = new Set(changes.map((c) => c.prompt));
  return (
    <div className="flex flex-col gap-4 px-8 py-6" data-testid="compare-view">
      <a
        href={`#${evalHref.list(comparison.candidate.dataset)}`}
        className="flex w-fit items-center gap-1 text-xs text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-3" />
        Runs
      </a>
      <div className="flex items-stretch gap-2">
        <RunLink role="baseline" run={comparison.baseline} changed={changed} />
        <Button
          variant="ghost"
          size="icon"
          className="self-center"
          aria-label="Swap baseline and candidate"
          data-testid="compare-swap"
          onClick={() => goTo(evalHref.compare(candidate, baseline))}
        >
          <ArrowLeftRight />
        </Button>
        <RunLink role="candidate" run={comparison.candidate} changed={changed} />
      </div>
      <ComponentsDiffer changes={changes} />
      <CompareSummary comparison={comparison} />
      <div className="overflow-hidden rounded-lg border bg-card">
        <div
          className={cn(
            COMPARE_GRID,
            'h-8 border-b bg-muted/60 text-xs font-medium text-muted-foreground',
          )}
        >
          <span>#</span>
          <span>Change</span>
          <span>Input</span>
          <span>Baseline</span>
          <span>Candidate</span>
          <span className="text-right">Δ score</span>
        </div>
        <ul data-testid="compare-cases">
          {cases.slice(0, shown).map((item) => (
            <CompareCaseRow
              key={item.caseKey}
              item={item}
              expanded={expanded === item.caseKey}
              onToggle={() => setExpanded((c) => (c === item.caseKey ? null : item.caseKey))}
            />
          ))}
        </ul>
        {cases.length > shown ? (
          <div className="flex justify-center border-t py-2">
            <Button
              variant="outline"
              size="xs"
              data-testid="compare-more"
              onClick={() => setShown((n) => n + STEP)}
            >
              {`Show ${Math.min(STEP, cases.length - shown)} more of ${cases.length - shown}`}
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
