import { z } from 'zod';
import { formatUsd, usdToPico } from '../money';
import { channel } from './define';
import { archiveInput, byIdInput, idText, listInput } from './fields';

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

const sampling = z.number().min(0).max(1);
const dailyBudgetUsd = z.number().finite().min(0).max(1_000_000).nullable();

export const scoringRuleBodySchema = z
  .object({
    name: shortText,
    scorecardId: idText,
    filter: scoringFilterSchema.optional().default({}),
    /** Share of matching interactions scored, 0..1 (0.1 = one in ten). */
    sampling,
    /** US dollars of judge calls a UTC day; the rule pauses when spent (null: no limit). */
    dailyBudgetUsd,
    enabled: z.boolean().optional().default(true),
  })
  .strict();
export type ScoringRuleBody = z.infer<typeof scoringRuleBodySchema>;

export const SCORING_RULE_STATES = ['running', 'paused', 'disabled', 'archived'] as const;

export const scoringRuleStatusSchema = z.object({
  /** `paused`: the day's judge budget is spent (judges wait; deterministic graders go on). */
  state: z.enum(SCORING_RULE_STATES),
  /** Why the rule is paused or disabled, in words the workbench shows; null while it runs. */
  reason: z.string().nullable(),
  /** The UTC day the spend is counted for. */
  day: z.string(),
  spentTodayUsd: z.number(),
  /** Interactions the rule graded, and walked past (filter or sampling said no). */
  scored: z.number().int(),
  skipped: z.number().int(),
  /** Judge gradings not started because the day's budget was spent. */
  budgetSkipped: z.number().int(),
  /** Creation time of the last interaction the rule walked past; null before the first. */
  through: z.string().nullable(),
  /** The last failure (a provider down, a key missing); the rule retries it. Null once it recovers. */
  lastError: z.string().nullable(),
  /** Whether a rescore is still walking, and the targets it re-graded so far. */
  rescore: z.object({ pending: z.boolean(), rescored: z.number().int() }),
});
export type ScoringRuleStatus = z.infer<typeof scoringRuleStatusSchema>;

export const scoringRuleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scorecardId: z.string(),
  filter: scoringFilterSchema,
  sampling: z.number(),
  dailyBudgetUsd: z.number().nullable(),
  enabled: z.boolean(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: scoringRuleStatusSchema,
});
export type ScoringRuleView = z.infer<typeof scoringRuleViewSchema>;

export const scoringRuleUpdateSchema = z
  .object({
    id: idText,
    name: shortText.optional(),
    scorecardId: idText.optional(),
    filter: scoringFilterSchema.optional(),
    sampling: sampling.optional(),
    dailyBudgetUsd: dailyBudgetUsd.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type ScoringRuleUpdate = z.infer<typeof scoringRuleUpdateSchema>;

export const scoringRuleChannels = {
  'scoringRules.list': channel({
    summary:
      'Online scoring rules, newest first, each with its status (running, paused by its budget, disabled), spend today and counts.',
    input: listInput,
    output: z.object({ rules: z.array(scoringRuleViewSchema) }),
  }),
  'scoringRules.get': channel({
    summary: 'One online scoring rule with its status.',
    input: byIdInput,
    output: scoringRuleViewSchema,
  }),
  'scoringRules.create': channel({
    summary:
      "A rule that scores production interactions with a scorecard's graders as they arrive (filter, sampling, daily judge budget).",
    input: scoringRuleBodySchema,
    output: scoringRuleViewSchema,
  }),
  'scoringRules.update': channel({
    summary:
      'Changes a rule (only the fields given); enabling a disabled rule scores what arrives from then on.',
    input: scoringRuleUpdateSchema,
    output: scoringRuleViewSchema,
  }),
  'scoringRules.archive': channel({
    summary: 'Archives (stops, frees its name) or restores a rule; its scores stay.',
    input: archiveInput,
    output: scoringRuleViewSchema,
  }),
  'scoringRules.rescore': channel({
    summary:
      "Re-grades what the rule already scored with its scorecard's current grader versions (after a grader changed), in the background.",
    input: byIdInput,
    output: scoringRuleViewSchema,
  }),
};

// ---------------------------------------------------------------------------------------------
// A rule in words, as the workbench and `assay scoring list` show it.

const FILTER_WORDS: readonly [keyof ScoringFilter, string, string][] = [
  ['types', 'type', 'types'],
  ['prompts', 'prompt', 'prompts'],
  ['models', 'model', 'models'],
  ['tags', 'tag', 'tags'],
  ['users', 'user', 'users'],
];

/** "every interaction", or "type chat · prompts support, faq · tag beta". */
export function scoringFilterText(filter: ScoringFilter): string {
  const parts = FILTER_WORDS.flatMap(([key, one, many]) => {
    const list = filter[key] ?? [];
    if (list.length === 0) return [];
    return [`${list.length === 1 ? one : many} ${list.join(', ')}`];
  });
  return parts.length === 0 ? 'every interaction' : parts.join(' · ');
}

/** A sampling rate as a percentage: 1 → "100%", 0.1 → "10%", 0.005 → "0.5%". */
export function samplingText(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}

const usdText = (usd: number): string => formatUsd(usdToPico(usd));

/** "$0.0123 of $5.00", "$0.0123 (no limit)": today's judge spend against the daily budget. */
export function budgetText(spentTodayUsd: number, dailyBudgetUsd: number | null): string {
  return dailyBudgetUsd === null
    ? `${usdText(spentTodayUsd)} (no limit)`
    : `${usdText(spentTodayUsd)} of ${usdText(dailyBudgetUsd)}`;
}
