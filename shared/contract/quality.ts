import { z } from 'zod';
import { channel } from './define';
import { matcherInputSchema } from './datasets';
import { modelRefSchema } from './evals';
import { labelNameSchema, promptNameSchema, versionNameSchema } from './prompts';
import { archiveInput, byIdInput, idText, listInput, nameText } from './fields';

/**
 * Quality (Ship, part 2): graders say how good one target (an interaction, a span, an eval
 * result) was, scorecards combine graders into one verdict, scores are what graders, people and
 * apps recorded. Every grader and scorecard is versioned: a score names the version that gave
 * it, so a score never changes meaning when its grader is edited.
 */

const finite = z.number().finite();

// ---------------------------------------------------------------------------------------------
// Score configs: what values a grader gives, and how they read as 0..1 in a scorecard.

export const scoreLevelSchema = z
  .object({
    /** "Bullseye", "One hop short": what a reviewer picks and a judge answers with. */
    name: z.string().trim().min(1).max(64),
    value: finite,
    /** What the level means, shown to reviewers and given to judges. */
    description: z.string().max(2_000).optional(),
  })
  .strict();
export type ScoreLevel = z.infer<typeof scoreLevelSchema>;

export const scoreConfigSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('numeric'),
        min: finite,
        max: finite,
        /** Higher is better unless false (latency, cost): normalization flips. */
        higherIsBetter: z.boolean().optional().default(true),
      })
      .strict(),
    z
      .object({
        type: z.literal('categorical'),
        /** Two to twenty levels with distinct names and values. */
        levels: z.array(scoreLevelSchema).min(2).max(20),
      })
      .strict(),
    z.object({ type: z.literal('boolean') }).strict(),
  ])
  .superRefine((config, ctx) => {
    if (config.type === 'numeric' && !(config.min < config.max))
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be greater than min' });
    if (config.type === 'categorical') {
      const names = new Set(config.levels.map((l) => l.name.toLowerCase()));
      const values = new Set(config.levels.map((l) => l.value));
      if (names.size !== config.levels.length)
        ctx.addIssue({ code: 'custom', path: ['levels'], message: 'level names must differ' });
      if (values.size !== config.levels.length)
        ctx.addIssue({ code: 'custom', path: ['levels'], message: 'level values must differ' });
    }
  });
export type ScoreConfig = z.infer<typeof scoreConfigSchema>;

/** incident.io's coarse, actionable scale: the built-in categorical preset. */
export const BULLSEYE_LEVELS: readonly ScoreLevel[] = [
  {
    name: 'Bullseye',
    value: 100,
    description: 'Exactly right: the answer a domain expert would give.',
  },
  { name: 'One hop short', value: 65, description: 'Right direction, one step from the answer.' },
  { name: 'Right area', value: 35, description: 'Relevant, but not the answer.' },
  { name: 'Wrong', value: 0, description: 'Wrong, misleading or unhelpful.' },
];

// ---------------------------------------------------------------------------------------------
// Grader definitions, one shape per kind.

/** Numbers read off a target without a model: the interaction's own measurements. */
export const GRADER_METRICS = [
  'output_chars',
  'latency_ms',
  'cost_usd',
  'tool_call_count',
  'json_valid',
] as const;
export type GraderMetric = (typeof GRADER_METRICS)[number];

export const deterministicCheckSchema = z.discriminatedUnion('type', [
  /** Any eval matcher, run on the target's output (and expected value, when it has one). */
  z.object({ type: z.literal('matcher'), matcher: matcherInputSchema }).strict(),
  /**
   * A metric as the score (numeric config), or, with bounds, whether it lies within them
   * (boolean config). `json_valid` is boolean.
   */
  z
    .object({
      type: z.literal('metric'),
      metric: z.enum(GRADER_METRICS),
      min: finite.optional(),
      max: finite.optional(),
    })
    .strict(),
]);
export type DeterministicCheck = z.infer<typeof deterministicCheckSchema>;

/**
 * A prompt of the registry by name and label (default `production`) or version (`v1.2`, as
 * the registry names versions), spelled as the registry spells them.
 */
export const judgePromptRefSchema = z
  .object({
    name: promptNameSchema,
    label: labelNameSchema.optional(),
    version: versionNameSchema.optional(),
  })
  .strict()
  .refine((r) => !(r.label && r.version), { message: 'name a label or a version, not both' });

export const graderDefinitionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deterministic'), check: deterministicCheckSchema }).strict(),
  z
    .object({
      kind: z.literal('llm_judge'),
      /** The judge prompt lives in the registry, with its versions and labels. */
      prompt: judgePromptRefSchema,
      model: modelRefSchema,
      /** A second judge for calibration (a local model against a cloud one, say). */
      secondModel: modelRefSchema.optional(),
      /**
       * Set on a second judge (graders.secondJudge.start): the grader this one is a copy of, on
       * another model, kept to be the reference of that grader's calibration.
       */
      secondJudgeOf: idText.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('code'),
      /** A JavaScript function body run in the QuickJS sandbox; returns the score. */
      source: z.string().min(1).max(100_000),
      timeoutMs: z.number().int().min(10).max(60_000).optional().default(1_000),
    })
    .strict(),
  z.object({ kind: z.literal('human'), instructions: z.string().max(10_000) }).strict(),
]);
export type GraderDefinition = z.infer<typeof graderDefinitionSchema>;
export const GRADER_KINDS = ['deterministic', 'llm_judge', 'code', 'human'] as const;
export type GraderKind = (typeof GRADER_KINDS)[number];

export const graderVersionSchema = z.object({
  id: z.string(),
  graderId: z.string(),
  version: z.number().int(),
  definition: graderDefinitionSchema,
  scoreConfig: scoreConfigSchema,
  /** What the grader checks and how each score is earned: shown to reviewers and judges. */
  rubric: z.string(),
  createdAt: z.string(),
});
export type GraderVersionView = z.infer<typeof graderVersionSchema>;

export const graderViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(GRADER_KINDS),
  /** Shipped with Assay (Alignment, Accuracy...): editable like any other, by new versions. */
  builtIn: z.boolean(),
  archived: z.boolean(),
  latest: graderVersionSchema,
  createdAt: z.string(),
});
export type GraderView = z.infer<typeof graderViewSchema>;

export const graderCreateSchema = z
  .object({
    name: nameText,
    description: z.string().max(2_000).optional().default(''),
    rubric: z.string().max(20_000).optional().default(''),
    definition: graderDefinitionSchema,
    scoreConfig: scoreConfigSchema,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Scorecards.

export const scorecardItemSchema = z
  .object({
    graderId: idText,
    /** Pinned grader version; absent: the grader's latest version when scoring starts. */
    graderVersion: z.number().int().positive().optional(),
    weight: z.number().finite().positive().max(1_000).optional().default(1),
  })
  .strict();

export const scorecardBodySchema = z
  .object({
    items: z.array(scorecardItemSchema).min(1).max(50),
    /** Weighted mean of the normalized (0..1) scores at or above which a target passes. */
    passThreshold: z.number().min(0).max(1),
    /** What the scorecard scores by default: an interaction type, a prompt (by name). */
    interactionType: z.string().trim().min(1).max(64).optional(),
    promptName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type ScorecardBody = z.infer<typeof scorecardBodySchema>;

export const scorecardViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  versionId: z.string(),
  body: scorecardBodySchema,
  archived: z.boolean(),
  createdAt: z.string(),
});
export type ScorecardView = z.infer<typeof scorecardViewSchema>;

// ---------------------------------------------------------------------------------------------
// Scores.

export const SCORE_TARGET_TYPES = ['interaction', 'span', 'eval_result'] as const;
export const SCORE_SOURCES = ['grader', 'human', 'api'] as const;
export type ScoreSource = (typeof SCORE_SOURCES)[number];

export const scoreTargetSchema = z
  .object({ type: z.enum(SCORE_TARGET_TYPES), id: idText })
  .strict();
export type ScoreTarget = z.infer<typeof scoreTargetSchema>;

export const scoreViewSchema = z.object({
  id: z.string(),
  target: scoreTargetSchema,
  /** The grader and version that gave it; null for an app's own signal (`name` says which). */
  graderId: z.string().nullable(),
  graderVersionId: z.string().nullable(),
  name: z.string(),
  /** Null when the grader could not score (its reason says why): never read as a pass or 0. */
  value: z.number().nullable(),
  /** The level's name, for a categorical score. */
  level: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.enum(SCORE_SOURCES),
  /** Judge calls' cost, kept apart from the target's own cost; null when unpriced. */
  costUsd: z.number().nullable(),
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type ScoreView = z.infer<typeof scoreViewSchema>;

/** A score from an app over HTTP: thumbs up/down, "user copied the answer", any signal. */
export const scoreCreateSchema = z
  .object({
    target: scoreTargetSchema,
    /** The signal's name ("thumbs", "copied"); with graderId, the grader's name is used. */
    name: nameText.optional(),
    graderId: idText.optional(),
    value: z.union([finite, z.boolean()]).optional(),
    /** A categorical grader's level by name, instead of a value. */
    level: z.string().trim().min(1).max(64).optional(),
    reason: z.string().max(10_000).optional(),
    author: z.string().trim().min(1).max(256).optional(),
    /** An app's signal (default) or a person's judgement; grader scores come from grading. */
    source: z.enum(['api', 'human']).optional().default('api'),
    /** The same key twice is one score: an app can retry safely. */
    idempotencyKey: z.string().trim().min(1).max(256),
  })
  .strict()
  .refine((s) => s.name !== undefined || s.graderId !== undefined, {
    message: 'name the signal (name) or the grader (graderId)',
    path: ['name'],
  })
  .refine((s) => (s.value === undefined) !== (s.level === undefined), {
    message: 'give a value or a level (one of them)',
    path: ['value'],
  });
export type ScoreCreate = z.infer<typeof scoreCreateSchema>;

export const qualityChannels = {
  'graders.list': channel({
    summary: 'Graders (built-in and own), newest first; archived ones on request.',
    input: listInput,
    output: z.object({ graders: z.array(graderViewSchema) }),
  }),
  'graders.get': channel({
    summary: 'One grader with every version.',
    input: byIdInput,
    output: z.object({ grader: graderViewSchema, versions: z.array(graderVersionSchema) }),
  }),
  'graders.create': channel({
    summary: 'A new grader at version 1.',
    input: graderCreateSchema,
    output: graderViewSchema,
  }),
  'graders.update': channel({
    summary:
      'A new version of a grader (definition, score config, rubric); scores keep the version that gave them.',
    input: z
      .object({
        id: idText,
        description: z.string().max(2_000).optional(),
        rubric: z.string().max(20_000).optional(),
        definition: graderDefinitionSchema.optional(),
        scoreConfig: scoreConfigSchema.optional(),
      })
      .strict(),
    output: graderViewSchema,
  }),
  'graders.archive': channel({
    summary: 'Archives or restores a grader; its scores stay.',
    input: archiveInput,
    output: graderViewSchema,
  }),
  'scorecards.list': channel({
    summary: 'Scorecards, newest first.',
    input: listInput,
    output: z.object({ scorecards: z.array(scorecardViewSchema) }),
  }),
  'scorecards.get': channel({
    summary: 'One scorecard, at its latest version or the one named.',
    input: z.object({ id: idText, version: z.number().int().positive().optional() }).strict(),
    output: scorecardViewSchema,
  }),
  'scorecards.create': channel({
    summary: 'A new scorecard at version 1.',
    input: z
      .object({
        name: nameText,
        description: z.string().max(2_000).optional().default(''),
        body: scorecardBodySchema,
      })
      .strict(),
    output: scorecardViewSchema,
  }),
  'scorecards.update': channel({
    summary: 'A new version of a scorecard.',
    input: z
      .object({
        id: idText,
        description: z.string().max(2_000).optional(),
        body: scorecardBodySchema,
      })
      .strict(),
    output: scorecardViewSchema,
  }),
  'scorecards.archive': channel({
    summary: 'Archives or restores a scorecard; its versions stay readable.',
    input: archiveInput,
    output: scorecardViewSchema,
  }),
  'scores.create': channel({
    summary:
      'Records a score from an app, a person or a grader run (idempotent by key), labelled by source.',
    input: scoreCreateSchema,
    output: z.object({ score: scoreViewSchema, created: z.boolean() }),
  }),
  'scores.list': channel({
    summary: 'The scores of one target, or of one grader, newest first.',
    input: z
      .object({
        target: scoreTargetSchema.optional(),
        graderId: idText.optional(),
        limit: z.number().int().min(1).max(1_000).optional().default(200),
      })
      .strict()
      .refine((i) => i.target !== undefined || i.graderId !== undefined, {
        message: 'name a target or a grader',
        path: ['target'],
      }),
    output: z.object({ scores: z.array(scoreViewSchema) }),
  }),
};
