import { useChannelQuery } from '../../query/channel-query';

export interface RunFilter {
  readonly dataset?: string | null;
  readonly groupId?: string | null;
}

/**
 * `evals.list` (newest first), of one dataset or group when given. Event invalidation refreshes
 * it while runs progress and once each stops, so finished totals replace the live counts.
 */
export function useRuns({ dataset, groupId }: RunFilter, limit = 200) {
  const { data, error } = useChannelQuery('evals.list', {
    limit,
    ...(dataset ? { dataset } : {}),
    ...(groupId ? { groupId } : {}),
  });
  return { runs: data?.runs ?? null, error };
}
