import type { ResultView } from '../../../../shared/contract';
import { TableCell } from '../../components/ui/table';
import { cn } from '../../lib/utils';
import { outputText } from './result-columns';
import { MatcherReasons, ResultMatcherChips } from './result-matchers';
import { ResultScore } from './result-score';
import { StatusBadge } from './status-badge';

interface MatrixCellProps {
  result: ResultView | undefined;
  column: number;
  expanded: boolean;
  onToggle: () => void;
}

/**
 * One case in one run: the output (three lines, or all of it expanded), its verdict and score,
 * and the matchers (each reason on hover; every reason listed when expanded).
 */
export function MatrixCell({ result, column, expanded, onToggle }: MatrixCellProps) {
  if (!result)
    return (
      <TableCell
        className="align-top text-xs text-muted-foreground"
        data-testid="matrix-cell"
        data-column={column}
        data-status="none"
      >
        not run
      </TableCell>
    );
  const output = outputText(result);
  return (
    <TableCell
      className={cn(
        'cursor-pointer align-top whitespace-normal',
        result.status === 'fail' && 'bg-destructive/5',
        result.status === 'error' && 'bg-amber-500/5',
      )}
      data-testid="matrix-cell"
      data-column={column}
      data-status={result.status}
      data-expanded={expanded}
      aria-expanded={expanded}
      onClick={onToggle}
    >
      <div className="flex flex-col gap-1.5">
        <div className="flex flex-wrap items-center gap-1.5">
          <StatusBadge status={result.status} />
          <ResultScore result={result} />
        </div>
        <p
          className={cn(
            'font-mono text-xs break-words whitespace-pre-wrap',
            !expanded && 'line-clamp-3',
            result.error && 'text-amber-700 dark:text-amber-400',
          )}
          data-testid="matrix-output"
        >
          {output === '' ? <span className="text-muted-foreground">(empty)</span> : output}
        </p>
        {expanded ? (
          <MatcherReasons matchers={result.matchers} />
        ) : (
          <ResultMatcherChips matchers={result.matchers} />
        )}
      </div>
    </TableCell>
  );
}
