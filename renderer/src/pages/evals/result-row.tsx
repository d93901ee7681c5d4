import { ChevronRight } from 'lucide-react';
import type { Ref } from 'react';
import type { ResultView } from '../../../../shared/contract';
import { TableBody, TableCell, TableRow } from '../../components/ui/table';
import { WithTooltip } from '../../components/ui/tooltip';
import { cn } from '../../lib/utils';
import { fmtMs, fmtUsd } from './format';
import { expectedText, outputText, type ResultColumn } from './result-columns';
import { ResultDetails } from './result-details';
import { ResultMatcherChips } from './result-matchers';
import { ResultScore } from './result-score';
import { StatusBadge } from './status-badge';

interface ResultRowProps {
  result: ResultView;
  columns: readonly ResultColumn[];
  expanded: boolean;
  onToggle: () => void;
  /** The virtualizer measures each row (with its details) through this. */
  measureRef: Ref<HTMLTableSectionElement>;
  index: number;
  /** The scroller's visible width, for the details (unknown before the first layout). */
  detailsWidth: number | undefined;
}

/** Text cut to one line; the whole of it on hover. */
function Truncated({ text, className }: { text: string; className?: string }) {
  if (text === '') return <span className="text-muted-foreground">-</span>;
  return (
    <WithTooltip
      content={
        <span className="block max-h-80 max-w-md overflow-hidden font-mono text-xs whitespace-pre-wrap">
          {text}
        </span>
      }
    >
      <span className={cn('block truncate font-mono text-xs', className)}>{text}</span>
    </WithTooltip>
  );
}

function Cell({ result, column }: { result: ResultView; column: ResultColumn }) {
  if (column.id.startsWith('var:'))
    return <Truncated text={result.vars[column.id.slice(4)] ?? ''} />;
  switch (column.id) {
    case 'expected':
      return <Truncated text={expectedText(result.expected)} />;
    case 'output':
      return (
        <Truncated
          text={outputText(result)}
          className={cn(result.error && 'text-amber-700 dark:text-amber-400')}
        />
      );
    case 'status':
      return <StatusBadge status={result.status} />;
    case 'score':
      return <ResultScore result={result} />;
    case 'matchers':
      return (
        <div className="h-5 min-w-0 overflow-hidden">
          <ResultMatcherChips matchers={result.matchers} />
        </div>
      );
    case 'cost':
      return (
        <span className="font-mono text-xs tabular-nums">
          {result.cached ? 'cached' : fmtUsd(result.costUsd)}
        </span>
      );
    case 'latency':
      return <span className="font-mono text-xs tabular-nums">{fmtMs(result.latencyMs)}</span>;
    default:
      return null;
  }
}

/**
 * One result as a table body of its own (the virtualizer measures it whole): a one-line row of
 * the chosen columns; the chevron expands its details below.
 */
export function ResultRow({
  result,
  columns,
  expanded,
  onToggle,
  measureRef,
  index,
  detailsWidth,
}: ResultRowProps) {
  const id = `${result.position}-${result.repeatIndex}`;
  return (
    <TableBody
      ref={measureRef}
      data-index={index}
      data-testid={`result-row-${id}`}
      data-status={result.status}
      data-expanded={expanded}
      className="[&_tr:last-child]:border-b"
    >
      <TableRow
        className={cn('h-9 cursor-pointer text-[13px]', expanded && 'bg-muted/30')}
        onClick={onToggle}
      >
        <TableCell className="font-mono text-xs text-muted-foreground tabular-nums">
          <button
            type="button"
            className="flex items-center gap-0.5 rounded-sm focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
            aria-expanded={expanded}
            aria-label={`Details of case ${result.position}`}
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
          >
            <ChevronRight className={cn('size-3 transition-transform', expanded && 'rotate-90')} />
            {result.position}
            {result.repeatIndex > 0 ? <sup>{`×${result.repeatIndex + 1}`}</sup> : null}
          </button>
        </TableCell>
        {columns.map((column) => (
          <TableCell
            key={column.id}
            className={cn('overflow-hidden', column.numeric && 'text-right')}
            data-column={column.id}
          >
            <Cell result={result} column={column} />
          </TableCell>
        ))}
      </TableRow>
      {expanded ? (
        <TableRow className="hover:bg-transparent">
          <TableCell colSpan={columns.length + 1} className="p-0">
            <div className="sticky left-0" style={{ width: detailsWidth }}>
              <ResultDetails result={result} />
            </div>
          </TableCell>
        </TableRow>
      ) : null}
    </TableBody>
  );
}
