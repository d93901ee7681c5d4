import { z } from 'zod';
import {
  updateProviderInputSchema,
  type ProviderId,
  type SettingsView,
  type UpdateProviderInput,
} from '../../../../shared/contract';
import { blankOr } from './blank-or';
import type { ProviderSpec } from './provider-specs';

/** What a provider form holds: every input as typed (secrets always start empty). */
export type ProviderFormValues = Record<string, string>;
export type ProviderFormOutput = Record<string, string | null>;

/** The contract's schema of one provider's update, whose fields check each input. */
function contractShape(provider: ProviderId): Record<string, z.ZodType> {
  const option = updateProviderInputSchema.options.find((o) => o.shape.provider.value === provider);
  if (!option) throw new Error(`no update schema for provider ${provider}`);
  return option.shape as Record<string, z.ZodType>;
}

/** The form's schema: each field blank, or what the contract accepts for it. */
export function providerFormSchema(spec: ProviderSpec) {
  const shape = contractShape(spec.id);
  return z.object(
    Object.fromEntries(
      spec.fields.map((field) => {
        const contract = shape[field.name];
        if (!contract) throw new Error(`${spec.id}.${field.name} is not in the contract`);
        return [field.name, blankOr(contract)];
      }),
    ),
  );
}

/** The saved settings as form values; a secret input starts empty (its value never comes back). */
export function formValuesOf(spec: ProviderSpec, view: SettingsView): ProviderFormValues {
  const saved = view.providers[spec.id] as Record<string, unknown>;
  return Object.fromEntries(
    spec.fields.map((field) => {
      const value = saved[field.name];
      return [field.name, field.kind !== 'secret' && typeof value === 'string' ? value : ''];
    }),
  );
}

/**
 * The update a submit sends: what was typed; an emptied field resets (`null`) or keeps the saved
 * value as its spec says, and an empty secret keeps the stored one (Clear removes it).
 */
export function updateOf(spec: ProviderSpec, values: ProviderFormOutput): UpdateProviderInput {
  const update: Record<string, string | null> = {};
  for (const field of spec.fields) {
    const value = values[field.name] ?? null;
    if (value !== null) update[field.name] = value;
    else if (field.kind !== 'secret' && field.whenEmpty === 'null') update[field.name] = null;
  }
  // Field names come from the spec, which defineProvider() checked against this provider.
  return { provider: spec.id, ...update } as UpdateProviderInput;
}
