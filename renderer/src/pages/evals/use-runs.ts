import { useCallback, useEffect, useState } from 'react';
import type { RunView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';
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
  const client = useClient();
  const { stops } = useProgress();
  const [runs, setRuns] = useState<RunView[] | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    client
      .invoke('evals.list', {
        limit,
        ...(dataset ? { dataset } : {}),
        ...(groupId ? { groupId } : {}),
      })
      .then(
        (result) => {
          if (!live) return;
          setRuns(result.runs);
          setError(null);
        },
        (err: unknown) => live && setError(toClientError(err)),
      );
    return () => {
      live = false;
    };
  }, [client, dataset, groupId, limit, stops, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { runs, error, reload };
}
