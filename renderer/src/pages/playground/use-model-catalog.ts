import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ChannelOutput, ProviderId } from '../../../../shared/contract';
import { channelKey, useChannelQuery } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

type ProviderListing = ChannelOutput<'models.list'>['providers'][number];

export interface ModelSuggestion {
  readonly id: string;
  readonly label: string;
}

export type ModelCatalog = Partial<Record<ProviderId, readonly ModelSuggestion[]>>;

function suggestionsOf(listing: ProviderListing): ModelSuggestion[] {
  return listing.models.map((model) => {
    const price = model.price
      ? `$${model.price.input} / $${model.price.output} per 1M`
      : 'unpriced';
    const name = model.name && model.name !== model.id ? `${model.name} · ` : '';
    return { id: model.id, label: `${name}${price}` };
  });
}

function merge(catalog: ModelCatalog, listings: readonly ProviderListing[]): ModelCatalog {
  const next = { ...catalog };
  for (const listing of listings) {
    const fresh = suggestionsOf(listing);
    const ids = new Set(fresh.map((s) => s.id));
    // A live list may lack catalog models (and the reverse): keep both, the newer first.
    const kept = (catalog[listing.provider] ?? []).filter((s) => !ids.has(s.id));
    next[listing.provider] = [...fresh, ...kept];
  }
  return next;
}

/** Module-level, so useQueries keeps the combined array while no answer changes. */
function answersOf(results: readonly { data?: ChannelOutput<'models.list'> }[]) {
  return results.map((r) => r.data);
}

/**
 * Model ids for the columns' pickers: the price catalog at once, then a provider's live list
 * the first time a column of that provider opens its picker (the core falls back to the
 * catalog when listing fails).
 */
export function useModelCatalog() {
  const transport = useQueryTransport();
  const offline = useChannelQuery('models.list', { live: false });
  const [wanted, setWanted] = useState<readonly ProviderId[]>([]);
  const liveData = useQueries({
    queries: wanted.map((provider) => {
      const input = { provider, live: true };
      return {
        queryKey: channelKey('models.list', input),
        queryFn: () => transport.invoke('models.list', input),
      };
    }),
    combine: answersOf,
  });

  const catalog = useMemo(() => {
    let next = merge({}, offline.data?.providers ?? []);
    for (const data of liveData) if (data) next = merge(next, data.providers);
    return next;
  }, [offline.data, liveData]);

  const listLive = useCallback((provider: ProviderId) => {
    setWanted((current) => (current.includes(provider) ? current : [...current, provider]));
  }, []);

  return { catalog, listLive };
}
