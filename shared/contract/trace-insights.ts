import { z } from 'zod';
import { channel } from './define';
import { interactionViewSchema, SPAN_SOURCES, traceSummarySchema } from './traces';
import { byIdInput, idText, isoDay } from './fields';

/** What the cost dashboard groups LLM spans by. */
export const STATS_GROUPS = ['provider', 'model', 'prompt'] as const;
export type StatsGroupBy = (typeof STATS_GROUPS)[number];

/** The longest range one request covers: a year of days keeps every answer small. */
export const MAX_STATS_DAYS = 366;
/** Groups charted day by day; past this many, the rest are left out and counted. */
export const MAX_STATS_GROUPS = 40;
export const DEFAULT_STATS_DAYS = 30;

/** Figures over a set of LLM spans (a day of a group, a group, everything). */
export const statsFiguresSchema = z.object({
  calls: z.number().int(),
  errors: z.number().int(),
  /** errors / calls, 0..1. */
  errorRate: z.number(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Sum over the priced spans; null when none is priced (never a silent 0). */
  costUsd: z.number().nullable(),
  /** LLM spans that answered without a price: when above 0 the cost is a lower bound. */
  unpricedCount: z.number().int(),
  /** Nearest-rank 95th percentile of latency (ms). */
  p95LatencyMs: z.number(),
});
export type StatsFigures = z.infer<typeof statsFiguresSchema>;

export const statsFilterSchema = z
  .object({
    provider: z.string().max(64).optional(),
    model: z.string().max(256).optional(),
    promptVersionId: z.string().max(64).optional(),
    source: z.enum(SPAN_SOURCES).optional(),
  })
  .strict();

export const statsInputSchema = z
  .object({
    /** First UTC day, inclusive; default 29 days before `to`. */
    from: isoDay.optional(),
    /** Last UTC day, inclusive; default today (UTC). */
    to: isoDay.optional(),
    groupBy: z.enum(STATS_GROUPS).optional().default('model'),
    filter: statsFilterSchema.optional().default({}),
  })
  .strict();

export const traceStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(STATS_GROUPS),
  /** Every UTC day of the range, oldest first (days without calls included). */
  days: z.array(z.string()),
  /** The whole range. */
  totals: statsFiguresSchema,
  /** Each group over the whole range, most calls first; `group` null: spans without one. */
  groups: z.array(statsFiguresSchema.extend({ group: z.string().nullable() })),
  /** Each day with calls, over every group. */
  daily: z.array(statsFiguresSchema.extend({ day: z.string() })),
  /** Each day and charted group with calls. */
  series: z.array(statsFiguresSchema.extend({ day: z.string(), group: z.string().nullable() })),
  /** Groups beyond MAX_STATS_GROUPS: in totals and daily, not in groups or series. */
  groupsOmitted: z.number().int(),
});
export type TraceStats = z.infer<typeof traceStatsSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  /** Traces tagged with the session or linked from one of its interactions. */
  traceCount: z.number().int(),
  interactionCount: z.number().int(),
  userId: z.string().nullable(),
  /** Sum over the priced traces; null when none is priced. */
  costUsd: z.number().nullable(),
  unpricedCount: z.number().int(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** A session's thread holds at most this many interactions and traces each. */
export const SESSION_THREAD_LIMIT = 500;

export const traceInsightChannels = {
  'traces.stats': channel({
    summary:
      'Cost (USD; unpriced spans counted apart), tokens, calls, error rate and p95 latency of LLM spans per UTC day, grouped by provider, model or prompt version, over a date range (default the last 30 days).',
    input: statsInputSchema,
    output: traceStatsSchema,
  }),
  'sessions.list': channel({
    summary:
      'Sessions seen in traces and interactions, most recent first: first and last time, trace and interaction counts, user, total cost.',
    input: z
      .object({
        userId: idText.optional(),
        offset: z.number().int().min(0).max(10_000_000).optional().default(0),
        limit: z.number().int().min(1).max(500).optional().default(100),
      })
      .strict(),
    output: z.object({
      items: z.array(sessionSummarySchema),
      nextOffset: z.number().int().nullable(),
    }),
  }),
  'sessions.get': channel({
    summary: 'One session as a thread: its interactions (with feedback) and traces, oldest first.',
    input: byIdInput,
    output: z.object({
      session: sessionSummarySchema,
      interactions: z.array(interactionViewSchema),
      traces: z.array(traceSummarySchema),
      /** True when the session holds more than SESSION_THREAD_LIMIT interactions or traces. */
      truncated: z.boolean(),
    }),
  }),
};
