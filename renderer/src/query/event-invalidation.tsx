import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Client } from '../client';
import { channelKey, invalidateChannels } from './channel-query';
import { progressKey } from './run-progress';

/** How often a stream of progress events may refresh the eval queries. */
export const PROGRESS_REFRESH_MS = 750;

/** How often a stream of ingested spans may refresh the Traces list (an app may send 100s/s). */
export const TRACES_REFRESH_MS = 1000;

/**
 * Keeps cached answers current from the event stream: a run's progress refreshes the eval
 * queries (at most every PROGRESS_REFRESH_MS while it runs, at once when it ends), the latest
 * progress of each run is kept under progressKey (see useRunProgress), and a settings change
 * replaces the cached settings. Returns the function that stops listening.
 */
export function connectEventInvalidation(
  transport: Pick<Client, 'subscribe'>,
  queryClient: QueryClient,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refreshEvals = () => {
    timer = null;
    void invalidateChannels(queryClient, ['evals']);
  };
  const offProgress = transport.subscribe('eval.progress', (progress) => {
    queryClient.setQueryData(progressKey(progress.runId), progress);
    const ended = progress.status !== 'running' && progress.status !== 'queued';
    if (ended) {
      if (timer) clearTimeout(timer);
      refreshEvals();
      // A completed run is a new leaderboard entry.
      if (progress.status === 'completed') void invalidateChannels(queryClient, ['leaderboards']);
    } else {
      timer ??= setTimeout(refreshEvals, PROGRESS_REFRESH_MS);
    }
  });
  // A backtest's progress refreshes the backtests queries (its run, its pairs, its set's runs).
  let backtestsTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshBacktests = () => {
    backtestsTimer = null;
    void invalidateChannels(queryClient, ['backtests']);
  };
  const offBacktests = transport.subscribe('backtests.progress', (progress) => {
    const ended = progress.status !== 'running' && progress.status !== 'queued';
    if (ended) {
      if (backtestsTimer) clearTimeout(backtestsTimer);
      refreshBacktests();
    } else {
      backtestsTimer ??= setTimeout(refreshBacktests, PROGRESS_REFRESH_MS);
    }
  });
  const offSettings = transport.subscribe('settings.changed', (view) => {
    queryClient.setQueryData(channelKey('settings.get', {}), view);
  });
  // New spans refresh the list and the facets, and only the open traces they belong to; the
  // trace ids of a burst are gathered until the throttled refresh runs.
  let tracesTimer: ReturnType<typeof setTimeout> | null = null;
  const touched = new Set<string>();
  const refreshTraces = () => {
    tracesTimer = null;
    const ids = new Set(touched);
    touched.clear();
    void invalidateChannels(queryClient, ['traces.list', 'traces.facets']);
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const [channel, input] = query.queryKey;
        return (
          channel === 'traces.get' &&
          typeof input === 'object' &&
          input !== null &&
          'id' in input &&
          typeof input.id === 'string' &&
          ids.has(input.id)
        );
      },
    });
  };
  const offTraces = transport.subscribe('traces.ingested', (event) => {
    for (const id of event.traceIds) touched.add(id);
    tracesTimer ??= setTimeout(refreshTraces, TRACES_REFRESH_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    if (tracesTimer) clearTimeout(tracesTimer);
    if (backtestsTimer) clearTimeout(backtestsTimer);
    offProgress();
    offBacktests();
    offSettings();
    offTraces();
  };
}

/** Mounted once, under the query client and the transport. */
export function EventInvalidation({ transport }: { transport: Pick<Client, 'subscribe'> }) {
  const queryClient = useQueryClient();
  useEffect(() => connectEventInvalidation(transport, queryClient), [transport, queryClient]);
  return null;
}
