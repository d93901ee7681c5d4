import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { RunView, TopicPayload } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

export type ProgressEvent = TopicPayload<'eval.progress'>;

interface ProgressState {
  /** The latest event of each run seen since the page opened. */
  readonly byRun: ReadonlyMap<string, ProgressEvent>;
  /** Bumped whenever a run stops (completed, cancelled, failed): lists load again. */
  readonly stops: number;
}

const ProgressContext = createContext<ProgressState>({ byRun: new Map(), stops: 0 });

export const isActive = (status: RunView['status']): boolean =>
  status === 'running' || status === 'queued';

/**
 * One `eval.progress` subscription for the whole page. The server throttles the events, so each
 * one simply replaces the run's entry.
 */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [state, setState] = useState<ProgressState>({ byRun: new Map(), stops: 0 });

  useEffect(
    () =>
      client.subscribe('eval.progress', (event) => {
        setState((current) => ({
          byRun: new Map(current.byRun).set(event.runId, event),
          stops: current.stops + (isActive(event.status) ? 0 : 1),
        }));
      }),
    [client],
  );

  return <ProgressContext.Provider value={state}>{children}</ProgressContext.Provider>;
}

export function useProgress(): ProgressState {
  return useContext(ProgressContext);
}

/** The run's latest event, if any arrived since the page opened. */
export function useRunProgress(runId: string): ProgressEvent | undefined {
  return useContext(ProgressContext).byRun.get(runId);
}

/** A run's status with what progress says now (a row loaded before the run finished). */
export function liveStatus(run: RunView, event: ProgressEvent | undefined): RunView['status'] {
  return event?.status ?? run.status;
}
