import { z } from 'zod';
import { datasetNameSchema, interactionTypeSchema, matcherInputSchema } from './datasets';
import { channel } from './define';
import { providerIdSchema } from './llm';
import { labelNameSchema, promptNameSchema, versionNameSchema } from './prompts';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'cancelled', 'failed'] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);

/** A model a run calls, written `provider:model` on the CLI. */
export const runTargetSchema = z
  .object({
    provider: providerIdSchema,
    model: z.string().trim().min(1),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
  })
  .strict();

/** Which prompt: a saved one (`name` with a version or label) or an inline template. */
export const runPromptSchema = z.union([
  z
    .object({
      name: promptNameSchema,
      version: versionNameSchema.optional(),
      label: labelNameSchema.optional(),
    })
    .strict(),
  z.object({ template: z.string().min(1), system: z.string().optional() }).strict(),
]);

export const runTotalsSchema = z.object({
  cases: z.number().int(),
  results: z.number().int(),
  pass: z.number().int(),
  fail: z.number().int(),
  error: z.number().int(),
  /** Results nothing scored (no matcher, or one that could not judge): never in the pass rate. */
  unscored: z.number().int(),
  /** pass / (pass + fail + error): unscored results are counted apart. 0 when none was scored. */
  passRate: z.number(),
  /** Kept apart: what the prompt cost, and what judging it (LLM judge) cost. Null = unpriced. */
  promptCostUsd: z.number().nullable(),
  judgeCostUsd: z.number(),
  unpricedCalls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  cachedResults: z.number().int(),
  /** With repeats: share of cases passing at least once in k tries, and cases that both passed and failed. */
  passAtK: z.number().nullable(),
  flakyCases: z.number().int(),
  /** Classification runs: predicted-by-expected counts and per-class precision/recall/F1. */
  classification: z
    .object({
      labels: z.array(z.string()),
      matrix: z.array(z.array(z.number().int())),
      perClass: z.array(
        z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number() }),
      ),
    })
    .nullable(),
});
export type RunTotals = z.infer<typeof runTotalsSchema>;

/** A model a run names for a role (the judge of llm-judge matchers, similarity's embeddings). */
export const modelRefSchema = z
  .object({ provider: providerIdSchema, model: z.string().trim().min(1) })
  .strict();

/**
 * A scorecard a run grades every case with, by name (a live one) or id, at a version (default:
 * its latest). Resolved when the run starts and pinned with each grader's version: a resume
 * grades with the same versions, whatever was edited since.
 */
export const runScorecardSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    id: z.string().trim().min(1).max(256).optional(),
    version: z.number().int().positive().optional(),
  })
  .strict()
  .refine((s) => (s.name === undefined) !== (s.id === undefined), {
    message: 'name the scorecard by name or by id (one of them)',
  });
export type RunScorecardRef = z.infer<typeof runScorecardSchema>;

/** A run's scorecard as pinned at start. */
export const runScorecardViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
});

/**
 * The matchers a run scores with, chosen when it starts: the matchers its dataset's cases carry
 * (all, some or none of them) and matchers added for this run, applied to every case.
 */
export const runScorersSchema = z
  .object({
    /** Off: the cases' own matchers are not run at all. */
    useDatasetMatchers: z.boolean().optional().default(true),
    /** Dataset matchers switched off, by the `key` evals.preflight lists them with. */
    skip: z.array(z.string().max(20_000)).max(100).optional().default([]),
    /** Run after each case's own, on every case; validated per type (`scorers.add.0.pattern`). */
    add: z.array(matcherInputSchema).max(20).optional().default([]),
    /**
     * Graded after the matchers on every case: a case passes only when its matchers and the
     * scorecard's verdict pass; a verdict that is incomplete (a human grader, a judge that could
     * not judge) leaves the case unscored.
     */
    scorecard: runScorecardSchema.optional(),
  })
  .strict();
export type RunScorers = z.input<typeof runScorersSchema>;

/** A component prompt a composition used, as resolved when the run started. */
export const runComponentSchema = z.object({ prompt: z.string(), version: z.string() });

export const runViewSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  status: runStatusSchema,
  dataset: z.string().nullable(),
  interactionType: interactionTypeSchema,
  prompt: z.string(),
  promptVersion: versionNameSchema.nullable(),
  /**
   * The component versions the prompt was rendered with, resolved at start (labels followed
   * then): two runs of one composition version can differ here, and must never look identical.
   */
  components: z.array(runComponentSchema),
  provider: providerIdSchema,
  model: z.string(),
  concurrency: z.number().int(),
  repeat: z.number().int(),
  /** The run read and wrote the response cache (false: `--no-cache`, every case called the model). */
  useCache: z.boolean(),
  judgeModel: modelRefSchema.nullable(),
  embeddingModel: modelRefSchema.nullable(),
  /** The scorers chosen when the run started; null: the dataset's matchers, as before scorers. */
  scorers: z
    .object({
      useDatasetMatchers: z.boolean(),
      skip: z.array(z.string()),
      add: z.array(matcherInputSchema),
      /** The scorecard pinned at start (its version; each grader's version is pinned too). */
      scorecard: runScorecardViewSchema.nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  totals: runTotalsSchema,
});
export type RunView = z.infer<typeof runViewSchema>;

export const RESULT_STATUSES = ['pass', 'fail', 'error', 'unscored'] as const;
export const resultStatusSchema = z.enum(RESULT_STATUSES);
export type ResultStatus = z.infer<typeof resultStatusSchema>;

export const matcherOutcomeSchema = z.object({
  type: z.string(),
  pass: z.boolean(),
  /** The matcher could not judge (its reason says why): no verdict, not a failure of the output. */
  unscored: z.boolean(),
  score: z.number(),
  reason: z.string(),
  costUsd: z.number().nullable(),
  /**
   * A scorecard's outcome (type `scorecard`): what each of its graders said. Absent on
   * matchers. `value` and `level` are null when the grader gave no score (`state` says why).
   */
  graders: z
    .array(
      z.object({
        name: z.string(),
        version: z.number().int(),
        kind: z.string(),
        weight: z.number(),
        state: z.enum(['scored', 'unscored', 'error', 'missing']),
        value: z.number().nullable(),
        level: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    )
    .optional(),
});
export type MatcherOutcomeView = z.infer<typeof matcherOutcomeSchema>;

export const resultViewSchema = z.object({
  id: z.string(),
  caseKey: z.string(),
  position: z.number().int(),
  repeatIndex: z.number().int(),
  status: resultStatusSchema,
  /** Weighted mean of the matchers that judged; null when unscored or an error. */
  score: z.number().nullable(),
  vars: z.record(z.string(), z.string()),
  expected: z.unknown(),
  output: z.string().nullable(),
  matchers: z.array(matcherOutcomeSchema),
  latencyMs: z.number().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number().nullable(),
  judgeCostUsd: z.number(),
  cached: z.boolean(),
  spanId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ResultView = z.infer<typeof resultViewSchema>;

/** `unscored`: one side (or both) has no verdict for the case, so it is not compared. */
export const CASE_CHANGES = [
  'regression',
  'improvement',
  'unchanged-pass',
  'unchanged-fail',
  'new',
  'removed',
  'unscored',
] as const;

export const comparisonSchema = z.object({
  baseline: runViewSchema,
  candidate: runViewSchema,
  counts: z.record(z.enum(CASE_CHANGES), z.number().int()),
  /** Candidate's pass rate minus the baseline's; null when either run scored nothing. */
  passRateDelta: z.number().nullable(),
  costDeltaUsd: z.number().nullable(),
  latencyP50DeltaMs: z.number().nullable(),
  matchers: z.array(
    z.object({
      index: z.number().int(),
      type: z.string(),
      baselinePassRate: z.number(),
      candidatePassRate: z.number(),
    }),
  ),
  /** Regressions first, then improvements, new, removed, unscored, unchanged failures, unchanged passes. */
  cases: z.array(
    z.object({
      caseKey: z.string(),
      position: z.number().int(),
      change: z.enum(CASE_CHANGES),
      vars: z.record(z.string(), z.string()),
      baseline: z
        .object({ status: z.string(), score: z.number().nullable(), output: z.string().nullable() })
        .nullable(),
      candidate: z
        .object({ status: z.string(), score: z.number().nullable(), output: z.string().nullable() })
        .nullable(),
      /** null when either side has no score (unscored or an error on every repeat). */
      scoreDelta: z.number().nullable(),
    }),
  ),
});
export type ComparisonView = z.infer<typeof comparisonSchema>;

export const startRunInputSchema = z
  .object({
    name: z.string().max(200).optional(),
    dataset: datasetNameSchema,
    prompt: runPromptSchema,
    /** One run per target; together they form a group (the run matrix). */
    targets: z.array(runTargetSchema).min(1).max(12),
    concurrency: z.number().int().min(1).max(256).optional(),
    repeat: z.number().int().min(1).max(20).optional(),
    bypassCache: z.boolean().optional(),
    /** The model similarity matchers embed with (OpenAI or a local OpenAI-compatible server). */
    embeddingModel: modelRefSchema.optional(),
    /** The judge of llm-judge matchers that name no provider and model of their own. */
    judgeModel: modelRefSchema.optional(),
    /** Which matchers score the run; left out, every case's own matchers. */
    scorers: runScorersSchema.optional(),
  })
  .strict();

/** One thing that stops a run before any model is called (see `evals.preflight`). */
export const preflightProblemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('missing-variables'),
    /** Variables the prompt uses that these cases do not set (and the prompt has no default for). */
    names: z.array(z.string()),
    /** The cases that lack exactly these names: 0-based, in the dataset's order (the first 50). */
    cases: z.array(z.number().int()),
    /** The same cases by their position, as the dataset page numbers them. */
    positions: z.array(z.number().int()),
    count: z.number().int(),
  }),
  z.object({
    kind: z.literal('matcher-unusable'),
    /** The matcher type that cannot run, and why (no judge model, no embedding model, invalid). */
    type: z.string(),
    message: z.string(),
    cases: z.array(z.number().int()),
    positions: z.array(z.number().int()),
    count: z.number().int(),
  }),
  z.object({
    kind: z.literal('scorecard-unusable'),
    /** The scorecard's grader that cannot run on any case, and why (its judge's provider is not set up). */
    scorecard: z.string(),
    grader: z.string(),
    message: z.string(),
  }),
]);
export type PreflightProblem = z.infer<typeof preflightProblemSchema>;

export const preflightSchema = z.object({
  /** True when the run can start: no problem found. */
  ok: z.boolean(),
  cases: z.number().int(),
  /** The variables the prompt uses, and those the dataset's cases set (in any case). */
  promptVariables: z.array(z.string()),
  datasetVariables: z.array(z.string()),
  problems: z.array(preflightProblemSchema),
  /**
   * The distinct matchers the dataset's cases carry (the first 50), each with how many cases
   * carry it and the key evals.start's `scorers.skip` switches it off with.
   */
  datasetMatchers: z.array(
    z.object({ key: z.string(), matcher: matcherInputSchema, count: z.number().int() }),
  ),
});
export type Preflight = z.infer<typeof preflightSchema>;

/** One option of a matcher type, as a form shows it (from the matcher's schema). */
export const matcherFieldSchema = z.object({
  name: z.string(),
  kind: z.enum(['string', 'text', 'number', 'integer', 'boolean', 'enum', 'json']),
  required: z.boolean(),
  description: z.string().nullable(),
  /** The choices of an `enum` field. */
  options: z.array(z.string()),
  default: z.unknown().optional(),
});
export type MatcherField = z.infer<typeof matcherFieldSchema>;

export const matcherTypeSchema = z.object({
  type: z.string(),
  description: z.string(),
  /** Pass/fail only: no threshold. */
  binary: z.boolean(),
  defaultThreshold: z.number(),
  /** It calls a model (a judge, embeddings). */
  callsModel: z.boolean(),
  /** The type's own options; weight, not, threshold and metric are common to all. */
  fields: z.array(matcherFieldSchema),
});
export type MatcherTypeView = z.infer<typeof matcherTypeSchema>;

export const evalChannels = {
  'evals.matcherTypes': channel({
    summary:
      'Every matcher type a run can score with: description, pass/fail or graded, default threshold and its option fields.',
    input: z.object({}).strict().optional().default({}),
    output: z.object({ types: z.array(matcherTypeSchema) }),
  }),
  'evals.start': channel({
    summary:
      'Starts one run per target over a dataset; returns at once, progress arrives on eval.progress.',
    input: startRunInputSchema,
    output: z.object({ groupId: z.string(), runs: z.array(runViewSchema) }),
  }),
  'evals.preflight': channel({
    summary:
      'Checks a run before it starts: every case rendered against the prompt (missing variables), every matcher runnable (judge and embedding models). evals.start refuses what this reports.',
    input: startRunInputSchema,
    output: preflightSchema,
  }),
  'evals.resume': channel({
    summary: 'Resumes an interrupted run: stored results are kept, the rest run.',
    input: z.object({ runId: z.string() }).strict(),
    output: runViewSchema,
  }),
  'evals.cancel': channel({
    summary: 'Cancels a running run; finished results are kept.',
    input: z.object({ runId: z.string() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'evals.list': channel({
    summary: 'Runs, newest first, optionally of one dataset or group.',
    input: z
      .object({
        dataset: datasetNameSchema.optional(),
        groupId: z.string().optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict()
      .optional()
      .default({}),
    output: z.object({ runs: z.array(runViewSchema) }),
  }),
  'evals.get': channel({
    summary: 'One run with its totals.',
    input: z.object({ runId: z.string() }).strict(),
    output: runViewSchema,
  }),
  'evals.results': channel({
    summary: 'A page of the results of a run, optionally only pass, fail or error.',
    input: z
      .object({
        runId: z.string(),
        status: resultStatusSchema.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.object({ total: z.number().int(), results: z.array(resultViewSchema) }),
  }),
  'evals.delete': channel({
    summary:
      'Deletes a run with its case snapshots and results (their spans stay); a run still executing is a CONFLICT.',
    input: z.object({ runId: z.string() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  'evals.compare': channel({
    summary:
      'Baseline vs candidate aligned by test case: regressions first, per-matcher and cost/latency deltas.',
    input: z.object({ baselineRunId: z.string(), candidateRunId: z.string() }).strict(),
    output: comparisonSchema,
  }),
};

export const evalTopics = {
  'eval.progress': z.object({
    runId: z.string(),
    status: runStatusSchema,
    done: z.number().int(),
    total: z.number().int(),
    pass: z.number().int(),
    fail: z.number().int(),
    error: z.number().int(),
    unscored: z.number().int(),
    costUsd: z.number().nullable(),
    elapsedMs: z.number(),
    etaMs: z.number().nullable(),
  }),
};
