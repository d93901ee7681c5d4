import { z } from 'zod';
import { channel } from './define';
import {
  GRADER_KINDS,
  SCORE_SOURCES,
  scoreConfigSchema,
  scorecardViewSchema,
  scoreTargetSchema,
} from './quality';
import { byIdInput, idText, isoDay } from './fields';

/**
 * The read side of quality: how far an LLM judge agrees with people (calibration), and a
 * scorecard's scores over time (the dashboard), with the targets behind any point.
 */

/** Below this Cohen's kappa a judge is flagged wherever its scores appear (issue 14). */
export const KAPPA_BAR = 0.6;
/** Numeric scores are compared in this many equal bins of their range (see README). */
export const CALIBRATION_BINS = 4;
/** A calibration lists at most this many disagreements, newest reference first. */
export const MAX_DISAGREEMENTS = 200;

/** Where a target opens in the workbench: the trace of a span, the run of an eval result. */
export const targetLinkSchema = z.object({
  target: scoreTargetSchema,
  traceId: z.string().nullable(),
  runId: z.string().nullable(),
});
export type TargetLink = z.infer<typeof targetLinkSchema>;

export const calibrationPairSchema = z.object({
  link: targetLinkSchema,
  judge: z.string(),
  reference: z.string(),
  judgeScoreId: z.string(),
  referenceScoreId: z.string(),
  judgeReason: z.string().nullable(),
  referenceReason: z.string().nullable(),
});

export const CALIBRATION_LABELLINGS = ['levels', 'boolean', 'bins'] as const;

export const calibrationSchema = z.object({
  graderId: z.string(),
  /** Only this version's judge scores; null: every version's (the newest per target). */
  version: z.number().int().nullable(),
  reference: z.object({
    /** `human`: people's scores under this same grader; `grader`: another grader's scores. */
    kind: z.enum(['human', 'grader']),
    graderId: z.string(),
    graderName: z.string(),
  }),
  /** How scores became labels: level names, true/false, or bins of a numeric range. */
  labelling: z.enum(CALIBRATION_LABELLINGS),
  /** Rows and columns of the matrix, in order. */
  levels: z.array(z.string()),
  /** Targets both the judge and the reference scored (with a value). */
  n: z.number().int(),
  /** Targets the reference scored: those without a judge score are not in `n`. */
  referenceTargets: z.number().int(),
  exact: z.number().nullable(),
  kappa: z.number().nullable(),
  flagged: z.boolean(),
  /** Rows: the reference's label, columns: the judge's. */
  confusion: z.array(z.array(z.number().int())),
  disagreements: z.array(calibrationPairSchema),
  disagreementsOmitted: z.number().int(),
});
export type Calibration = z.infer<typeof calibrationSchema>;

export const calibrationFlagSchema = z.object({
  graderId: z.string(),
  n: z.number().int(),
  kappa: z.number().nullable(),
  flagged: z.boolean(),
});
export type CalibrationFlag = z.infer<typeof calibrationFlagSchema>;

// ---------------------------------------------------------------------------------------------
// Scorecard dashboard.

export const DASHBOARD_SPLITS = ['none', 'prompt_version', 'model'] as const;
export type DashboardSplit = (typeof DASHBOARD_SPLITS)[number];
/** Numeric scores are counted in this many bins of their normalized (0..1) score. */
export const NUMERIC_BINS = 10;
/** The bucket of a score without a value (the grader could not score). */
export const UNSCORED_BUCKET = 'unscored';
export const MAX_DASHBOARD_DAYS = 366;
export const DEFAULT_DASHBOARD_DAYS = 30;

const dashboardScope = {
  id: idText,
  /** The scorecard version whose items are charted; default its latest. */
  version: z.number().int().positive().optional(),
  /** What the series are split by: a target's prompt version or its model. */
  split: z.enum(DASHBOARD_SPLITS).optional().default('none'),
  /** Only scores of this source; default every source. */
  source: z.enum(SCORE_SOURCES).optional(),
};

export const dashboardInputSchema = z
  .object({
    ...dashboardScope,
    /** First UTC day, inclusive; default 29 days before `to`. */
    from: isoDay.optional(),
    /** Last UTC day, inclusive; default today (UTC). */
    to: isoDay.optional(),
  })
  .strict();

/** A histogram bucket: a level name, `true`/`false`, a normalized bin (`0`…`9`), `unscored`. */
export const dashboardBucketSchema = z.object({ key: z.string(), label: z.string() });

export const dashboardFiguresSchema = z.object({
  /** Scores, unscored ones included. */
  count: z.number().int(),
  /** Scores with a value. */
  scored: z.number().int(),
  /** Mean of the normalized (0..1, 1 best) scores; null when none has a value. */
  mean: z.number().nullable(),
  /** Judge cost (sum of the scores' cost); null when none is priced. */
  costUsd: z.number().nullable(),
  /** Scores per bucket key. */
  histogram: z.record(z.string(), z.number().int()),
});
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;

export const dashboardGraderSchema = z.object({
  graderId: z.string(),
  name: z.string(),
  kind: z.enum(GRADER_KINDS),
  weight: z.number(),
  pinnedVersion: z.number().int().nullable(),
  /** The config the buckets are named by (the pinned version's, else the latest). */
  scoreConfig: scoreConfigSchema,
  buckets: z.array(dashboardBucketSchema),
  totals: dashboardFiguresSchema,
});
export type DashboardGrader = z.infer<typeof dashboardGraderSchema>;

export const dashboardPointSchema = dashboardFiguresSchema.extend({
  graderId: z.string(),
  day: z.string(),
  /** The split's value (a prompt version id, `provider:model`); null: unsplit, or none. */
  split: z.string().nullable(),
});
export type DashboardPoint = z.infer<typeof dashboardPointSchema>;

export const scorecardDashboardSchema = z.object({
  scorecard: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  from: z.string(),
  to: z.string(),
  days: z.array(z.string()),
  split: z.enum(DASHBOARD_SPLITS),
  graders: z.array(dashboardGraderSchema),
  /** The split values seen, most scores first. */
  splits: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
  /** Per grader, day and split value with scores. */
  series: z.array(dashboardPointSchema),
  /** Judge cost per day over every grader of the scorecard (days with scores). */
  cost: z.array(
    z.object({ day: z.string(), count: z.number().int(), costUsd: z.number().nullable() }),
  ),
  totalCostUsd: z.number().nullable(),
});
export type ScorecardDashboard = z.infer<typeof scorecardDashboardSchema>;

export const dashboardTargetSchema = z.object({
  scoreId: z.string(),
  link: targetLinkSchema,
  value: z.number().nullable(),
  level: z.string().nullable(),
  normalized: z.number().nullable(),
  reason: z.string().nullable(),
  source: z.enum(SCORE_SOURCES),
  createdAt: z.string(),
});
export type DashboardTarget = z.infer<typeof dashboardTargetSchema>;

export const qualityInsightChannels = {
  'graders.calibration': channel({
    summary:
      "How far an LLM grader's scores agree with people's on the same targets: exact agreement, Cohen's kappa, confusion matrix and the disagreements (flagged under kappa 0.6).",
    input: z
      .object({
        id: idText,
        /** The reference grader (a human grader, or a second judge); default people's scores under this grader. */
        referenceGraderId: idText.optional(),
        version: z.number().int().positive().optional(),
      })
      .strict(),
    output: calibrationSchema,
  }),
  'graders.calibrationFlags': channel({
    summary:
      "Every live LLM grader's agreement with people's scores under it: kappa, pairs, flagged under 0.6.",
    input: z.object({}).strict().optional().default({}),
    output: z.object({ graders: z.array(calibrationFlagSchema) }),
  }),
  'scorecards.versions': channel({
    summary: 'Every version of a scorecard, newest first.',
    input: byIdInput,
    output: z.object({ versions: z.array(scorecardViewSchema) }),
  }),
  'scorecards.dashboard': channel({
    summary:
      "A scorecard's scores per grader per UTC day: mean normalized score, histogram, judge cost; optionally split by the target's prompt version or model.",
    input: dashboardInputSchema,
    output: scorecardDashboardSchema,
  }),
  'scorecards.dashboardTargets': channel({
    summary:
      'The scores behind one dashboard point (grader, day, split value, bucket), newest first, with where each target opens.',
    input: z
      .object({
        ...dashboardScope,
        graderId: idText,
        day: isoDay,
        /** The split value; absent: any; null: targets without one. */
        splitKey: z.string().max(512).nullable().optional(),
        bucket: z.string().max(128).optional(),
        limit: z.number().int().min(1).max(500).optional().default(100),
      })
      .strict(),
    output: z.object({ targets: z.array(dashboardTargetSchema), more: z.boolean() }),
  }),
};
