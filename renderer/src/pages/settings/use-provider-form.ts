import { useEffect, useMemo, useState } from 'react';
import { toast } from 'sonner';
import type { SettingsView, UpdateProviderInput } from '../../../../shared/contract';
import { useSettings } from '../../app/settings-context';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import {
  formValuesOf,
  providerFormSchema,
  updateOf,
  type ProviderFormOutput,
} from './provider-form-schema';
import type { FieldSpec, ProviderSpec } from './provider-specs';

/**
 * One provider's form. A change of the saved settings (from another window, say) updates every
 * field the user has not touched, without wiping what they are typing. Errors show once, next to their field (the core's VALIDATION_FAILED included).
 */
export function useProviderForm(spec: ProviderSpec, view: SettingsView) {
  const { replace } = useSettings();
  const schema = useMemo(() => providerFormSchema(spec), [spec]);
  const values = useMemo(() => formValuesOf(spec, view), [spec, view]);
  const form = useContractForm(schema, values);
  // New saved settings replace every field the user has not edited (an edited one is kept).
  useEffect(() => {
    for (const field of spec.fields) {
      const untouched =
        form.getValues(field.name) === (form.formState.defaultValues?.[field.name] ?? '');
      if (untouched) form.resetField(field.name, { defaultValue: values[field.name] ?? '' });
    }
  }, [form, spec, values]);
  // The saved view is adopted by the caller once the form has been reset: adopted first, the
  // page would show the saved mask while the typed secret still sat in its input.
  const mutation = useChannelMutation('settings.updateProvider', { meta: { form: true } });

  /** 'save', or the name of the secret being cleared. */
  const [busy, setBusy] = useState<string | null>(null);

  const send = async (action: string, input: UpdateProviderInput, success: string) => {
    setBusy(action);
    try {
      const saved = await mutation.mutateAsync(input);
      toast.success(success);
      return saved;
    } catch (err) {
      showSubmitError(form, err);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const save = form.handleSubmit(async (output) => {
    const update = updateOf(spec, output as ProviderFormOutput);
    const saved = await send('save', update, `${spec.title} settings saved`);
    // Typed secrets are gone from the form once saved: the input shows the mask below it instead.
    if (!saved) return;
    form.reset(formValuesOf(spec, saved));
    replace(saved);
  });

  const clear = async (field: FieldSpec) => {
    const input = { provider: spec.id, [field.name]: null } as UpdateProviderInput;
    const saved = await send(
      field.name,
      input,
      `${spec.title} ${field.label.toLowerCase()} cleared`,
    );
    if (!saved) return;
    form.resetField(field.name, { defaultValue: '' });
    replace(saved);
  };

  return { form, save, clear, busy };
}
