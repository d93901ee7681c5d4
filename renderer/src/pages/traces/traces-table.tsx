import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { TraceSummary } from '../../../../shared/contract/traces';
import { Table, TableHead, TableHeader, TableRow } from '../../components/ui/table';
import { cn } from '../../lib/utils';
import { nextSortOf, TRACE_COLUMNS, type TraceColumn } from './trace-columns';
import type { TraceSort } from './trace-route';
import { TraceRow } from './trace-row';

type SortState = { sort: TraceSort; order: 'asc' | 'desc' };

function Head({
  column,
  sort,
  onSort,
}: {
  column: TraceColumn;
  sort: SortState | null;
  onSort: ((next: SortState) => void) | null;
}) {
  const active = sort !== null && column.sort === sort.sort;
  const Icon = !active ? ArrowUpDown : sort.order === 'asc' ? ArrowUp : ArrowDown;
  return (
    <TableHead
      scope="col"
      aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cn('bg-muted', column.numeric && 'text-right')}
    >
      {column.sort && sort && onSort ? (
        <button
          type="button"
          data-testid={`traces-sort-${column.id}`}
          className={cn(
            'inline-flex items-center gap-1 hover:text-foreground',
            active && 'text-foreground',
          )}
          onClick={() => onSort(nextSortOf(sort, column.sort!))}
        >
          {column.label}
          <Icon className={cn('size-3', !active && 'opacity-40')} />
        </button>
      ) : (
        column.label
      )}
    </TableHead>
  );
}

/**
 * The traces as a table of which only the rows in view are rendered; nearing the end asks for
 * the next page (`onMore`), so a store of millions scrolls like a short list.
 */
export function TracesTable({
  traces,
  sort,
  onSort,
  hasMore,
  loadingMore,
  onMore,
  onOpen,
}: {
  traces: readonly TraceSummary[];
  /** Null: not sortable (the meaning search's ranked results). */
  sort: SortState | null;
  onSort: ((next: SortState) => void) | null;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  onOpen: (id: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose.
  const virtualizer = useVirtualizer({
    count: traces.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 37,
    overscan: 12,
    getItemKey: (i) => traces[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const lastShown = items.at(-1)?.index ?? -1;

  // Twenty rows from the end, the next page is asked for (once: loadingMore holds it).
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= traces.length - 20) onMore();
  }, [hasMore, loadingMore, lastShown, traces.length, onMore]);

  return (
    <div
      ref={scroller}
      className="min-h-0 flex-1 overflow-auto rounded-lg border bg-card [&>div]:overflow-visible"
      data-testid="traces-scroller"
    >
      <Table
        className="table-fixed text-[13px]"
        style={{ minWidth: `calc(${TRACE_COLUMNS.map((c) => c.width).join(' + ')})` }}
        data-testid="traces-table"
      >
        <colgroup>
          {TRACE_COLUMNS.map((c) => (
            <col key={c.id} style={c.id === 'name' ? undefined : { width: c.width }} />
          ))}
        </colgroup>
        <TableHeader className="sticky top-0 z-10 bg-muted">
          <TableRow className="hover:bg-transparent">
            {TRACE_COLUMNS.map((column) => (
              <Head key={column.id} column={column} sort={sort} onSort={onSort} />
            ))}
          </TableRow>
        </TableHeader>
        {before > 0 ? (
          <tbody aria-hidden>
            <tr style={{ height: before }} />
          </tbody>
        ) : null}
        {items.map((item) => {
          const trace = traces[item.index];
          if (!trace) return null;
          return (
            <TraceRow
              key={item.key}
              index={item.index}
              measureRef={virtualizer.measureElement}
              trace={trace}
              onOpen={onOpen}
            />
          );
        })}
        {after > 0 ? (
          <tbody aria-hidden>
            <tr style={{ height: after }} />
          </tbody>
        ) : null}
      </Table>
      {loadingMore ? (
        <p
          className="px-3 py-2 text-center text-xs text-muted-foreground"
          data-testid="traces-loading-more"
        >
          Loading more…
        </p>
      ) : null}
    </div>
  );
}
