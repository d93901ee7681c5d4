import { useEffect, useState } from 'react';
import type { ComparisonView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';
import { useProgress } from './progress-context';

/** `evals.compare` of two runs; loaded again when a run stops (one of them may have been running). */
export function useComparison(baseline: string, candidate: string) {
  const client = useClient();
  const { stops } = useProgress();
  const [comparison, setComparison] = useState<ComparisonView | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  useEffect(() => {
    let live = true;
    client.invoke('evals.compare', { baselineRunId: baseline, candidateRunId: candidate }).then(
      (view) => {
        if (!live) return;
        setComparison(view);
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, baseline, candidate, stops]);

  return { comparison, error };
}
