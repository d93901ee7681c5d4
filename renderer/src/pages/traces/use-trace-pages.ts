import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../../shared/contract';
import type { TraceSummary } from '../../../../shared/contract/traces';
import type { ClientError } from '../../client';
import { useQueryTransport } from '../../query/query-transport';
import { listHref, traceFilterOf, type TraceListView } from './trace-route';

/** Traces per request: a screenful or two, so the first page answers fast. */
export const TRACE_PAGE_SIZE = 100;

type ListInput = ChannelInput<'traces.list'>;
type ListPage = ChannelOutput<'traces.list'>;

/**
 * The list's pages, fetched one after another as the list scrolls. Keyed under `traces.list`,
 * so the ingest event's invalidation of that channel refreshes every page.
 */
export function useTracePages(view: TraceListView) {
  const transport = useQueryTransport();
  // The view is parsed anew on each render; its href is what stays the same while it does.
  const href = listHref(view);
  const input = useMemo<Omit<ListInput, 'offset' | 'filter'>>(
    () => ({ sort: view.sort, order: view.order, limit: TRACE_PAGE_SIZE }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `href` stands for `view`.
    [href],
  );
  const query = useInfiniteQuery<ListPage, ClientError, ListPage[], QueryKey, number>({
    // The view, not the filter, is the key: a preset range ("last 24 hours") is counted back
    // from when each page is fetched, so a refresh moves the window along.
    queryKey: ['traces.list', { href, ...input }],
    queryFn: ({ pageParam }) =>
      transport.invoke('traces.list', {
        ...input,
        filter: traceFilterOf(view, Date.now()),
        offset: pageParam,
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    select: (data) => data.pages,
    placeholderData: keepPreviousData,
  });
  const traces = useMemo<TraceSummary[]>(
    () => (query.data ?? []).flatMap((page) => page.items),
    [query.data],
  );
  return { ...query, traces };
}
