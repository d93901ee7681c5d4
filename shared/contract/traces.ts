import { z } from 'zod';
import { channel } from './define';
import { tagSchema, tagsSchema } from './datasets';
import { usageSchema } from './llm';
import { byIdInput, idText, isoTime } from './fields';

/**
 * Span kinds: Assay's own (llm, judge), OpenTelemetry GenAI operations (embedding, agent) and
 * OpenInference span kinds (tool, retrieval, chain, rerank, guardrail); anything else is other.
 */
export const SPAN_KINDS = [
  'llm',
  'embedding',
  'tool',
  'retrieval',
  'chain',
  'agent',
  'judge',
  'rerank',
  'guardrail',
  'other',
] as const;
export type SpanKindName = (typeof SPAN_KINDS)[number];

/** Where a span came in: Assay's own call path, the gateway, OTLP ingest, the interactions API. */
export const SPAN_SOURCES = ['assay', 'gateway', 'otlp', 'api'] as const;
export type SpanSource = (typeof SPAN_SOURCES)[number];

/** One stored span as the workbench shows it: the call as sent and answered, secrets cut out. */
export const spanViewSchema = z.object({
  id: z.string(),
  traceId: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(SPAN_KINDS),
  name: z.string(),
  source: z.enum(SPAN_SOURCES),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  status: z.enum(['ok', 'error']),
  errorClass: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /**
   * For LLM spans, the request in Assay's normalized shape (provider, model, messages,
   * parameters) whichever way it came in; for other spans `{ input }`.
   */
  request: z.unknown(),
  /** The normalized answer (text, tool calls, finish reason, usage), or `{ output }`; null when none. */
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
  sessionId: z.string().nullable(),
  userId: z.string().nullable(),
  tags: z.array(z.string()),
  promptVersionId: z.string().nullable(),
  /** The span this one reran, when it is a rerun. */
  rerunOf: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
});
export type SpanView = z.infer<typeof spanViewSchema>;

/** A trace as the Traces list shows it: folded from its spans, whatever order they came in. */
export const traceSummarySchema = z.object({
  id: z.string(),
  /** The root span's name (the first span's while the root has not arrived). */
  name: z.string(),
  source: z.enum(SPAN_SOURCES),
  rootSpanId: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  latencyMs: z.number(),
  spanCount: z.number().int(),
  llmCount: z.number().int(),
  errorCount: z.number().int(),
  status: z.enum(['ok', 'error']),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Sum over priced spans; null when none is priced. */
  costUsd: z.number().nullable(),
  /** LLM spans without a price: when above 0 the cost is a lower bound. */
  unpricedCount: z.number().int(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  promptVersionId: z.string().nullable(),
  sessionId: z.string().nullable(),
  userId: z.string().nullable(),
  tags: z.array(z.string()),
  inputPreview: z.string().nullable(),
  outputPreview: z.string().nullable(),
});
export type TraceSummary = z.infer<typeof traceSummarySchema>;

export const traceFilterSchema = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    source: z.enum(SPAN_SOURCES).optional(),
    provider: z.string().max(64).optional(),
    model: z.string().max(256).optional(),
    promptVersionId: z.string().max(64).optional(),
    status: z.enum(['ok', 'error']).optional(),
    minCostUsd: z.number().min(0).optional(),
    maxCostUsd: z.number().min(0).optional(),
    minLatencyMs: z.number().min(0).optional(),
    maxLatencyMs: z.number().min(0).optional(),
    /** Every tag must be present. */
    tags: z.array(tagSchema).max(16).optional(),
    userId: idText.optional(),
    sessionId: idText.optional(),
    /** Full-text search over the inputs and outputs of a trace's spans: every word must appear. */
    search: z.string().trim().max(500).optional(),
  })
  .strict();
export type TraceFilter = z.infer<typeof traceFilterSchema>;

export const TRACE_SORTS = ['time', 'cost', 'latency', 'tokens'] as const;

export const tracePageSchema = z.object({
  items: z.array(traceSummarySchema),
  /** Offset of the next page; null on the last one. */
  nextOffset: z.number().int().nullable(),
});

export const traceDetailSchema = z.object({
  trace: traceSummarySchema,
  /** Every span in start order; the tree is built from parentId (a parent not yet arrived: a root). */
  spans: z.array(spanViewSchema),
  /** True when the trace has more spans than were returned. */
  truncated: z.boolean(),
});
export type TraceDetail = z.infer<typeof traceDetailSchema>;

/** JSON as an app sends it: any value, bounded in size by the transport. */
const anyJson = z.unknown();

export const feedbackSchema = z.object({
  id: z.string(),
  interactionId: z.string(),
  score: z.number().nullable(),
  label: z.string().nullable(),
  comment: z.string().nullable(),
  userId: z.string().nullable(),
  createdAt: z.string(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const interactionViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  traceId: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown().nullable(),
  sessionId: z.string().nullable(),
  userId: z.string().nullable(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  promptVersionId: z.string().nullable(),
  spanIds: z.array(z.string()),
  createdAt: z.string(),
  feedback: z.array(feedbackSchema),
});
export type InteractionView = z.infer<typeof interactionViewSchema>;

export const interactionCreateSchema = z
  .object({
    /** The app's own id (idempotent: the same id twice is one interaction); default a new UUIDv7. */
    id: idText.optional(),
    /** chat, extraction, classification, generation, or any name of the app's. */
    type: z.string().trim().min(1).max(64),
    input: anyJson,
    output: anyJson.optional(),
    sessionId: idText.optional(),
    userId: idText.optional(),
    tags: tagsSchema.optional().default([]),
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** A prompt version id, or `name@label` / `name@version` to resolve. */
    prompt: z.string().trim().min(1).max(200).optional(),
    traceId: idText.optional(),
    spanIds: z.array(idText).max(1000).optional().default([]),
    createdAt: isoTime.optional(),
  })
  .strict();
export type InteractionCreate = z.infer<typeof interactionCreateSchema>;

export const interactionFilterSchema = z
  .object({
    type: z.string().max(64).optional(),
    sessionId: idText.optional(),
    userId: idText.optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    tags: z.array(tagSchema).max(16).optional(),
  })
  .strict();
export type InteractionFilter = z.infer<typeof interactionFilterSchema>;

const page = {
  offset: z.number().int().min(0).max(10_000_000).optional().default(0),
  limit: z.number().int().min(1).max(500).optional().default(100),
};

export const traceChannels = {
  'spans.get': channel({
    summary:
      'One span: the request and response of a call (secrets cut out), tokens, cost, latency, attempts and outcome.',
    input: z.object({ id: z.string().min(1).max(256) }).strict(),
    output: spanViewSchema,
  }),
  'traces.list': channel({
    summary:
      'A page of traces, newest first by default, filtered (time, source, provider, model, prompt version, status, cost, latency, tags, user, session) and full-text searched.',
    input: z
      .object({
        filter: traceFilterSchema.optional().default({}),
        sort: z.enum(TRACE_SORTS).optional().default('time'),
        order: z.enum(['asc', 'desc']).optional().default('desc'),
        ...page,
      })
      .strict(),
    output: tracePageSchema,
  }),
  'traces.get': channel({
    summary: 'One trace with its spans (request, answer, tokens, cost) for the tree and timeline.',
    input: byIdInput,
    output: traceDetailSchema,
  }),
  'interactions.create': channel({
    summary:
      'Logs a whole interaction of an app (type, input, output, session, user, tags, metadata, prompt version, spans); the same id twice is one interaction.',
    input: interactionCreateSchema,
    output: interactionViewSchema,
  }),
  'interactions.feedback': channel({
    summary:
      "Records feedback on an interaction: a score, a label (such as 'thumbs_up'), a comment, who gave it.",
    input: z
      .object({
        interactionId: idText,
        score: z.number().finite().optional(),
        label: z.string().trim().min(1).max(64).optional(),
        comment: z.string().max(10_000).optional(),
        userId: idText.optional(),
      })
      .strict()
      .refine((f) => f.score !== undefined || f.label !== undefined || f.comment !== undefined, {
        message: 'give a score, a label or a comment',
      }),
    output: feedbackSchema,
  }),
  'interactions.list': channel({
    summary: 'A page of interactions, newest first, with their feedback.',
    input: z.object({ filter: interactionFilterSchema.optional().default({}), ...page }).strict(),
    output: z.object({
      items: z.array(interactionViewSchema),
      nextOffset: z.number().int().nullable(),
    }),
  }),
  'interactions.get': channel({
    summary: 'One interaction with its feedback.',
    input: byIdInput,
    output: interactionViewSchema,
  }),
  'traces.facets': channel({
    summary:
      'Values seen in stored traces (providers, models) for the Traces page filter pickers; bounded, not a report.',
    input: z.object({}).strict().optional().default({}),
    output: z.object({ providers: z.array(z.string()), models: z.array(z.string()) }),
  }),
  'traces.promptVersion': channel({
    summary:
      'The prompt name and version of a prompt version id, so a trace can link to the version it used.',
    input: z
      .object({
        id: z
          .string()
          .trim()
          .min(1)
          .max(64)
          .regex(/^[^@]+$/, 'a version id, not name@label'),
      })
      .strict(),
    output: z.object({ versionId: z.string(), name: z.string(), version: z.string() }),
  }),
};

export const traceTopics = {
  /** Spans were stored (any source): the Traces page refreshes, `assay traces tail` prints them. */
  'traces.ingested': z.object({
    source: z.enum(SPAN_SOURCES),
    spans: z.number().int(),
    traceIds: z.array(z.string()),
  }),
  /** An interaction was stored (interactions.create): online scoring rules wake on it. */
  'interactions.created': z.object({ id: z.string(), createdAt: z.string() }),
};
