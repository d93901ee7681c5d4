import { useChannel } from '../../lib/use-channel';
import { useProgress } from './progress-context';

/** `evals.compare` of two runs; loaded again when a run stops (one of them may have been running). */
export function useComparison(baseline: string, candidate: string) {
  const { stops } = useProgress();
  const { data, error } = useChannel(
    'evals.compare',
    { baselineRunId: baseline, candidateRunId: candidate },
    { refresh: stops },
  );
  return { comparison: data, error };
}
