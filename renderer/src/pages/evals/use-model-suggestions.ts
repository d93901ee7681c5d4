import { useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ChannelOutput, ProviderId } from '../../../../shared/contract';
import { channelKey, useChannelQuery } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

export type ModelIds = Partial<Record<ProviderId, readonly string[]>>;

type Listing = ChannelOutput<'models.list'>;

function merge(into: Record<string, string[]>, listing: Listing | undefined) {
  for (const p of listing?.providers ?? [])
    into[p.provider] = [...new Set([...p.models.map((m) => m.id), ...(into[p.provider] ?? [])])];
}

/**
 * Model ids to suggest per provider: the price catalog at once, then a provider's live list the
 * first time one of its inputs is focused (the core falls back to the catalog). A live list
 * that fails only leaves the catalog's ids: it is not worth a toast.
 */
export function useModelSuggestions() {
  const transport = useQueryTransport();
  const catalog = useChannelQuery('models.list', { live: false });
  const [wanted, setWanted] = useState<readonly ProviderId[]>([]);
  const live = useQueries({
    queries: wanted.map((provider) => {
      const input = { provider, live: true };
      return {
        queryKey: [...channelKey('models.list', input), 'quiet'],
        queryFn: () => transport.invoke('models.list', input).catch(() => ({ providers: [] })),
        staleTime: Infinity,
      };
    }),
  });
  // A few hundred ids: merged again on each render rather than memoised on a changing list.
  const merged: Record<string, string[]> = {};
  merge(merged, catalog.data);
  for (const q of live) merge(merged, q.data as Listing | undefined);
  const ids = merged as ModelIds;
  const listLive = useCallback(
    (provider: ProviderId) =>
      setWanted((current) => (current.includes(provider) ? current : [...current, provider])),
    [],
  );
  return { ids, listLive };
}
