import { z } from 'zod';

/**
 * Online scoring rules: which production interactions a scorecard's graders score as they
 * arrive, how many of them (a sampling rate) and for how much (a daily budget for judge calls).
 */

const shortText = z.string().trim().min(1).max(200);

/** Every field given must match; within a list, any entry matches (tags: all listed). */
export const scoringFilterSchema = z
  .object({
    types: z.array(shortText).max(50).optional(),
    /** Prompt names (any version of them). */
    prompts: z.array(shortText).max(50).optional(),
    models: z.array(shortText).max(50).optional(),
    /** The interaction must carry every one of these tags. */
    tags: z.array(shortText).max(50).optional(),
    users: z.array(shortText).max(200).optional(),
  })
  .strict();
export type ScoringFilter = z.infer<typeof scoringFilterSchema>;

export const scoringRuleBodySchema = z
  .object({
    name: shortText,
    scorecardId: z.string().trim().min(1).max(256),
    filter: scoringFilterSchema.optional().default({}),
    /** Share of matching interactions scored, 0..1 (0.1 = one in ten). */
    sampling: z.number().min(0).max(1),
    /** US dollars of judge calls a UTC day; the rule pauses when spent (null: no limit). */
    dailyBudgetUsd: z.number().finite().min(0).max(1_000_000).nullable(),
    enabled: z.boolean().optional().default(true),
  })
  .strict();
export type ScoringRuleBody = z.infer<typeof scoringRuleBodySchema>;
