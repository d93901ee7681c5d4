import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useQueryTransport } from './query-transport';
import { channelKey, invalidateChannels } from './channel-query';
import { progressKey } from './run-progress';

/** How often a stream of progress events may refresh the eval queries. */
const PROGRESS_REFRESH_MS = 750;

/**
 * Keeps cached answers current from the event stream: a run's progress refreshes the eval
 * queries (at most every PROGRESS_REFRESH_MS while it runs, at once when it ends), and a
 * latest progress of each run is kept under progressKey (see useRunProgress), and a
 * settings change replaces the cached settings. Mounted once, under the query client.
 */
export function EventInvalidation() {
  const transport = useQueryTransport();
  const queryClient = useQueryClient();

  useEffect(() => {
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
      } else {
        timer ??= setTimeout(refreshEvals, PROGRESS_REFRESH_MS);
      }
    });
    const offSettings = transport.subscribe('settings.changed', (view) => {
      queryClient.setQueryData(channelKey('settings.get', {}), view);
    });
    return () => {
      if (timer) clearTimeout(timer);
      offProgress();
      offSettings();
    };
  }, [transport, queryClient]);

  return null;
}
