import { useCallback, useEffect, useState } from 'react';
import type { PlaygroundRunView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

const LIMIT = 50;

/** Recent runs from `playground.history`; a finished run is prepended without a reload. */
export function useHistory() {
  const client = useClient();
  const [runs, setRuns] = useState<PlaygroundRunView[] | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    client.invoke('playground.history', { limit: LIMIT }).then(
      ({ runs: loaded }) => {
        if (!live) return;
        setRuns(loaded);
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const prepend = useCallback((run: PlaygroundRunView) => {
    setRuns((current) => [run, ...(current ?? []).filter((r) => r.id !== run.id)].slice(0, LIMIT));
  }, []);

  return { runs, error, reload, prepend };
}
