import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';
import { isActive, useRunProgress } from './progress-context';

const REFRESH_MS = 2000;

/**
 * One run with its totals (`evals.get`). While it runs, progress events load it again at most
 * every two seconds (totals are computed from every result, so not on each event); the event
 * that says it stopped always loads it.
 */
export function useRun(runId: string) {
  const client = useClient();
  const event = useRunProgress(runId);
  const [run, setRun] = useState<RunView | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [tick, setTick] = useState(0);
  const lastLoad = useRef(0);
  const status = event?.status;
  const done = event?.done;

  useEffect(() => {
    if (status === undefined) return;
    const wait = isActive(status) ? Math.max(0, lastLoad.current + REFRESH_MS - Date.now()) : 0;
    const timer = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [status, done]);

  useEffect(() => {
    let live = true;
    lastLoad.current = Date.now();
    client.invoke('evals.get', { runId }).then(
      (view) => {
        if (!live) return;
        setRun(view);
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, runId, tick]);

  const replace = useCallback((view: RunView) => setRun(view), []);
  return { run, error, replace };
}
