import type { TraceSummary } from '../../../../shared/contract/traces';
import { Badge } from '../../components/ui/badge';
import { TableCell, TableRow } from '../../components/ui/table';
import { fmtCount, fmtMs, fmtTime, fmtTraceCost } from './trace-format';
import { traceHref } from './trace-route';

const dash = (text: string | null) => text ?? '-';

/** One trace in the list; a click (or Enter on its name link) opens it. */
export function TraceRow({
  trace,
  index,
  measureRef,
  onOpen,
}: {
  trace: TraceSummary;
  index: number;
  measureRef: (element: HTMLTableRowElement | null) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <tbody>
      <TableRow
        ref={measureRef}
        data-index={index}
        data-testid={`trace-row-${trace.id}`}
        className="cursor-pointer"
        onClick={() => onOpen(trace.id)}
      >
        <TableCell className="font-mono text-xs" title={trace.startedAt}>
          {fmtTime(trace.startedAt)}
        </TableCell>
        <TableCell className="truncate" title={trace.inputPreview ?? trace.name}>
          <a
            href={`#${traceHref(trace.id)}`}
            className="font-medium hover:underline"
            data-testid="trace-row-name"
            onClick={(e) => e.stopPropagation()}
          >
            {trace.name}
          </a>
          {trace.spanCount > 1 ? (
            <span className="ml-1 text-xs text-muted-foreground">{`${trace.spanCount} spans`}</span>
          ) : null}
        </TableCell>
        <TableCell className="truncate font-mono text-xs" title={trace.userId ?? undefined}>
          {dash(trace.userId)}
        </TableCell>
        <TableCell className="truncate font-mono text-xs" title={trace.sessionId ?? undefined}>
          {dash(trace.sessionId)}
        </TableCell>
        <TableCell
          className="truncate font-mono text-xs"
          data-testid="trace-row-model"
          title={trace.model ?? undefined}
        >
          {dash(trace.model)}
        </TableCell>
        <TableCell className="text-right font-mono text-xs" title="input / output tokens">
          {`${fmtCount(trace.inputTokens)} / ${fmtCount(trace.outputTokens)}`}
        </TableCell>
        <TableCell
          className="text-right font-mono text-xs"
          data-testid="trace-row-cost"
          title={
            trace.unpricedCount > 0
              ? `${trace.unpricedCount} LLM span(s) without a price`
              : undefined
          }
        >
          {fmtTraceCost(trace.costUsd, trace.unpricedCount)}
        </TableCell>
        <TableCell className="text-right font-mono text-xs">{fmtMs(trace.latencyMs)}</TableCell>
        <TableCell>
          <Badge variant={trace.status === 'ok' ? 'success' : 'destructive'}>{trace.status}</Badge>
        </TableCell>
        <TableCell className="truncate text-xs" title={trace.tags.join(', ')}>
          {trace.tags.join(', ') || '-'}
        </TableCell>
        <TableCell className="text-xs text-muted-foreground">{trace.source}</TableCell>
      </TableRow>
    </tbody>
  );
}
