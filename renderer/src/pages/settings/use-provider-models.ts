import { useState } from 'react';
import type { ChannelOutput, ProviderId } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';

export type ProviderModels = ChannelOutput<'models.list'>['providers'][number];

/** One provider's models, listed live on demand (the core falls back to the catalog). */
export function useProviderModels(provider: ProviderId) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [listing, setListing] = useState<ProviderModels | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setLoading(true);
    setError(null);
    try {
      const { providers } = await client.invoke('models.list', { provider, live: true });
      const found = providers.find((p) => p.provider === provider);
      setListing(found ?? null);
      if (!found) setError(`The core returned no listing for ${provider}`);
    } catch (err) {
      // Already toasted by the client; kept here so the section says why it is empty.
      setError(toClientError(err).toString());
    } finally {
      setLoading(false);
    }
  };

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !listing && !loading) void load();
  };

  return { open, loading, listing, error, toggle, reload: load };
}
