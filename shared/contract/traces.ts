import { z } from 'zod';
import { channel } from './define';
import { usageSchema } from './llm';

export const SPAN_KINDS = ['llm', 'tool', 'retrieval', 'chain', 'judge'] as const;

/** One stored span as the workbench shows it: the call as sent and answered, secrets cut out. */
export const spanViewSchema = z.object({
  id: z.string(),
  traceId: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(SPAN_KINDS),
  name: z.string(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  status: z.enum(['ok', 'error']),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** The request (messages, parameters) as the call path sent it to the provider. */
  request: z.unknown(),
  /** The normalized answer (text, tool calls, finish reason, usage); null when the call failed. */
  response: z.unknown().nullable(),
  usage: usageSchema,
  /** Null when the model has no price. */
  costUsd: z.number().nullable(),
  latencyMs: z.number(),
  ttftMs: z.number().nullable(),
  attempts: z.number().int(),
  cacheHit: z.boolean(),
  providerRequestId: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()).nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
});
export type SpanView = z.infer<typeof spanViewSchema>;

export const traceChannels = {
  'spans.get': channel({
    summary:
      'One span: the request and response of a call (secrets cut out), tokens, cost, latency, attempts and outcome.',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: spanViewSchema,
  }),
};
