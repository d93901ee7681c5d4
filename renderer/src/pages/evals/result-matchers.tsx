import type { ResultView } from '../../../../shared/contract';
import { WithTooltip } from '../../components/ui/tooltip';
import { cn } from '../../lib/utils';

type Outcome = ResultView['matchers'][number];

const verdictOf = (m: Outcome) => (m.unscored ? 'could not judge' : m.pass ? 'passed' : 'failed');

/** Matcher outcomes as chips: red when failed, dashed when unscored; the reason shows on hover. */
export function ResultMatcherChips({ matchers }: { matchers: readonly Outcome[] }) {
  if (matchers.length === 0) return <span className="text-muted-foreground">-</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {matchers.map((m, i) => (
        <WithTooltip
          key={i}
          content={`${m.type} ${verdictOf(m)}${m.unscored ? '' : ` (${m.score.toFixed(2)})`}: ${m.reason}`}
        >
          <span
            data-testid="matcher-chip"
            data-pass={m.pass}
            data-unscored={m.unscored}
            className={cn(
              'rounded-md border px-1.5 py-px font-mono text-[11px] whitespace-nowrap',
              m.unscored
                ? 'border-dashed border-muted-foreground/50 text-muted-foreground'
                : m.pass
                  ? 'border-success/30 bg-success/10 text-success'
                  : 'border-destructive/40 bg-destructive/15 text-destructive',
            )}
          >
            {m.type}
          </span>
        </WithTooltip>
      ))}
    </div>
  );
}

type GraderLine = NonNullable<Outcome['graders']>[number];

/** A grader's value as a reviewer reads it: its level, true/false, a number, or why none. */
function graderValue(g: GraderLine): string {
  if (g.level !== null) return g.level;
  if (g.value === null) return g.state === 'missing' ? 'no score' : g.state;
  return String(Math.round(g.value * 1000) / 1000);
}

/**
 * A scorecard's line: its verdict (the reason's head: `scorecard "X" v2 passed (82% ≥ 70%)`),
 * then each grader with what it gave and why.
 */
function ScorecardGraders({ outcome }: { outcome: Outcome }) {
  const cut = outcome.reason.indexOf('; ');
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      <span className="break-words">{cut > 0 ? outcome.reason.slice(0, cut) : outcome.reason}</span>
      <ul className="flex flex-col gap-0.5" data-testid="scorecard-graders">
        {(outcome.graders ?? []).map((g, i) => (
          <li
            key={i}
            className="flex items-baseline gap-2"
            data-testid="scorecard-grader"
            data-state={g.state}
          >
            <span className="font-medium">{`${g.name} v${g.version}`}</span>
            <span
              className={cn(
                'font-mono',
                g.state === 'scored' ? 'text-foreground' : 'text-muted-foreground',
              )}
            >
              {graderValue(g)}
            </span>
            {g.reason ? (
              <span className="min-w-0 break-words text-muted-foreground">{g.reason}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </span>
  );
}

/** Every matcher with its verdict, score and reason (the expanded row). */
export function MatcherReasons({ matchers }: { matchers: readonly Outcome[] }) {
  return (
    <ul className="flex flex-col gap-1" data-testid="matcher-reasons">
      {matchers.map((m, i) => (
        <li key={i} className="flex items-baseline gap-2 text-xs">
          <span
            className={cn(
              'font-mono font-medium',
              m.unscored ? 'text-muted-foreground' : m.pass ? 'text-success' : 'text-destructive',
            )}
          >
            {`${m.unscored ? '?' : m.pass ? '✓' : '✗'} ${m.type}`}
          </span>
          <span className="font-mono text-muted-foreground">
            {m.unscored ? 'unscored' : m.score.toFixed(2)}
          </span>
          {m.graders ? (
            <ScorecardGraders outcome={m} />
          ) : (
            <span className="min-w-0 break-words">{m.reason}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
