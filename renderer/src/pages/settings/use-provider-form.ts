import { useState } from 'react';
import { toast } from 'sonner';
import type { SecretView, UpdateProviderInput } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { useSettings } from '../../app/settings-context';
import { toClientError } from '../../client';
import { fieldErrorsOf } from '../../lib/field-errors';
import type { FieldSpec, ProviderSpec } from './provider-specs';

/** A provider's block of the SettingsView: plain values and masked secrets. */
export type ProviderValues = Readonly<Record<string, string | null | SecretView>>;

type Update = Record<string, string | null>;

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * State of one provider form. Only the user's edits are held locally and shown over the
 * current settings, so a change from another window updates every field the user has not
 * touched, without wiping what they are typing.
 */
export function useProviderForm(spec: ProviderSpec, current: ProviderValues) {
  const client = useClient();
  const { replace } = useSettings();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** 'save', or the name of the secret being cleared. */
  const [busy, setBusy] = useState<string | null>(null);

  const valueOf = (field: FieldSpec): string => {
    const edited = edits[field.name];
    if (edited !== undefined) return edited;
    // A secret input always starts empty: the saved value never comes back to the renderer.
    if (field.kind === 'secret') return '';
    const saved = current[field.name];
    return typeof saved === 'string' ? saved : '';
  };

  const setValue = (name: string, value: string) => {
    setEdits((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => without(prev, name));
  };

  const send = async (update: Update, success: string): Promise<boolean> => {
    try {
      // Field names come from the spec, which defineProvider() checked against this provider.
      const input = { provider: spec.id, ...update } as UpdateProviderInput;
      replace(await client.invoke('settings.updateProvider', input));
      toast.success(success);
      return true;
    } catch (err) {
      // The toasting client already reported it; here the offending inputs get marked.
      setErrors(fieldErrorsOf(toClientError(err)));
      return false;
    }
  };

  const save = async () => {
    const update: Update = {};
    for (const field of spec.fields) {
      const value = valueOf(field).trim();
      if (value !== '') update[field.name] = value;
      // An empty secret input means "keep the stored one"; Clear is the way to remove it.
      else if (field.kind !== 'secret' && field.whenEmpty === 'null') update[field.name] = null;
    }
    setBusy('save');
    if (await send(update, `${spec.title} settings saved`)) setEdits({});
    setBusy(null);
  };

  const clear = async (field: FieldSpec) => {
    setBusy(field.name);
    if (await send({ [field.name]: null }, `${spec.title} ${field.label.toLowerCase()} cleared`)) {
      setEdits((prev) => without(prev, field.name));
    }
    setBusy(null);
  };

  return { valueOf, setValue, errors, busy, save, clear };
}
