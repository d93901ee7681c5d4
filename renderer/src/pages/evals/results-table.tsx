import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { RunTotals } from '../../../../shared/contract';
import { Segmented } from '../../components/ui/segmented';
import { cn } from '../../lib/utils';
import { fmtCount } from './format';
import { UNSCORED_HINT } from './live-counts';
import { RESULT_GRID, ResultRow } from './result-row';
import { RESULTS_PAGE, useResultPages, type ResultFilter } from './use-result-pages';

interface ResultsTableProps {
  runId: string;
  totals: RunTotals;
}

const HEADERS = ['#', 'Input', 'Output', 'Status', 'Score', 'Matchers', 'Cost', 'Latency'];
const RIGHT = new Set(['Score', 'Cost', 'Latency']);

/** A run's results, virtualized and fetched a page at a time as they scroll into view. */
export function ResultsTable({ runId, totals }: ResultsTableProps) {
  const [filter, setFilter] = useState<ResultFilter>('all');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const pages = useResultPages(runId, filter, totals.results);
  const scroller = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => 36,
    overscan: 12,
    getItemKey: (i) => pages.rowAt(i)?.id ?? `row-${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensure } = pages;

  useEffect(() => {
    for (let p = Math.floor(first / RESULTS_PAGE); p <= Math.floor(last / RESULTS_PAGE); p++)
      ensure(p);
  }, [first, last, ensure]);

  const options = (['all', 'pass', 'fail', 'error', 'unscored'] as const).map((value) => ({
    value,
    label:
      value === 'all' ? `All ${fmtCount(totals.results)}` : `${value} ${fmtCount(totals[value])}`,
    testId: `results-filter-${value}`,
    ...(value === 'unscored' ? { title: UNSCORED_HINT } : {}),
  }));
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section className="flex flex-col gap-2" aria-label="Results">
      <div className="flex items-center gap-3">
        <h3 className="text-sm font-semibold">Results</h3>
        <Segmented label="Filter results" value={filter} options={options} onChange={setFilter} />
        <span className="ml-auto text-xs text-muted-foreground" data-testid="results-count">
          {pages.total === null ? 'Loading…' : `${fmtCount(count)} results`}
        </span>
      </div>
      <div className="overflow-hidden rounded-lg border bg-card" data-testid="results-table">
        <div
          className={cn(
            RESULT_GRID,
            'h-8 border-b bg-muted/60 text-xs font-medium text-muted-foreground',
          )}
        >
          {HEADERS.map((h) => (
            <span key={h} className={RIGHT.has(h) ? 'text-right' : ''}>
              {h}
            </span>
          ))}
        </div>
        <div
          ref={scroller}
          className="h-[min(65vh,44rem)] overflow-y-auto"
          data-testid="results-scroller"
        >
          {count === 0 && pages.total !== null ? (
            <p className="px-3 py-6 text-center text-sm text-muted-foreground">
              No results here yet.
            </p>
          ) : null}
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const result = pages.rowAt(item.index);
              const key = result ? `${result.position}-${result.repeatIndex}` : '';
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="absolute top-0 left-0 w-full border-b border-border/60"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {result ? (
                    <ResultRow
                      result={result}
                      expanded={expanded.has(key)}
                      onToggle={() => toggle(key)}
                    />
                  ) : (
                    <div className={cn(RESULT_GRID, 'h-9 text-xs text-muted-foreground')}>
                      <span>…</span>
                      <span>Loading…</span>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
