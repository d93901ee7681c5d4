import { toast } from 'sonner';
import type { PriceView } from '../../../../shared/contract';
import { useChannelMutation } from '../../query/channel-query';
import { priceKey } from './price-draft';

/** Removes an override with `prices.delete`; the price list refreshes to show what applies now. */
export function useResetPrice() {
  const mutation = useChannelMutation('prices.delete', {
    onSuccess: ({ deleted }, { model }) => {
      if (deleted) toast.success(`Price override for ${model} removed`);
      else toast.info(`${model} had no override any more`);
    },
  });
  return {
    reset: (view: PriceView) => mutation.mutate({ provider: view.provider, model: view.model }),
    resetting: mutation.isPending ? priceKey(mutation.variables) : null,
  };
}
