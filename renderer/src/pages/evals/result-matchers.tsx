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
          <span className="min-w-0 break-words">{m.reason}</span>
        </li>
      ))}
    </ul>
  );
}
