import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { RunTotals } from '../../../../shared/contract';
import { Table, TableHead, TableHeader, TableRow } from '../../components/ui/table';
import { cn } from '../../lib/utils';
import {
  POSITION_COLUMN,
  resultColumns,
  searchText,
  sortResults,
  variableNames,
  type ResultColumn,
  type ResultSort,
} from './result-columns';
import { ResultRow } from './result-row';
import { ResultsToolbar, type ResultFilter } from './results-toolbar';
import { useHiddenColumns } from './use-hidden-columns';
import { useRunResults } from './use-result-pages';

interface ResultsTableProps {
  runId: string;
  totals: RunTotals;
}

/**
 * The visible width of the scroller: an expanded row's details are that wide and stick to its
 * left edge, so they stay readable when many columns scroll the table sideways.
 */
function useViewWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const nextSort = (sort: ResultSort | null, column: string): ResultSort | null =>
  sort?.column !== column
    ? { column, direction: 'ascending' }
    : sort.direction === 'ascending'
      ? { column, direction: 'descending' }
      : null;

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: ResultColumn;
  sort: ResultSort | null;
  onSort: (column: string) => void;
}) {
  const direction = sort?.column === column.id ? sort.direction : null;
  const Icon =
    direction === 'ascending' ? ArrowUp : direction === 'descending' ? ArrowDown : ArrowUpDown;
  return (
    <TableHead
      scope="col"
      aria-sort={direction ?? 'none'}
      data-testid={`results-head-${column.id}`}
      className={cn('bg-muted', column.numeric && 'text-right')}
    >
      <button
        type="button"
        className={cn(
          'inline-flex max-w-full items-center gap-1 hover:text-foreground',
          column.id.startsWith('var:') && 'font-mono',
          direction && 'text-foreground',
        )}
        onClick={() => onSort(column.id)}
      >
        <span className="truncate">{column.label}</span>
        <Icon className={cn('size-3 shrink-0', !direction && 'opacity-40')} />
      </button>
    </TableHead>
  );
}

/**
 * A run's results: a column per input variable, then expected, output, verdict and costs;
 * filtered by status and by a search over every text, sorted by any column, columns chosen by
 * the user. Only the rows in view are rendered (runs of thousands of cases stay fast).
 */
export function ResultsTable({ runId, totals }: ResultsTableProps) {
  const [filter, setFilter] = useState<ResultFilter>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ResultSort | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const { hidden, toggle: toggleColumn } = useHiddenColumns();
  const { byRun, loading } = useRunResults([{ runId, count: totals.results }]);
  const all = byRun.get(runId);
  const query = useDeferredValue(search.trim().toLowerCase());

  const columns = useMemo(() => resultColumns(variableNames(all ?? [])), [all]);
  const visible = columns.filter((c) => !hidden.has(c.id));
  const rows = useMemo(() => {
    const kept = (all ?? []).filter(
      (r) => (filter === 'all' || r.status === filter) && (!query || searchText(r).includes(query)),
    );
    return sortResults(kept, sort, columns);
  }, [all, filter, query, sort, columns]);

  const scroller = useRef<HTMLDivElement>(null);
  const viewWidth = useViewWidth(scroller);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 37,
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section className="flex flex-col gap-2" aria-label="Results">
      <ResultsToolbar
        totals={totals}
        filter={filter}
        onFilter={setFilter}
        search={search}
        onSearch={setSearch}
        columns={columns}
        hidden={hidden}
        onToggleColumn={toggleColumn}
        shown={all ? rows.length : null}
      />
      <div
        ref={scroller}
        // The kit's Table wraps itself in a horizontal scroller; this one scrolls both ways
        // instead, so the header can stick to its top.
        className="max-h-[min(65vh,44rem)] overflow-auto rounded-lg border bg-card [&>div]:overflow-visible"
        data-testid="results-scroller"
      >
        <Table
          className="table-fixed text-[13px]"
          style={{
            minWidth: `calc(${[POSITION_COLUMN, ...visible].map((c) => c.width).join(' + ')})`,
          }}
          data-testid="results-table"
        >
          <colgroup>
            <col style={{ width: POSITION_COLUMN.width }} />
            {visible.map((c) => (
              <col key={c.id} style={c.grows ? undefined : { width: c.width }} />
            ))}
          </colgroup>
          <TableHeader className="sticky top-0 z-10 bg-muted">
            <TableRow className="hover:bg-transparent">
              <SortHeader
                column={POSITION_COLUMN}
                sort={sort}
                onSort={(c) => setSort(nextSort(sort, c))}
              />
              {visible.map((column) => (
                <SortHeader
                  key={column.id}
                  column={column}
                  sort={sort}
                  onSort={(c) => setSort(nextSort(sort, c))}
                />
              ))}
            </TableRow>
          </TableHeader>
          {before > 0 ? (
            <tbody aria-hidden>
              <tr style={{ height: before }} />
            </tbody>
          ) : null}
          {items.map((item) => {
            const result = rows[item.index];
            if (!result) return null;
            const key = `${result.position}-${result.repeatIndex}`;
            return (
              <ResultRow
                key={item.key}
                index={item.index}
                measureRef={virtualizer.measureElement}
                result={result}
                columns={visible}
                detailsWidth={viewWidth}
                expanded={expanded.has(key)}
                onToggle={() => toggle(key)}
              />
            );
          })}
          {after > 0 ? (
            <tbody aria-hidden>
              <tr style={{ height: after }} />
            </tbody>
          ) : null}
        </Table>
        {rows.length === 0 ? (
          <p
            className="px-3 py-6 text-center text-sm text-muted-foreground"
            data-testid="results-empty"
          >
            {loading && !all
              ? 'Loading…'
              : query
                ? 'No result matches the search.'
                : 'No results here yet.'}
          </p>
        ) : null}
      </div>
    </section>
  );
}
