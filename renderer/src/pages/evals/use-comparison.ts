import { useChannelQuery } from '../../query/channel-query';

/** `evals.compare` of two runs; event invalidation asks again while either runs and when it stops. */
export function useComparison(baseline: string, candidate: string) {
  const { data, error } = useChannelQuery('evals.compare', {
    baselineRunId: baseline,
    candidateRunId: candidate,
  });
  return { comparison: data, error };
}
