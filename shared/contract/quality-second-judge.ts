import { z } from 'zod';
import { channel } from './define';
import { modelRefSchema } from './evals';
import { providerIdSchema } from './llm';
import { scoreTargetSchema } from './quality';

/**
 * A second judge: an LLM judge copied onto another model (a local model against a cloud one,
 * say), a grader of its own that grades, in the background, the targets the judge scored most
 * recently. Calibration then compares the two (graders.calibration with the copy as
 * `referenceGraderId`).
 */

const idText = z.string().trim().min(1).max(256);

export const SECOND_JUDGE_DEFAULT_SAMPLE = 100;
export const SECOND_JUDGE_MAX_SAMPLE = 1_000;
/** A job lists at most this many targets it could not score, and why. */
export const SECOND_JUDGE_MAX_PROBLEMS = 50;

export const secondJudgeStartSchema = z
  .object({
    /** The LLM judge to compare. */
    graderId: idText,
    /** The second judge's model: any configured provider's, a local server's included. */
    provider: providerIdSchema,
    model: z.string().trim().min(1).max(256),
    /** How many of the targets the judge scored most recently the second judge grades. */
    sampleSize: z
      .number()
      .int()
      .min(1)
      .max(SECOND_JUDGE_MAX_SAMPLE)
      .optional()
      .default(SECOND_JUDGE_DEFAULT_SAMPLE),
  })
  .strict();
export type SecondJudgeStart = z.input<typeof secondJudgeStartSchema>;

export const SECOND_JUDGE_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type SecondJudgeState = (typeof SECOND_JUDGE_STATES)[number];

export const secondJudgeJobSchema = z.object({
  id: z.string(),
  /** The judge compared. */
  graderId: z.string(),
  /** The copy that grades (a grader of its own), at the version this job grades with. */
  secondJudge: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  model: modelRefSchema,
  state: z.enum(SECOND_JUDGE_STATES),
  /** Targets picked: the judge's most recent scored ones, up to the sample size. */
  total: z.number().int(),
  /** Targets finished, whatever came of them (the four counts below add up to it). */
  done: z.number().int(),
  /** Stored with a value. */
  scored: z.number().int(),
  /** Stored without a value: the second judge could not judge the target (its reason says why). */
  unscored: z.number().int(),
  /** Skipped: this version of the second judge scored them already (a re-run stores nothing twice). */
  alreadyScored: z.number().int(),
  /** Not stored (the provider failed, the target is gone): a re-run tries them again. */
  failed: z.number().int(),
  /** Judge calls made and their cost so far; calls to an unpriced model are counted apart. */
  calls: z.number().int(),
  costUsd: z.number(),
  unpricedCalls: z.number().int(),
  problems: z.array(z.object({ target: scoreTargetSchema, reason: z.string() })),
  /** Why the job stopped early (failed), else null. */
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SecondJudgeJob = z.infer<typeof secondJudgeJobSchema>;

export const secondJudgeChannels = {
  'graders.secondJudge.start': channel({
    summary:
      'Copies an LLM judge onto another model (or reuses that copy) and grades, in the background, the targets the judge scored most recently: the copy becomes a calibration reference.',
    input: secondJudgeStartSchema,
    output: secondJudgeJobSchema,
  }),
  'graders.secondJudge.jobs': channel({
    summary: "A judge's second-judge jobs since the core started, newest first, with progress.",
    input: z.object({ graderId: idText }).strict(),
    output: z.object({ jobs: z.array(secondJudgeJobSchema) }),
  }),
  'graders.secondJudge.cancel': channel({
    summary: 'Stops a second-judge job; the scores it stored stay.',
    input: z.object({ jobId: idText }).strict(),
    output: secondJudgeJobSchema,
  }),
};
