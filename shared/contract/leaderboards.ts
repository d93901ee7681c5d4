import { z } from 'zod';
import { channel } from './define';
import { datasetNameSchema } from './datasets';
import { idText } from './fields';

/**
 * Leaderboards: prompt versions x models ranked over an eval dataset or a backtest set, one
 * row per pair (its latest completed run). Scores and pass rates are fractions 0..1 over the
 * scored results only; `unscored` results (no verdict, errors among them) are shown beside
 * them and never counted as 0. Cost is USD; per 1,000 interactions it is the mean of the
 * priced calls x 1,000, null when no call had a known price (unpriced calls are counted
 * apart, never as free). Latency is milliseconds (nearest-rank percentiles).
 */

export const boardScopeSchema = z.discriminatedUnion('kind', [
  /** An eval dataset by name: its completed eval runs. */
  z.object({ kind: z.literal('dataset'), dataset: datasetNameSchema }).strict(),
  /** A backtest set: its backtest runs' candidates. */
  z.object({ kind: z.literal('backtest_set'), setId: idText }).strict(),
]);
export type BoardScopeInput = z.infer<typeof boardScopeSchema>;

export const BOARD_SORT_KEYS = [
  'score',
  'passRate',
  'costPer1k',
  'latencyP50',
  'latencyP95',
  'results',
  'at',
  'prompt',
  'model',
] as const;
export type BoardSortKeyName = (typeof BOARD_SORT_KEYS)[number];

export const boardSortSchema = z
  .object({ key: z.enum(BOARD_SORT_KEYS), direction: z.enum(['asc', 'desc']) })
  .strict();

/** On a frontier (true), dominated (false), or not compared: no score or no value (null). */
export const frontierFlagsSchema = z.object({
  cost: z.boolean().nullable(),
  latencyP50: z.boolean().nullable(),
  latencyP95: z.boolean().nullable(),
});

export const boardRowSchema = z.object({
  /** The (prompt version, model) pair. */
  key: z.string(),
  source: z.enum(['eval_run', 'backtest']),
  /** The latest entry's eval run id, or backtest run id + ':' + candidate index. */
  runId: z.string(),
  /** Entries of this pair in the scope (the row is the latest). */
  entries: z.number().int(),
  promptVersionId: z.string().nullable(),
  promptName: z.string().nullable(),
  promptVersion: z.string().nullable(),
  /** `support@v1.2`, or `inline prompt`. */
  label: z.string(),
  author: z.string().nullable(),
  provider: z.string(),
  model: z.string(),
  at: z.string(),
  results: z.number().int(),
  scored: z.number().int(),
  /** results - scored: no verdict (a judge that could not judge, an error). */
  unscored: z.number().int(),
  /** Of the unscored, the calls that failed. */
  errors: z.number().int(),
  meanScore: z.number().nullable(),
  passRate: z.number().nullable(),
  costUsd: z.number().nullable(),
  costPer1kUsd: z.number().nullable(),
  unpricedResults: z.number().int(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  frontier: frontierFlagsSchema,
});
export type BoardRowView = z.infer<typeof boardRowSchema>;

export const boardScopeInfoSchema = z.object({
  kind: z.enum(['dataset', 'backtest_set']),
  id: z.string(),
  name: z.string(),
  entries: z.number().int(),
  lastAt: z.string().nullable(),
});
export type BoardScopeInfoView = z.infer<typeof boardScopeInfoSchema>;

export const historyPointSchema = z.object({
  at: z.string(),
  rows: z.number().int(),
  bestScore: z.number().nullable(),
  best: z.object({ label: z.string(), provider: z.string(), model: z.string() }).nullable(),
  /** Rows on the score-against-cost frontier then. */
  frontierSize: z.number().int(),
  completed: z.array(
    z.object({
      runId: z.string(),
      label: z.string(),
      provider: z.string(),
      model: z.string(),
      meanScore: z.number().nullable(),
    }),
  ),
});
export type HistoryPointView = z.infer<typeof historyPointSchema>;

export const contributionSchema = z.object({
  promptVersionId: z.string(),
  promptName: z.string(),
  promptVersion: z.string(),
  setId: z.string(),
  meanDelta: z.number().nullable(),
  scoredPairs: z.number().int(),
  at: z.string(),
});

export const contributorSchema = z.object({
  author: z.string().nullable(),
  /** 1 = the largest mean score change; null: no scored pair (listed last, unranked). */
  rank: z.number().int().nullable(),
  meanDelta: z.number().nullable(),
  versions: z.number().int(),
  scoredPairs: z.number().int(),
  contributions: z.array(contributionSchema),
});
export type ContributorView = z.infer<typeof contributorSchema>;

export const leaderboardChannels = {
  'leaderboards.scopes': channel({
    summary: 'The eval datasets and backtest sets that have completed runs to rank.',
    input: z.object({}).strict(),
    output: z.object({ scopes: z.array(boardScopeInfoSchema) }),
  }),
  'leaderboards.get': channel({
    summary:
      'A leaderboard: one row per prompt version x model (its latest completed run), sorted, with its place on the score/cost and score/latency Pareto frontiers.',
    input: z.object({ scope: boardScopeSchema, sort: boardSortSchema.optional() }).strict(),
    output: z.object({
      rows: z.array(boardRowSchema),
      sort: boardSortSchema,
      /** Across the rows: results without a verdict, and answered calls without a price. */
      unscoredResults: z.number().int(),
      unpricedResults: z.number().int(),
    }),
  }),
  'leaderboards.history': channel({
    summary:
      'The leaderboard over time: at each completion, the best score, who held it, the frontier size and what completed.',
    input: z.object({ scope: boardScopeSchema }).strict(),
    output: z.object({ points: z.array(historyPointSchema) }),
  }),
  'leaderboards.contributors': channel({
    summary:
      'Authors of prompt versions ranked by the mean score change their versions brought on backtest sets (optionally one set).',
    input: z.object({ setId: idText.optional() }).strict(),
    output: z.object({ contributors: z.array(contributorSchema) }),
  }),
};
