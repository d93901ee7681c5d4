import { z } from 'zod';
import { matcherInputSchema } from '../../../../../shared/contract/datasets';
import { startRunInputSchema } from '../../../../../shared/contract/evals';
import { providerIdSchema } from '../../../../../shared/contract/llm';
import { INLINE, MAX_TARGETS, startInputOf } from '../run-form';

const shape = startRunInputSchema.shape;

/**
 * A whole number typed as text, within the bounds the contract gives the setting: the message
 * says the range, so the field need not show zod's wording.
 */
const wholeNumber = (schema: z.ZodType, message: string) =>
  z
    .string()
    .refine((text) => text.trim() !== '' && schema.safeParse(Number(text)).success, message);

/** A role's model (judge, embeddings): none, or a provider with a model id. */
const modelRefDraftSchema = z
  .object({ provider: z.union([providerIdSchema, z.literal('')]), model: z.string() })
  .superRefine((ref, ctx) => {
    if (ref.provider !== '' && ref.model.trim() === '')
      ctx.addIssue({
        code: 'custom',
        path: ['model'],
        message: 'Write the model id, or pick None',
      });
  });

/**
 * The new-run dialog's form: what the fields hold (numbers as typed text, a model role that may
 * be none, the prompt as a picker value), checked field by field, then turned into the
 * evals.start input and checked once more by the contract's own schema, so the browser refuses
 * what the core would, next to the field the issue names.
 */
export const runFormSchema = z
  .object({
    name: z.string(),
    dataset: z.string().min(1, 'Pick a dataset'),
    prompt: z.string().min(1, 'Pick a prompt'),
    selector: z.string(),
    template: z.string(),
    system: z.string(),
    targets: z
      .array(
        z.object({
          provider: providerIdSchema,
          model: z.string().refine((m) => m.trim() !== '', 'Write the model id'),
        }),
      )
      .min(1)
      .max(MAX_TARGETS),
    concurrency: wholeNumber(shape.concurrency, 'Concurrency is a whole number from 1 to 256'),
    repeat: wholeNumber(shape.repeat, 'Repeats is a whole number from 1 to 20'),
    bypassCache: z.boolean(),
    judge: modelRefDraftSchema,
    embedding: modelRefDraftSchema,
    scorers: z.object({
      useDatasetMatchers: z.boolean(),
      skip: z.array(z.string()),
      add: z.array(matcherInputSchema),
    }),
    scorecard: z.string(),
  })
  .superRefine((form, ctx) => {
    if (form.prompt === INLINE && form.template.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'Write the template' });
  })
  .transform((form, ctx) => {
    const input = startInputOf(form);
    // Every check above comes first: what is left here is a bug, said above the buttons.
    if (typeof input === 'string') {
      ctx.addIssue({ code: 'custom', path: ['root'], message: input });
      return z.NEVER;
    }
    return input;
  })
  .pipe(startRunInputSchema);

export type RunFormValues = z.input<typeof runFormSchema>;
