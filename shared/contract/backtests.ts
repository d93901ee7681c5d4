import { z } from 'zod';
import { channel } from './define';
import { modelRefSchema, runScorecardSchema, runScorecardViewSchema } from './evals';
import { byIdInput, idText, nameText } from './fields';
import { interactionFilterSchema } from './traces';

/**
 * Backtests (issue 15): replay real traffic on a candidate prompt or model and read what
 * changed, scored with one scorecard on both sides.
 *
 * A set is frozen when it is made: each item keeps its interaction's input, what production
 * answered, and every LLM call it made (request, answer, usage), so a set means the same thing
 * next month whatever retention purged. A run replays each item's calls with each candidate
 * (tool results and retrieved context stay as recorded: only the candidate changes) and grades
 * both sides. Scores are 0..1 (a scorecard's weighted mean); an item either side could not
 * score is counted apart, never as a tie, a win or a pass.
 */

export const STRATIFY_BY = ['none', 'type', 'outcome', 'score_band'] as const;
export type StratifyBy = (typeof STRATIFY_BY)[number];

/** `PROMPT@LABEL` or `PROMPT@VERSION` (a bare name means its `latest`). */
const promptRef = z.string().trim().min(1).max(200);

/** Sampling parameters a candidate or a replayed baseline may set. */
export const replayParametersSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().max(1_000_000).optional(),
    topP: z.number().min(0).max(1).optional(),
  })
  .strict();

/** What a backtest tries: a prompt version, a model, parameters (at least a prompt or a model). */
export const candidateSpecSchema = z
  .object({
    prompt: promptRef.optional(),
    model: modelRefSchema.optional(),
    parameters: replayParametersSchema.optional(),
  })
  .strict()
  .refine((c) => c.prompt !== undefined || c.model !== undefined, {
    message: 'a candidate names a prompt version, a model, or both',
  });
export type CandidateSpec = z.infer<typeof candidateSpecSchema>;

/** The side a candidate is measured against: what production did, or a prompt version replayed. */
export const baselineSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('production') }).strict(),
  z
    .object({
      kind: z.literal('replay'),
      prompt: promptRef.optional(),
      model: modelRefSchema.optional(),
      parameters: replayParametersSchema.optional(),
    })
    .strict(),
]);
export type BaselineSpec = z.infer<typeof baselineSpecSchema>;

export const setSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('interactions'),
      filter: interactionFilterSchema.optional().default({}),
      /** Only interactions recorded with this prompt (`NAME`, `NAME@LABEL`, `NAME@VERSION`). */
      prompt: promptRef.optional(),
      sampleSize: z.number().int().min(1).max(10_000),
      stratifyBy: z.enum(STRATIFY_BY).optional().default('none'),
      /** The scorecard whose scores make the bands (`score_band` only). */
      scorecard: idText.optional(),
      /** Fixes the sample (the same filter and seed over the same data pick the same items). */
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional(),
    })
    .strict(),
  z.object({ kind: z.literal('dataset'), dataset: idText }).strict(),
]);
export type SetSource = z.input<typeof setSourceSchema>;

export const backtestSetViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.enum(['interactions', 'dataset']),
  /** The source as given (filter, sample size, strata, seed; or the dataset). */
  definition: z.record(z.string(), z.unknown()),
  itemCount: z.number().int(),
  /** Items per stratum (`all` when unstratified). */
  strata: z.record(z.string(), z.number().int()),
  /** LLM calls the items recorded, and their tokens: what an estimate starts from. */
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  archived: z.boolean(),
  createdAt: z.string(),
});
export type BacktestSetView = z.infer<typeof backtestSetViewSchema>;

/** One frozen item as a page of a set shows it. */
export const backtestItemViewSchema = z.object({
  position: z.number().int(),
  interactionId: z.string().nullable(),
  caseId: z.string().nullable(),
  stratum: z.string(),
  input: z.unknown(),
  /** What production answered; null for dataset items and interactions without output. */
  output: z.string().nullable(),
  calls: z.number().int(),
  occurredAt: z.string().nullable(),
});

export const sideCostSchema = z.object({
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Null when a model it calls has no price. */
  usd: z.number().nullable(),
});

export const backtestEstimateSchema = z.object({
  items: z.number().int(),
  /** Side 0 is the baseline (free when it is production), 1.. the candidates. */
  sides: z.array(z.object({ label: z.string(), replays: z.boolean(), cost: sideCostSchema })),
  /** Every replayed side together; null when any is unpriced. */
  totalUsd: z.number().nullable(),
  /** Graders that call a model cost extra; counted, not priced ahead. */
  judgeGraders: z.number().int(),
});
export type BacktestEstimate = z.infer<typeof backtestEstimateSchema>;

export const RUN_STATUSES = ['queued', 'running', 'completed', 'cancelled', 'failed'] as const;

const interval = z.object({ low: z.number(), high: z.number() });

/** One candidate against the baseline, over the run's items. */
export const candidateVerdictSchema = z.object({
  side: z.number().int(),
  label: z.string(),
  pairs: z.number().int(),
  /** Both sides scored. */
  scoredPairs: z.number().int(),
  /** Either side unscored or errored: shown, never counted as a tie or a pass. */
  unscoredPairs: z.number().int(),
  candidateErrors: z.number().int(),
  wins: z.number().int(),
  ties: z.number().int(),
  losses: z.number().int(),
  meanDelta: z.number().nullable(),
  /** 95% percentile bootstrap interval of the mean delta (10,000 resamples, fixed seed). */
  interval: interval.nullable(),
  /** Two-sided exact sign test over wins and losses (ties left out). */
  signTestP: z.number().nullable(),
  /** `worse`/`better` only when the interval excludes 0; `insufficient` under 2 scored pairs. */
  verdict: z.enum(['better', 'worse', 'no_difference', 'insufficient']),
  baselinePassRate: z.number().nullable(),
  candidatePassRate: z.number().nullable(),
  passRateChange: z.number().nullable(),
  baselineCostUsd: z.number().nullable(),
  candidateCostUsd: z.number().nullable(),
  costDeltaUsd: z.number().nullable(),
  baselineLatencyP50Ms: z.number().nullable(),
  candidateLatencyP50Ms: z.number().nullable(),
  baselineLatencyP95Ms: z.number().nullable(),
  candidateLatencyP95Ms: z.number().nullable(),
  /** The last 30 days' volume of the set's traffic at each side's cost per interaction. */
  projectedMonthly: z
    .object({
      interactions: z.number().int(),
      baselineUsd: z.number().nullable(),
      candidateUsd: z.number().nullable(),
    })
    .nullable(),
});
export type CandidateVerdict = z.infer<typeof candidateVerdictSchema>;

export const backtestRunViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  setId: z.string(),
  setName: z.string(),
  status: z.enum(RUN_STATUSES),
  baseline: z.object({ label: z.string(), spec: baselineSpecSchema }),
  candidates: z.array(z.object({ side: z.number().int(), label: z.string() })),
  scorecard: runScorecardViewSchema,
  concurrency: z.number().int(),
  items: z.number().int(),
  /** Results stored, over items x sides. */
  done: z.number().int(),
  total: z.number().int(),
  /** What replays and judges cost so far (priced calls). */
  spentUsd: z.number(),
  estimate: backtestEstimateSchema,
  verdicts: z.array(candidateVerdictSchema),
  scheduleId: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type BacktestRunView = z.infer<typeof backtestRunViewSchema>;

const sideResult = z.object({
  status: z.enum(['ok', 'error']),
  output: z.string().nullable(),
  error: z.string().nullable(),
  /** The scorecard's mean, 0..1; null when unscored. */
  score: z.number().nullable(),
  outcome: z.enum(['pass', 'fail', 'incomplete']).nullable(),
  reason: z.string().nullable(),
  costUsd: z.number().nullable(),
  latencyMs: z.number().nullable(),
  spanIds: z.array(z.string()),
});

export const backtestPairViewSchema = z.object({
  position: z.number().int(),
  interactionId: z.string().nullable(),
  stratum: z.string(),
  input: z.unknown(),
  baseline: sideResult.nullable(),
  candidate: sideResult.nullable(),
  /** Candidate minus baseline; null unless both scored. */
  delta: z.number().nullable(),
});
export type BacktestPairView = z.infer<typeof backtestPairViewSchema>;

const runSpecFields = {
  baseline: baselineSpecSchema.optional().default({ kind: 'production' }),
  candidates: z.array(candidateSpecSchema).min(1).max(10),
  scorecard: runScorecardSchema,
};

export const SCHEDULE_CADENCES = ['daily', 'weekly'] as const;

export const backtestScheduleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  setId: z.string(),
  cadence: z.enum(SCHEDULE_CADENCES),
  /** `HH:MM`, UTC. */
  at: z.string(),
  /** 0 = Sunday; weekly only. */
  weekday: z.number().int().nullable(),
  /** An alert fires when a candidate's mean delta is below minus this (and significant). */
  alertBelow: z.number(),
  enabled: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRunId: z.string().nullable(),
  createdAt: z.string(),
});
export type BacktestScheduleView = z.infer<typeof backtestScheduleViewSchema>;

export const backtestChannels = {
  'backtests.sets.create': channel({
    summary:
      'Freezes a backtest set: interactions chosen by filter and sample size (stratified by type, outcome or score band), or a dataset’s cases.',
    input: z
      .object({
        name: nameText,
        description: z.string().max(2000).optional().default(''),
        source: setSourceSchema,
      })
      .strict(),
    output: backtestSetViewSchema,
  }),
  'backtests.sets.list': channel({
    summary: 'Backtest sets, newest first.',
    input: z
      .object({ includeArchived: z.boolean().optional().default(false) })
      .strict()
      .optional()
      .default({ includeArchived: false }),
    output: z.object({ sets: z.array(backtestSetViewSchema) }),
  }),
  'backtests.sets.get': channel({
    summary: 'A set (by id or name) and a page of its frozen items.',
    input: z
      .object({
        id: idText,
        offset: z.number().int().min(0).optional().default(0),
        limit: z.number().int().min(1).max(500).optional().default(50),
      })
      .strict(),
    output: z.object({
      set: backtestSetViewSchema,
      items: z.array(backtestItemViewSchema),
      nextOffset: z.number().int().nullable(),
    }),
  }),
  'backtests.sets.archive': channel({
    summary: 'Archives or restores a set; its runs stay.',
    input: z.object({ id: idText, archived: z.boolean() }).strict(),
    output: backtestSetViewSchema,
  }),
  'backtests.estimate': channel({
    summary:
      'What a backtest would cost before it starts: each side’s calls and tokens from the set’s recorded usage, priced on the model it would call.',
    input: z.object({ set: idText, ...runSpecFields }).strict(),
    output: backtestEstimateSchema,
  }),
  'backtests.runs.create': channel({
    summary:
      'Starts a backtest in the background: every item of the set replayed on each candidate (and a replayed baseline), both sides graded with the scorecard.',
    input: z
      .object({
        set: idText,
        name: nameText.optional(),
        ...runSpecFields,
        concurrency: z.number().int().min(1).max(64).optional().default(8),
      })
      .strict(),
    output: backtestRunViewSchema,
  }),
  'backtests.runs.list': channel({
    summary: 'Backtest runs, newest first, of one set or all.',
    input: z
      .object({
        set: idText.optional(),
        limit: z.number().int().min(1).max(200).optional().default(50),
      })
      .strict()
      .optional()
      .default({ limit: 50 }),
    output: z.object({ runs: z.array(backtestRunViewSchema) }),
  }),
  'backtests.runs.get': channel({
    summary: 'A run with its progress and, per candidate, the verdict so far.',
    input: byIdInput,
    output: backtestRunViewSchema,
  }),
  'backtests.runs.resume': channel({
    summary:
      'Continues a run that stopped (cancelled, failed, or cut off by a crash): only what is missing runs.',
    input: byIdInput,
    output: backtestRunViewSchema,
  }),
  'backtests.runs.cancel': channel({
    summary: 'Stops a running backtest; what finished is kept, and it can be resumed.',
    input: byIdInput,
    output: backtestRunViewSchema,
  }),
  'backtests.runs.pairs': channel({
    summary:
      'A candidate’s items next to the baseline: regressions first (largest drop first), or in set order, or only regressions.',
    input: z
      .object({
        id: idText,
        side: z.number().int().min(1).max(10).optional().default(1),
        order: z
          .enum(['regressions_first', 'position', 'regressions_only'])
          .optional()
          .default('regressions_first'),
        offset: z.number().int().min(0).optional().default(0),
        limit: z.number().int().min(1).max(500).optional().default(50),
      })
      .strict(),
    output: z.object({
      pairs: z.array(backtestPairViewSchema),
      nextOffset: z.number().int().nullable(),
    }),
  }),
  'backtests.runs.exportCases': channel({
    summary:
      'Adds a candidate’s regressions (or every item) to a dataset as eval cases, in one action; the dataset is made when it does not exist.',
    input: z
      .object({
        id: idText,
        side: z.number().int().min(1).max(10).optional().default(1),
        which: z.enum(['regressions', 'all']).optional().default('regressions'),
        dataset: nameText,
      })
      .strict(),
    output: z.object({ dataset: z.string(), added: z.number().int() }),
  }),
  'backtests.schedules.create': channel({
    summary:
      'Runs a backtest daily or weekly at a set time (UTC); a regression beyond the threshold raises a pulse alert.',
    input: z
      .object({
        name: nameText,
        set: idText,
        ...runSpecFields,
        cadence: z.enum(SCHEDULE_CADENCES),
        at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour, UTC'),
        weekday: z.number().int().min(0).max(6).optional(),
        alertBelow: z.number().min(0).max(1).optional().default(0),
        concurrency: z.number().int().min(1).max(64).optional().default(8),
      })
      .strict()
      .refine((s) => (s.cadence === 'weekly') === (s.weekday !== undefined), {
        message: 'a weekly schedule names its weekday (0 = Sunday); a daily one does not',
        path: ['weekday'],
      }),
    output: backtestScheduleViewSchema,
  }),
  'backtests.schedules.list': channel({
    summary: 'Backtest schedules.',
    input: z.object({}).strict().optional().default({}),
    output: z.object({ schedules: z.array(backtestScheduleViewSchema) }),
  }),
  'backtests.schedules.delete': channel({
    summary: 'Deletes a schedule; the runs it made stay.',
    input: byIdInput,
    output: z.object({ deleted: z.boolean() }),
  }),
};

export const backtestTopics = {
  'backtests.progress': z.object({
    runId: z.string(),
    status: z.enum(RUN_STATUSES),
    done: z.number().int(),
    total: z.number().int(),
    spentUsd: z.number(),
  }),
};
