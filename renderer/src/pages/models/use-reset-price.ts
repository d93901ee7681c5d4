import { useState } from 'react';
import { toast } from 'sonner';
import type { PriceView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { priceKey } from './price-draft';

/** Removes an override with `prices.delete`; the caller reloads to show what applies now. */
export function useResetPrice(onReset: () => void) {
  const client = useClient();
  const [resetting, setResetting] = useState<string | null>(null);

  const reset = async (view: PriceView) => {
    setResetting(priceKey(view));
    try {
      const { deleted } = await client.invoke('prices.delete', {
        provider: view.provider,
        model: view.model,
      });
      if (deleted) toast.success(`Price override for ${view.model} removed`);
      else toast.info(`${view.model} had no override any more`);
      onReset();
    } catch {
      // The toasting client reported it; the row stays as it was.
    } finally {
      setResetting(null);
    }
  };

  return { reset, resetting };
}
