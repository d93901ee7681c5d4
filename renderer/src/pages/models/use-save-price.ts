import { toast } from 'sonner';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { useChannelMutation } from '../../query/channel-query';

/**
 * `prices.set` for a form: a refusal shows in the form (next to its field), not as a toast;
 * success toasts what now applies and refreshes the price list.
 */
export function useSavePrice() {
  return useChannelMutation('prices.set', {
    meta: { form: true },
    onSuccess: (view) =>
      toast.success(`Price saved for ${view.model}`, {
        description: `${PROVIDER_LABELS[view.provider]} · input ${view.input} · output ${view.output} USD per 1M tokens`,
      }),
  });
}
