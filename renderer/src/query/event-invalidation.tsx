import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Client } from '../client';
import { channelKey, invalidateChannels } from './channel-query';
import { progressKey } from './run-progress';

/** How often a stream of progress events may refresh the eval queries. */
export const PROGRESS_REFRESH_MS = 750;

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
}

/** Mounted once, under the query client and the transport. */
export function EventInvalidation({ transport }: { transport: Pick<Client, 'subscribe'> }) {
  const queryClient = useQueryClient();
  useEffect(() => connectEventInvalidation(transport, queryClient), [transport, queryClient]);
  return null;
}
