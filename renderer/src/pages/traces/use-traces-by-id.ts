import { useQueries } from '@tanstack/react-query';
import type { TraceSummary } from '../../../../shared/contract/traces';
import { channelKey } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

/** At most this many ranked results are shown (a meaning search is a top-k, not a listing). */
export const MAX_RANKED = 50;

/**
 * The summaries of traces named by id, in the order given (a meaning search's ranking); ids
 * that no longer resolve are left out. Null while any is loading.
 */
export function useTracesById(ids: readonly string[] | null): TraceSummary[] | null {
  const transport = useQueryTransport();
  const wanted = (ids ?? []).slice(0, MAX_RANKED);
  const results = useQueries({
    queries: wanted.map((id) => ({
      queryKey: channelKey('traces.get', { id }),
      queryFn: () => transport.invoke('traces.get', { id }),
      retry: false,
    })),
  });
  if (ids === null) return null;
  if (results.some((r) => r.isPending)) return null;
  return results.flatMap((r) => (r.data ? [r.data.trace] : []));
}
