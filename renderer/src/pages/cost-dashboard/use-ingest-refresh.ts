import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { invalidateChannels } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

/** Ingest can announce hundreds of batches a second; the page asks again at most this often. */
export const INGEST_REFRESH_MS = 2_000;

/**
 * Refreshes the given channels while spans arrive (`traces.ingested`), at most once per
 * INGEST_REFRESH_MS, so the dashboard and sessions follow live traffic without a reload.
 */
export function useIngestRefresh(channels: readonly string[]): void {
  const transport = useQueryTransport();
  const queryClient = useQueryClient();
  const key = channels.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = transport.subscribe('traces.ingested', () => {
      timer ??= setTimeout(() => {
        timer = null;
        void invalidateChannels(queryClient, key.split(','));
      }, INGEST_REFRESH_MS);
    });
    return () => {
      if (timer) clearTimeout(timer);
      off();
    };
  }, [transport, queryClient, key]);
}
