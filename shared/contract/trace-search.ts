import { z } from 'zod';
import { channel } from './define';
import { resultStatusSchema } from './evals';
import { noInput } from './system';
import { SPAN_SOURCES } from './traces';
import { idText, isoTime } from './fields';

/** Providers whose embeddings Assay calls (LlmService.embed); the others have none. */
export const EMBEDDING_PROVIDERS = ['openai', 'local'] as const;

/**
 * The embedding model as `provider:model`; the model part may hold colons itself
 * (`local:nomic-embed-text:latest`).
 */
export const embeddingModelSchema = z
  .string()
  .trim()
  .max(200)
  .regex(
    /^(openai|local):\S.*$/,
    'must be provider:model with provider openai or local, such as openai:text-embedding-3-small',
  );

/** What the UI shows when semantic search is off: how to turn it on. */
export const SEMANTIC_OFF_HINT =
  'Semantic search is off: set an embedding model (Settings, or the channel semantic.configure with embeddingModel "openai:text-embedding-3-small" or "local:<model>" for a local OpenAI-compatible server).';

export const semanticStatusSchema = z.object({
  enabled: z.boolean(),
  /** `provider:model`, null when off. */
  model: z.string().nullable(),
  /** False on a PostgreSQL database without pgvector: the reason is in lastError. */
  available: z.boolean(),
  /** Learnt from the model's first answer; null until then. */
  dimensions: z.number().int().nullable(),
  embedded: z.object({ traces: z.number().int(), interactions: z.number().int() }),
  /** Traces and interactions not embedded yet (an estimate while the backfill runs). */
  pending: z.number().int(),
  /** The last failure (provider down, bad model): the job backs off and retries. */
  lastError: z.string().nullable(),
  hint: z.string().nullable(),
});
export type SemanticStatus = z.infer<typeof semanticStatusSchema>;

const limit = z.number().int().min(1).max(50).optional().default(10);

/** The filters a meaning search narrows to (after the nearest neighbours are found). */
export const meaningFilterSchema = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    source: z.enum(SPAN_SOURCES).optional(),
    provider: z.string().max(64).optional(),
    model: z.string().max(256).optional(),
    status: z.enum(['ok', 'error']).optional(),
    userId: idText.optional(),
    sessionId: idText.optional(),
  })
  .strict();
export type MeaningFilter = z.infer<typeof meaningFilterSchema>;

export const traceHitSchema = z.object({
  id: z.string(),
  /** Cosine distance: 0 same meaning, 2 opposite. */
  distance: z.number(),
  name: z.string(),
  status: z.enum(['ok', 'error']),
  startedAt: z.string(),
  inputPreview: z.string().nullable(),
  outputPreview: z.string().nullable(),
});
export type TraceHit = z.infer<typeof traceHitSchema>;

export const interactionHitSchema = z.object({
  id: z.string(),
  distance: z.number(),
  type: z.string(),
  traceId: z.string().nullable(),
  createdAt: z.string(),
  preview: z.string(),
});

export const failureHitSchema = z.object({
  resultId: z.string(),
  runId: z.string(),
  runName: z.string(),
  caseKey: z.string(),
  status: resultStatusSchema,
  distance: z.number(),
  preview: z.string(),
});

export const traceSearchChannels = {
  'semantic.status': channel({
    summary:
      'Semantic search: on or off, the embedding model, how many traces and interactions are embedded and pending, the last error.',
    input: noInput,
    output: semanticStatusSchema,
  }),
  'semantic.configure': channel({
    summary:
      'Sets the embedding model of semantic search (provider:model, openai or local) or turns it off with null; a new model starts a new index.',
    input: z.object({ embeddingModel: embeddingModelSchema.nullable() }).strict(),
    output: semanticStatusSchema,
  }),
  'traces.searchByMeaning': channel({
    summary: 'Traces closest in meaning to a text (embeds the query), closest first.',
    input: z
      .object({
        query: z.string().trim().min(1).max(4000),
        limit,
        filter: meaningFilterSchema.optional(),
      })
      .strict(),
    output: z.object({ hits: z.array(traceHitSchema) }),
  }),
  'traces.similar': channel({
    summary: 'Traces closest in meaning to one trace (its input and output), closest first.',
    input: z.object({ traceId: idText, limit }).strict(),
    output: z.object({ hits: z.array(traceHitSchema) }),
  }),
  'interactions.similar': channel({
    summary: 'Interactions closest in meaning to one interaction, closest first.',
    input: z.object({ interactionId: idText, limit }).strict(),
    output: z.object({ hits: z.array(interactionHitSchema) }),
  }),
  'evals.similarFailures': channel({
    summary:
      'Failing results (fail or error) of the same dataset closest to one eval result, and the production traces closest to it.',
    input: z.object({ resultId: idText, runId: idText.optional(), limit }).strict(),
    output: z.object({
      failures: z.array(failureHitSchema),
      traces: z.array(traceHitSchema),
    }),
  }),
};
