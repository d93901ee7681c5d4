import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ResultView } from '../../../../shared/contract';
import { channelKey } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

/** The most `evals.results` hands back at once. */
export const RESULTS_PAGE = 1000;

export interface RunResultsSource {
  readonly runId: string;
  /** How many results the run has stored (its totals): how many pages to ask for. */
  readonly count: number;
}

export interface RunResults {
  /** Each run's results in stored order; missing while its first page loads. */
  readonly byRun: ReadonlyMap<string, readonly ResultView[]>;
  readonly loading: boolean;
}

/**
 * Every result of each run, a page of RESULTS_PAGE at a time (one query per page, so event
 * invalidation refreshes them while a run goes on). Searching and sorting need every row, and a
 * 1,000-case run is one page; the table renders only the rows in view.
 */
export function useRunResults(sources: readonly RunResultsSource[]): RunResults {
  const transport = useQueryTransport();
  const pages = sources.flatMap(({ runId, count }) =>
    Array.from({ length: Math.max(1, Math.ceil(count / RESULTS_PAGE)) }, (_, page) => ({
      runId,
      offset: page * RESULTS_PAGE,
      limit: RESULTS_PAGE,
    })),
  );
  const queries = useQueries({
    queries: pages.map(({ runId, offset, limit }) => {
      const input = { runId, offset, limit };
      return {
        queryKey: channelKey('evals.results', input),
        queryFn: () => transport.invoke('evals.results', input),
        placeholderData: keepPreviousData,
      };
    }),
  });
  // Changes whenever a page's data does, or the pages asked for do.
  const stamp = pages
    .map((p, i) => `${p.runId}:${p.offset}:${queries[i]?.dataUpdatedAt ?? 0}`)
    .join(',');
  const loading = queries.some((q) => q.data === undefined);
  const byRun = useMemo(() => {
    const map = new Map<string, ResultView[]>();
    pages.forEach(({ runId }, i) => {
      const data = queries[i]?.data;
      if (!data) return;
      map.set(runId, [...(map.get(runId) ?? []), ...data.results]);
    });
    return map;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the stamp stands for pages and queries.
  }, [stamp]);
  return { byRun, loading };
}
