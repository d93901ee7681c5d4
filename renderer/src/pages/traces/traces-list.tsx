import { LoaderCircle } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../components/ui/button';
import { TraceFilters } from './trace-filters';
import {
  activeFilterCount,
  goToTraces,
  listHref,
  rememberListHref,
  traceHref,
  type TraceListView,
} from './trace-route';
import { TracesEmpty } from './traces-empty';
import { TracesTable } from './traces-table';
import { useTracePages } from './use-trace-pages';
import { useTracesById } from './use-traces-by-id';

/**
 * The Traces list: filters and search (all in the URL), then the traces as a virtual table that
 * loads pages as it scrolls. A meaning search (its slot beside the search box) replaces the
 * list with its ranked traces until it is cleared.
 */
export function TracesList({ view }: { view: TraceListView }) {
  const pages = useTracePages(view);
  const href = listHref(view);
  useEffect(() => rememberListHref(href), [href]);
  const [meaningIds, setMeaningIds] = useState<string[] | null>(null);
  const ranked = useTracesById(meaningIds);
  const change = useCallback(
    (next: Partial<TraceListView>, options?: { replace?: boolean }) =>
      goToTraces(listHref({ ...view, ...next }), options),
    [view],
  );
  const open = useCallback((id: string) => goToTraces(traceHref(id)), []);
  const { fetchNextPage } = pages;
  const more = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const narrowed = activeFilterCount(view) > 0 || view.q.trim() !== '';

  let body;
  if (meaningIds !== null) {
    body =
      ranked === null ? (
        <Loading />
      ) : (
        <>
          <p
            className="flex items-center gap-2 text-xs text-muted-foreground"
            data-testid="traces-meaning-note"
          >
            {`${ranked.length} traces found by meaning, best first`}
            <Button
              variant="ghost"
              size="xs"
              data-testid="traces-meaning-clear"
              onClick={() => setMeaningIds(null)}
            >
              Back to the list
            </Button>
          </p>
          <TracesTable
            traces={ranked}
            sort={null}
            onSort={null}
            hasMore={false}
            loadingMore={false}
            onMore={more}
            onOpen={open}
          />
        </>
      );
  } else if (pages.error) {
    body = (
      <p className="text-sm text-destructive" role="alert" data-testid="traces-error">
        {pages.error.toString()}
      </p>
    );
  } else if (pages.isPending) {
    body = <Loading />;
  } else if (pages.traces.length === 0) {
    body = narrowed ? (
      <p className="py-10 text-center text-sm text-muted-foreground" data-testid="traces-no-match">
        No trace matches these filters.
      </p>
    ) : (
      <TracesEmpty />
    );
  } else {
    body = (
      <TracesTable
        traces={pages.traces}
        sort={{ sort: view.sort, order: view.order }}
        onSort={(next) => change(next)}
        hasMore={pages.hasNextPage}
        loadingMore={pages.isFetchingNextPage}
        onMore={more}
        onOpen={open}
      />
    );
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 px-8 py-4" data-testid="traces-list">
      <TraceFilters view={view} onChange={change} onMeaningResults={setMeaningIds} />
      {pages.isFetching && !pages.isFetchingNextPage && !pages.isPending ? (
        <span className="sr-only" role="status">
          Refreshing
        </span>
      ) : null}
      {body}
    </div>
  );
}

function Loading() {
  return (
    <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
      <LoaderCircle className="size-4 animate-spin" />
      Loading traces…
    </p>
  );
}
