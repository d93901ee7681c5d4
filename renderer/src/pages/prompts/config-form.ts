import { z } from 'zod';
import { PROVIDER_IDS, promptConfigSchema } from '../../../../shared/contract';
import { RESPONSE_FORMATS, type ConfigDraft, type ConfigField } from './config-draft';
import { parseConfigDraft } from './parse-config';

const FIELDS = new Set<string>([
  'provider',
  'model',
  'temperature',
  'maxTokens',
  'topP',
  'stop',
  'tools',
] satisfies ConfigField[]);

/** A contract issue's path in the stored config, as the form field that holds it. */
function fieldOf(path: readonly PropertyKey[]): ConfigField {
  const [head, sub] = path;
  if (head === 'responseFormat') return sub === 'name' ? 'schemaName' : 'schema';
  return typeof head === 'string' && FIELDS.has(head) ? (head as ConfigField) : 'tools';
}

/**
 * The model config as typed (text fields), checked the way it will be stored: parsed into a
 * config (friendly messages for numbers, JSON and tools), then checked by the contract's
 * `promptConfigSchema`, each issue on the field it came from.
 */
export const configFormSchema = z
  .object({
    provider: z.enum(['', ...PROVIDER_IDS]),
    model: z.string(),
    temperature: z.string(),
    maxTokens: z.string(),
    topP: z.string(),
    stop: z.string(),
    responseFormat: z.enum(RESPONSE_FORMATS),
    schemaName: z.string(),
    schema: z.string(),
    schemaStrict: z.boolean(),
    tools: z.string(),
  })
  .superRefine((draft: ConfigDraft, ctx) => {
    const { config, errors } = parseConfigDraft(draft);
    for (const [field, message] of Object.entries(errors))
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (Object.keys(errors).length > 0 || !config) return;
    const checked = promptConfigSchema.safeParse(config);
    for (const issue of checked.error?.issues ?? [])
      ctx.addIssue({ code: 'custom', path: [fieldOf(issue.path)], message: issue.message });
  });
