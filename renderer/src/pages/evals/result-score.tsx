import type { ResultView } from '../../../../shared/contract';
import { cn } from '../../lib/utils';

/**
 * A result's score as its verdict allows: a pass shows its score; a fail shows it in red with
 * "fail"; an error or an unscored result has no score to show ("—", saying why). Nothing but a
 * pass ever reads like one.
 */
export function ResultScore({ result }: { result: ResultView }) {
  const { status, score } = result;
  if (status === 'pass' && score !== null)
    return (
      <span className="font-mono text-xs tabular-nums" data-testid="result-score">
        {score.toFixed(2)}
      </span>
    );
  if (status === 'fail' && score !== null)
    return (
      <span
        className="font-mono text-xs text-destructive tabular-nums"
        data-testid="result-score"
        title="Failed: below what its matchers require"
      >
        {score.toFixed(2)}
        <span className="ml-1 font-sans text-[10px]">fail</span>
      </span>
    );
  return (
    <span
      className={cn(
        'font-mono text-xs tabular-nums',
        status === 'error' ? 'text-amber-700 dark:text-amber-400' : 'text-muted-foreground',
      )}
      data-testid="result-score"
      title={
        status === 'error'
          ? 'The call failed: there is no output to score'
          : 'Nothing scored this result: it is not a pass'
      }
    >
      —<span className="ml-1 font-sans text-[10px]">{status === 'pass' ? 'no score' : status}</span>
    </span>
  );
}
