import { useState } from 'react';
import type { ChannelOutput, ProviderId } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

export type ProviderModels = ChannelOutput<'models.list'>['providers'][number];

/** One provider's models, listed live once opened (the core falls back to the catalog). */
export function useProviderModels(provider: ProviderId) {
  const [open, setOpen] = useState(false);
  const query = useChannelQuery('models.list', open ? { provider, live: true } : null);
  const listing = query.data?.providers.find((p) => p.provider === provider) ?? null;
  let error: string | null = null;
  // A failed call is toasted by the query client too; kept here so the section says why it is empty.
  if (query.error) error = query.error.toString();
  else if (query.data && !listing) error = `The core returned no listing for ${provider}`;
  return {
    open,
    loading: query.isFetching,
    listing,
    error,
    toggle: () => setOpen((was) => !was),
    reload: () => query.refetch(),
  };
}
