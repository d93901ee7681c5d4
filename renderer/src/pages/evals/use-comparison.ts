import { useQueries } from '@tanstack/react-query';
import type { ComparisonView } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { channelKey } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

/**
 * `evals.compare` of the baseline against each candidate, one query each (keyed like every
 * channel query, so a run's progress refreshes them). `comparisons` is complete or null.
 */
export function useComparisons(baseline: string, candidates: readonly string[]) {
  const transport = useQueryTransport();
  const queries = useQueries({
    queries: candidates.map((candidate) => {
      const input = { baselineRunId: baseline, candidateRunId: candidate };
      return {
        queryKey: channelKey('evals.compare', input),
        queryFn: () => transport.invoke('evals.compare', input),
      };
    }),
  });
  const data = queries.map((q) => q.data);
  const comparisons = data.every((d): d is ComparisonView => d !== undefined) ? data : null;
  const error = (queries.find((q) => q.error)?.error ?? null) as ClientError | null;
  return { comparisons, error };
}
