import { keepPreviousData, useQueries, type UseQueryOptions } from '@tanstack/react-query';
import type { RunView } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { channelKey } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';
import { columnsOf, matrixOf } from './matrix-grid';
import { useRuns } from './use-runs';

interface MatrixRunsSource {
  readonly groupId: string | null;
  readonly dataset: string | null;
  readonly runIds: readonly string[];
}

/**
 * The runs a matrix lays side by side, oldest first: the runs picked by hand (in the order
 * given), or the newest run of each prompt × model of a group or a dataset.
 */
export function useMatrixRuns({ groupId, dataset, runIds }: MatrixRunsSource): {
  runs: readonly RunView[] | null;
  error: ClientError | null;
} {
  const transport = useQueryTransport();
  const picked = runIds.length > 0;
  const listed = useRuns(groupId ? { groupId } : { dataset }, picked ? 1 : 200);
  const gets = useQueries({
    queries: runIds.map((runId): UseQueryOptions<RunView, ClientError> => ({
      queryKey: channelKey('evals.get', { runId }),
      queryFn: () => transport.invoke('evals.get', { runId }),
      placeholderData: keepPreviousData,
    })),
  });
  if (picked) {
    const error = gets.find((q) => q.error)?.error ?? null;
    const runs = gets.map((q) => q.data);
    return {
      runs: runs.every((r): r is RunView => r !== undefined) ? runs : null,
      error,
    };
  }
  return { runs: listed.runs ? columnsOf(matrixOf(listed.runs)) : null, error: listed.error };
}
