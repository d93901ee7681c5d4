import { z } from 'zod';
import { channel } from './define';
import { PROVIDER_IDS } from './settings';

export const providerIdSchema = z.enum(PROVIDER_IDS);

/*
 * The normalized LLM shapes: the core's provider types (main/llm/types.ts) are inferred from
 * these schemas, so a field added here reaches every provider without a second declaration.
 */

export const toolCallSchema = z.object({
  /** The provider's id for the call (OpenAI `call_…`, Anthropic `toolu_…`, Bedrock toolUseId). */
  id: z.string(),
  name: z.string(),
  /** The arguments as JSON text, exactly as the model produced them. */
  arguments: z.string(),
});

export const chatMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }).strict(),
  z.object({ role: z.literal('user'), content: z.string() }).strict(),
  z
    .object({
      role: z.literal('assistant'),
      content: z.string(),
      toolCalls: z.array(toolCallSchema).optional(),
    })
    .strict(),
  z
    .object({
      role: z.literal('tool'),
      toolCallId: z.string().min(1),
      name: z.string().optional(),
      content: z.string(),
    })
    .strict(),
]);

const jsonObject = z.record(z.string(), z.unknown());

export const toolDefinitionSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'letters, digits, _ and - only (at most 64)'),
    description: z.string().optional(),
    /** JSON Schema of the arguments object. */
    parameters: jsonObject,
  })
  .strict();

export const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ name: z.string() }).strict(),
]);

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
    schema: jsonObject,
    strict: z.boolean().optional(),
  }),
]);

export const chatParamsSchema = z.object({
  provider: providerIdSchema,
  model: z.string().trim().min(1).max(512),
  messages: z.array(chatMessageSchema).min(1, 'needs at least one message'),
  tools: z.array(toolDefinitionSchema).optional(),
  toolChoice: toolChoiceSchema.optional(),
  responseFormat: responseFormatSchema.optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().max(1_000_000).optional(),
  topP: z.number().min(0).max(1).optional(),
  stop: z.array(z.string().min(1)).max(16).optional(),
  /** Reasoning models (OpenAI o-series / gpt-5, Claude extended thinking budget is derived). */
  reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high']).optional(),
});

export const usageSchema = z.object({
  /** Input tokens billed at the normal input rate (cache reads and writes excluded). */
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cacheReadTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  /** Reasoning tokens; already included in outputTokens (reported apart for insight only). */
  reasoningTokens: z.number().int(),
});

export const finishReasonSchema = z.enum([
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'other',
]);

/** One provider answer, as the core sees it; `llm.call` returns it without rawFinishReason. */
export const chatResponseSchema = z.object({
  text: z.string(),
  toolCalls: z.array(toolCallSchema),
  finishReason: finishReasonSchema,
  /** The model id the provider reports having used (may differ from the requested alias). */
  model: z.string(),
  /** `x-request-id`, `request-id`, `x-amzn-requestid`: what a provider's support asks for. */
  providerRequestId: z.string().nullable(),
  usage: usageSchema,
  /** The provider's own finish/stop reason string, for display. */
  rawFinishReason: z.string().nullable(),
});

export const callResultSchema = chatResponseSchema.omit({ rawFinishReason: true }).extend({
  /** Null when the model has no price: show "unpriced", never $0. */
  costUsd: z.number().nullable(),
  costPicoUsd: z.number().int().nullable(),
  latencyMs: z.number(),
  ttftMs: z.number().nullable(),
  attempts: z.number().int(),
  cacheHit: z.boolean(),
  spanId: z.string(),
  traceId: z.string(),
});
export type CallResultView = z.infer<typeof callResultSchema>;

const streamId = z.string().min(1).max(128);

const priceText = z
  .string()
  .trim()
  .regex(
    /^\d{1,9}(\.\d{1,6})?$/,
    'must be a USD price per 1M tokens such as 2.50 (at most 6 decimals)',
  );

export const priceViewSchema = z.object({
  provider: providerIdSchema,
  model: z.string(),
  name: z.string().nullable(),
  /** USD per 1M tokens, as decimal strings (exact). */
  input: z.string(),
  output: z.string(),
  cacheRead: z.string().nullable(),
  cacheWrite: z.string().nullable(),
  source: z.enum(['catalog', 'override']),
});
export type PriceView = z.infer<typeof priceViewSchema>;

export const modelInfoSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  name: z.string(),
  /** 'live' when listed by the provider, 'catalog' when from Assay's static catalog. */
  source: z.enum(['live', 'catalog']),
});

export const modelViewSchema = modelInfoSchema
  .omit({ provider: true })
  .extend({ price: priceViewSchema.nullable() });

export const providerModelsSchema = z.object({
  provider: providerIdSchema,
  /** 'catalog' when live listing failed or was not asked for. */
  source: z.enum(['live', 'catalog']),
  error: z.string().nullable(),
  models: z.array(modelViewSchema),
});

export const llmChannels = {
  'llm.call': channel({
    summary: 'Calls a model through the instrumented call path (cache, limits, retries, span).',
    input: chatParamsSchema
      .extend({
        /** When set, deltas are published on `llm.delta` with this id, and `llm.cancel` stops the call. */
        streamId: streamId.optional(),
        bypassCache: z.boolean().optional(),
      })
      .strict(),
    output: callResultSchema,
  }),
  'llm.cancel': channel({
    summary: 'Cancels a streaming call started with a streamId.',
    input: z.object({ streamId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'models.list': channel({
    summary: 'Models per provider with prices: listed live, or the catalog when listing fails.',
    input: z
      .object({ provider: providerIdSchema.optional(), live: z.boolean().optional().default(true) })
      .strict()
      .optional()
      .default({ live: true }),
    output: z.object({ providers: z.array(providerModelsSchema) }),
  }),
  'models.testConnection': channel({
    summary: 'Checks that a provider answers with the saved settings (lists its models).',
    input: z.object({ provider: providerIdSchema }).strict(),
    output: z.object({
      provider: providerIdSchema,
      ok: z.boolean(),
      latencyMs: z.number(),
      modelCount: z.number().int(),
      message: z.string(),
    }),
  }),
  'prices.list': channel({
    summary: 'The price catalog merged with user overrides.',
    input: z.object({}).strict().optional().default({}),
    output: z.object({ asOf: z.string(), prices: z.array(priceViewSchema) }),
  }),
  'prices.set': channel({
    summary: 'Overrides or adds a model price (USD per 1M tokens); 0 prices a model as free.',
    input: z
      .object({
        provider: providerIdSchema,
        model: z.string().trim().min(1).max(512),
        input: priceText,
        output: priceText,
        cacheRead: priceText.nullable().optional(),
        cacheWrite: priceText.nullable().optional(),
      })
      .strict(),
    output: priceViewSchema,
  }),
  'prices.delete': channel({
    summary: 'Removes a price override (the catalog price, if any, applies again).',
    input: z.object({ provider: providerIdSchema, model: z.string().min(1) }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
};

export const streamDeltaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('tool_call'),
    index: z.number().int(),
    id: z.string().optional(),
    name: z.string().optional(),
    argumentsDelta: z.string().optional(),
  }),
  /** A retry after a dropped stream: discard what was streamed so far. */
  z.object({ type: z.literal('reset') }),
]);

export const llmTopics = {
  'llm.delta': z.object({
    streamId,
    delta: streamDeltaSchema,
  }),
};
