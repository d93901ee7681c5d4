import { z } from 'zod';
import { channel } from './define';
import { tagSchema } from './datasets';
import { idText, isoTime } from './fields';
import { providerIdSchema } from './llm';
import { SPAN_SOURCES } from './traces';

/**
 * Re-pricing of past traffic (issue 15): what stored LLM spans would have cost on another
 * model, and recomputing their stored costs with today's prices, with a record of each time.
 */

/** The longest range one request covers: a year and a bit, so every answer stays small. */
export const MAX_REPRICE_DAYS = 400;

/** Which LLM spans: the span fields of the Traces filter that say what the traffic was. */
export const costFilterSchema = z
  .object({
    provider: z.string().max(64).optional(),
    model: z.string().max(256).optional(),
    source: z.enum(SPAN_SOURCES).optional(),
    promptVersionId: z.string().max(64).optional(),
    /** Every tag must be present on the span. */
    tags: z.array(tagSchema).max(16).optional(),
    userId: idText.optional(),
    sessionId: idText.optional(),
  })
  .strict();
export type CostFilter = z.infer<typeof costFilterSchema>;

/** A model as `prices.*` names it. */
export const costModelSchema = z
  .object({ provider: providerIdSchema, model: z.string().trim().min(1).max(256) })
  .strict();
export type CostModel = z.infer<typeof costModelSchema>;

/** Span start times `from <= startedAt < to`, at most MAX_REPRICE_DAYS long. */
const rangeFields = {
  from: isoTime,
  to: isoTime,
  filter: costFilterSchema.optional().default({}),
};

/** A price as used: USD per 1M tokens as exact decimal strings (null cache: input rate). */
export const usedPriceSchema = z.object({
  input: z.string(),
  output: z.string(),
  cacheRead: z.string().nullable(),
  cacheWrite: z.string().nullable(),
  source: z.enum(['catalog', 'override']),
});
export type UsedPrice = z.infer<typeof usedPriceSchema>;

/** Usage and cost of a set of LLM spans, actual and on the what-if model. */
export const whatIfFiguresSchema = z.object({
  spans: z.number().int(),
  inputTokens: z.number().int(),
  /** Reasoning tokens included (they are billed as output). */
  outputTokens: z.number().int(),
  cacheReadTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  /** Spans with a stored cost. */
  pricedSpans: z.number().int(),
  /** Spans that answered without a price: the actual cost leaves them out (a lower bound). */
  unpricedSpans: z.number().int(),
  /** What the priced spans did cost; null when none is priced (never a silent 0). */
  actualCostUsd: z.number().nullable(),
  /** The same usage (every span) on the what-if model. */
  whatIfCostUsd: z.number(),
  /** The priced spans' usage on the what-if model: the like-for-like match of actualCostUsd. */
  whatIfPricedCostUsd: z.number(),
});
export type WhatIfFigures = z.infer<typeof whatIfFiguresSchema>;

export const whatIfResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  target: costModelSchema.extend({ price: usedPriceSchema }),
  /** Every UTC day the range touches, oldest first (days without spans included). */
  days: z.array(whatIfFiguresSchema.extend({ day: z.string() })),
  totals: whatIfFiguresSchema,
});
export type WhatIfResult = z.infer<typeof whatIfResultSchema>;

/** A (provider, model) a recomputation met, and the price it used (null: none now). */
export const recomputedModelSchema = z.object({
  provider: z.string(),
  model: z.string(),
  spans: z.number().int(),
  price: usedPriceSchema.nullable(),
});

export const costRecomputationSchema = z.object({
  id: z.string(),
  requestedAt: z.string(),
  finishedAt: z.string(),
  status: z.enum(['completed', 'failed']),
  error: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  filter: costFilterSchema,
  /** The one model recomputed, when the request named one. */
  model: costModelSchema.nullable(),
  prices: z.array(recomputedModelSchema),
  spansExamined: z.number().int(),
  spansChanged: z.number().int(),
  /** Trace rows whose cost and unpriced count were summed again from their spans. */
  tracesUpdated: z.number().int(),
  /** Over the spans examined; null when none of them was priced. */
  costBeforeUsd: z.number().nullable(),
  costAfterUsd: z.number().nullable(),
  unpricedBefore: z.number().int(),
  unpricedAfter: z.number().int(),
  /** Spans that had a cost and have none now (their model's price is gone). */
  lostPrice: z.number().int(),
  /** Spans that had no cost and have one now. */
  gainedPrice: z.number().int(),
});
export type CostRecomputation = z.infer<typeof costRecomputationSchema>;

export const costChannels = {
  'costs.whatIf': channel({
    summary:
      'What the LLM spans of a time range (filtered) would have cost on another model: per UTC day, tokens by kind, the actual cost (unpriced spans counted apart) and the same usage at the target model’s current price.',
    input: z.object({ ...rangeFields, target: costModelSchema }).strict(),
    output: whatIfResultSchema,
  }),
  'costs.recompute': channel({
    summary:
      'Recomputes the stored cost of the LLM spans of a time range (filtered, optionally one model) with current prices, sums their traces again, and records what changed.',
    input: z.object({ ...rangeFields, model: costModelSchema.optional() }).strict(),
    output: costRecomputationSchema,
  }),
  'costs.history': channel({
    summary: 'The records of past cost recomputations, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(500).optional().default(50) }).strict(),
    output: z.object({ items: z.array(costRecomputationSchema) }),
  }),
};
