import { useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput, PriceView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
import { fieldErrorsOf } from '../../lib/field-errors';
import { PROVIDER_LABELS } from '../../lib/provider-labels';

/**
 * Calls `prices.set`. A refusal is toasted by the client; the message and the offending fields
 * are kept here too so the form can show them next to its inputs.
 */
export function useSavePrice(onSaved: (view: PriceView) => void) {
  const client = useClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const clearErrors = () => {
    setError(null);
    setFieldErrors({});
  };

  const save = async (input: ChannelInput<'prices.set'>): Promise<boolean> => {
    setSaving(true);
    clearErrors();
    try {
      const view = await client.invoke('prices.set', input);
      toast.success(`Price saved for ${view.model}`, {
        description: `${PROVIDER_LABELS[view.provider]} · input ${view.input} · output ${view.output} USD per 1M tokens`,
      });
      onSaved(view);
      return true;
    } catch (err) {
      const clientError = toClientError(err);
      setError(clientError.toString());
      setFieldErrors(fieldErrorsOf(clientError));
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { save, saving, error, fieldErrors, clearErrors };
}
