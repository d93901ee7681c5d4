import { z } from 'zod';
import { validationError } from '../../../shared/errors';

/*
 * The types the gateway checks before forwarding: enough that what it records is
 * well-formed, and no more. Everything else (unknown fields, the values' meaning) is the
 * provider's to judge, and its error body passes back unchanged.
 */

const role = z.string().min(1).max(64);
const content = z.union([z.string(), z.array(z.unknown()), z.null()]);

export const openAiChatShape = z.looseObject({
  model: z.string().min(1).max(512),
  messages: z.array(z.looseObject({ role, content: content.optional() })).max(100_000),
  stream: z.boolean().nullish(),
  tools: z.array(z.unknown()).nullish(),
});
export type OpenAiChatBody = z.infer<typeof openAiChatShape>;

export const anthropicMessagesShape = z.looseObject({
  model: z.string().min(1).max(512),
  messages: z
    .array(z.looseObject({ role, content: z.union([z.string(), z.array(z.unknown())]) }))
    .max(100_000),
  system: z.union([z.string(), z.array(z.unknown())]).nullish(),
  max_tokens: z.number().nullish(),
  stream: z.boolean().nullish(),
  tools: z.array(z.unknown()).nullish(),
});
export type AnthropicMessagesBody = z.infer<typeof anthropicMessagesShape>;

export const openAiEmbeddingsShape = z.looseObject({
  model: z.string().min(1).max(512),
  input: z.union([
    z.string(),
    z.array(z.string()),
    z.array(z.number()),
    z.array(z.array(z.number())),
  ]),
});
export type OpenAiEmbeddingsBody = z.infer<typeof openAiEmbeddingsShape>;

/** The body checked against a shape; the error names the first wrong field. */
export function checkShape<S extends z.ZodType>(
  shape: S,
  body: unknown,
  where: string,
): z.output<S> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw validationError(where, [
      { code: 'custom', path: [], message: 'the body must be a JSON object', input: body },
    ]);
  const parsed = shape.safeParse(body);
  if (!parsed.success) throw validationError(where, parsed.error.issues);
  return parsed.data;
}
