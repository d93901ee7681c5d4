import { z } from 'zod';
import { PROVIDER_IDS } from '../../../../../shared/contract';
import {
  rerunOverridesSchema,
  type RerunOverrides,
} from '../../../../../shared/contract/trace-actions';

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

/**
 * The rerun dialog's fields as text (an empty field keeps what the original call had), turned
 * into the contract's overrides and checked by its schema, so the dialog refuses what the core
 * would, with the same message.
 */
export const rerunFormSchema = z
  .object({
    provider: z.enum(['', ...PROVIDER_IDS]),
    model: z.string(),
    promptVersion: z.string(),
    temperature: z.string(),
    maxTokens: z.string(),
  })
  .transform((values, ctx): RerunOverrides => {
    if (values.provider !== '' && values.model.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'Name the model' });
      return z.NEVER;
    }
    const parameters = {
      temperature: number(values.temperature),
      maxTokens: number(values.maxTokens),
    };
    const candidate = {
      ...(values.provider === ''
        ? {}
        : { model: { provider: values.provider, model: values.model.trim() } }),
      ...(values.promptVersion.trim() === '' ? {} : { promptVersion: values.promptVersion.trim() }),
      ...(parameters.temperature === undefined && parameters.maxTokens === undefined
        ? {}
        : {
            parameters: Object.fromEntries(
              Object.entries(parameters).filter(([, v]) => v !== undefined),
            ),
          }),
    };
    const checked = rerunOverridesSchema.safeParse(candidate);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) {
      const field = issue.path.at(-1);
      const path =
        field === 'temperature' || field === 'maxTokens' || field === 'promptVersion'
          ? field
          : 'model';
      ctx.addIssue({ code: 'custom', path: [path], message: issue.message });
    }
    return z.NEVER;
  });
export type RerunFormValues = z.input<typeof rerunFormSchema>;

export const EMPTY_RERUN: RerunFormValues = {
  provider: '',
  model: '',
  promptVersion: '',
  temperature: '',
  maxTokens: '',
};
