import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput, ProviderId } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

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

/**
 * Model ids for the columns' suggestions: the price catalog at once, then the provider's live
 * list the first time a column of that provider asks (the core falls back to the catalog).
 */
export function useModelCatalog() {
  const client = useClient();
  const [catalog, setCatalog] = useState<ModelCatalog>({});
  const listedLive = useRef(new Set<ProviderId>());

  useEffect(() => {
    let live = true;
    client.invoke('models.list', { live: false }).then(
      ({ providers }) => live && setCatalog((current) => merge(current, providers)),
      // Already toasted; the model inputs still take any id.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const listLive = useCallback(
    (provider: ProviderId) => {
      if (listedLive.current.has(provider)) return;
      listedLive.current.add(provider);
      client.invoke('models.list', { provider, live: true }).then(
        ({ providers }) => setCatalog((current) => merge(current, providers)),
        () => listedLive.current.delete(provider),
      );
    },
    [client],
  );

  return { catalog, listLive };
}
