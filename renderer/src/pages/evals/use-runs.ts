import { useChannel } from '../../lib/use-channel';
import { useProgress } from './progress-context';

export interface RunFilter {
  readonly dataset?: string | null;
  readonly groupId?: string | null;
}

/**
 * `evals.list` (newest first), of one dataset or group when given. Loads again whenever a run
 * stops, so finished totals replace the live counts.
 */
export function useRuns({ dataset, groupId }: RunFilter, limit = 200) {
  const { stops } = useProgress();
  const { data, error, reload } = useChannel(
    'evals.list',
    { limit, ...(dataset ? { dataset } : {}), ...(groupId ? { groupId } : {}) },
    { refresh: stops },
  );
  return { runs: data?.runs ?? null, error, reload };
}
