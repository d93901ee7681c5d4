import { z } from 'zod';
import type { ChannelInput } from '../../../../shared/contract';
import { nameText } from '../../../../shared/contract/fields';
import { isoTime } from '../../../../shared/contract/fields';
import type { InteractionFilter } from '../../../../shared/contract/traces';

/** Strata the dialog offers (score bands need a scorecard: the CLI and API take them). */
export const FORM_STRATA = ['none', 'type', 'outcome'] as const;

const blankOr = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(''), schema])
    .optional()
    .default('');

/**
 * The New set form: flat text fields the dialog shows, each checked as the contract checks it
 * (the name, the sample size, ISO times), turned into `backtests.sets.create`'s input by setInput.
 */
export const newSetFormSchema = z
  .object({
    name: nameText,
    sourceKind: z.enum(['interactions', 'dataset']),
    sampleSize: z
      .number({ error: 'a whole number from 1 to 10,000' })
      .int('a whole number from 1 to 10,000')
      .min(1, 'a whole number from 1 to 10,000')
      .max(10_000, 'a whole number from 1 to 10,000'),
    stratifyBy: z.enum(FORM_STRATA),
    type: z.string().trim().max(64),
    tags: z.string(),
    from: blankOr(isoTime),
    to: blankOr(isoTime),
    userId: z.string().trim().max(256),
    sessionId: z.string().trim().max(256),
    dataset: z.string().trim(),
  })
  .refine((v) => v.sourceKind !== 'dataset' || v.dataset !== '', {
    message: 'pick a dataset',
    path: ['dataset'],
  });
export type NewSetFormValues = z.input<typeof newSetFormSchema>;
export type NewSetFormOutput = z.output<typeof newSetFormSchema>;

export function newSetValues(prefill: InteractionFilter | null): NewSetFormValues {
  return {
    name: '',
    sourceKind: 'interactions',
    sampleSize: 100,
    stratifyBy: 'none',
    type: prefill?.type ?? '',
    tags: (prefill?.tags ?? []).join(', '),
    from: prefill?.from ?? '',
    to: prefill?.to ?? '',
    userId: prefill?.userId ?? '',
    sessionId: prefill?.sessionId ?? '',
    dataset: '',
  };
}

/** The contract's input for the form's values: blank filter fields are left out. */
export function setInput(v: NewSetFormOutput): ChannelInput<'backtests.sets.create'> {
  if (v.sourceKind === 'dataset')
    return { name: v.name, source: { kind: 'dataset', dataset: v.dataset } };
  const filter: InteractionFilter = {};
  if (v.type) filter.type = v.type;
  const tags = v.tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tags.length > 0) filter.tags = tags;
  if (v.from) filter.from = v.from;
  if (v.to) filter.to = v.to;
  if (v.userId) filter.userId = v.userId;
  if (v.sessionId) filter.sessionId = v.sessionId;
  return {
    name: v.name,
    source: { kind: 'interactions', filter, sampleSize: v.sampleSize, stratifyBy: v.stratifyBy },
  };
}
