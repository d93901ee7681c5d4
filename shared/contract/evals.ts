import { z } from 'zod';
import { datasetNameSchema, interactionTypeSchema } from './datasets';
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

export const runViewSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  status: runStatusSchema,
  dataset: z.string().nullable(),
  interactionType: interactionTypeSchema,
  prompt: z.string(),
  promptVersion: versionNameSchema.nullable(),
  provider: providerIdSchema,
  model: z.string(),
  concurrency: z.number().int(),
  repeat: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  totals: runTotalsSchema,
});
export type RunView = z.infer<typeof runViewSchema>;

export const matcherOutcomeSchema = z.object({
  type: z.string(),
  pass: z.boolean(),
  score: z.number(),
  reason: z.string(),
  costUsd: z.number().nullable(),
});

export const resultViewSchema = z.object({
  id: z.string(),
  caseKey: z.string(),
  position: z.number().int(),
  repeatIndex: z.number().int(),
  status: z.enum(['pass', 'fail', 'error']),
  score: z.number(),
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

export const CASE_CHANGES = [
  'regression',
  'improvement',
  'unchanged-pass',
  'unchanged-fail',
  'new',
  'removed',
] as const;

export const comparisonSchema = z.object({
  baseline: runViewSchema,
  candidate: runViewSchema,
  counts: z.record(z.enum(CASE_CHANGES), z.number().int()),
  passRateDelta: z.number(),
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
  /** Regressions first, then improvements, new, removed, unchanged failures, unchanged passes. */
  cases: z.array(
    z.object({
      caseKey: z.string(),
      position: z.number().int(),
      change: z.enum(CASE_CHANGES),
      vars: z.record(z.string(), z.string()),
      baseline: z
        .object({ status: z.string(), score: z.number(), output: z.string().nullable() })
        .nullable(),
      candidate: z
        .object({ status: z.string(), score: z.number(), output: z.string().nullable() })
        .nullable(),
      scoreDelta: z.number(),
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
    embeddingModel: z
      .object({ provider: providerIdSchema, model: z.string().trim().min(1) })
      .strict()
      .optional(),
  })
  .strict();

export const evalChannels = {
  'evals.start': channel({
    summary:
      'Starts one run per target over a dataset; returns at once, progress arrives on eval.progress.',
    input: startRunInputSchema,
    output: z.object({ groupId: z.string(), runs: z.array(runViewSchema) }),
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
        status: z.enum(['pass', 'fail', 'error']).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.object({ total: z.number().int(), results: z.array(resultViewSchema) }),
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
    costUsd: z.number().nullable(),
    elapsedMs: z.number(),
    etaMs: z.number().nullable(),
  }),
};
