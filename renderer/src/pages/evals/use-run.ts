import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunView } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';
import { isActive, useRunProgress } from './progress-context';

const REFRESH_MS = 2000;

/**
 * One run with its totals (`evals.get`). While it runs, progress events load it again at most
 * every two seconds (totals are computed from every result, so not on each event); the event
 * that says it stopped always loads it.
 */
export function useRun(runId: string) {
  const event = useRunProgress(runId);
  const [tick, setTick] = useState(0);
  const lastLoad = useRef(0);
  const status = event?.status;
  const done = event?.done;

  // The first load of a run counts as a load: the first progress event waits out REFRESH_MS.
  useEffect(() => {
    lastLoad.current = Date.now();
  }, [runId]);

  useEffect(() => {
    if (status === undefined) return;
    const wait = isActive(status) ? Math.max(0, lastLoad.current + REFRESH_MS - Date.now()) : 0;
    const timer = setTimeout(() => {
      lastLoad.current = Date.now();
      setTick((n) => n + 1);
    }, wait);
    return () => clearTimeout(timer);
  }, [status, done]);

  const { data: run, error, update } = useChannel('evals.get', { runId }, { refresh: tick });
  const replace = useCallback((view: RunView) => update(() => view), [update]);
  return { run, error, replace };
}
