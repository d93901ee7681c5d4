import { z } from 'zod';
import { channel } from './define';
import { SCORE_SOURCES, scoreConfigSchema, scoreViewSchema } from './quality';
import { reviewerSchema } from './settings';
import { interactionFilterSchema } from './traces';
import { archiveInput, byIdInput, idText, listInput, nameText } from './fields';

/**
 * Human review (Ship, part 2): queues of interactions people score by hand with a grader's
 * score config. A queue is filled by hand, by an interactions filter or by a score rule; its
 * items are assigned to reviewers (or left open to whoever comes first); a submitted review is
 * a human score through the quality service, and the queue reports how well reviewers agree.
 */

export const REVIEW_FILL_KINDS = ['hand', 'filter', 'rule'] as const;
export const REVIEW_ITEM_STATES = ['pending', 'completed', 'skipped'] as const;
export type ReviewItemState = (typeof REVIEW_ITEM_STATES)[number];
export const SCORE_RULE_OPS = ['lte', 'lt', 'gte', 'gt', 'eq'] as const;
export type ScoreRuleOp = (typeof SCORE_RULE_OPS)[number];

/** At most this many interactions join a queue in one fill. */
export const REVIEW_FILL_MAX = 5_000;

/**
 * "Every interaction whose score from grader G is at or below 35": an interaction matches when
 * the latest scored (non-null) score that grader gave it compares so; `source` narrows which
 * scores count (a judge's, a person's, an app's), default any.
 */
export const scoreRuleSchema = z
  .object({
    graderId: idText,
    op: z.enum(SCORE_RULE_OPS),
    value: z.number().finite(),
    source: z.enum(SCORE_SOURCES).optional(),
  })
  .strict();
export type ScoreRule = z.infer<typeof scoreRuleSchema>;

const fillLimit = z.number().int().min(1).max(REVIEW_FILL_MAX).optional().default(1_000);

/** Where a fill takes interactions from. */
export const reviewFillSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('hand'),
      interactionIds: z.array(idText).min(1).max(REVIEW_FILL_MAX),
    })
    .strict(),
  /** What interactions.list answers for this filter, newest first. */
  z
    .object({ kind: z.literal('filter'), filter: interactionFilterSchema, limit: fillLimit })
    .strict(),
  /** The matching interactions, most extreme score first (lowest; highest for gte and gt). */
  z.object({ kind: z.literal('rule'), rule: scoreRuleSchema, limit: fillLimit }).strict(),
]);
export type ReviewFillSource = z.infer<typeof reviewFillSourceSchema>;

/** What a queue keeps of its last fill: the filter or the rule (a hand fill keeps none). */
export const reviewQueueRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('filter'), filter: interactionFilterSchema }),
  z.object({ kind: z.literal('rule'), rule: scoreRuleSchema }),
]);
export type ReviewQueueRule = z.infer<typeof reviewQueueRuleSchema>;

const count = z.number().int().min(0);

export const reviewCountsSchema = z.object({
  total: count,
  pending: count,
  completed: count,
  skipped: count,
  /** Pending items no reviewer holds yet: the first to review one takes it. */
  unassigned: count,
});
export type ReviewCounts = z.infer<typeof reviewCountsSchema>;

export const reviewerCountsSchema = z.object({
  reviewer: z.string(),
  pending: count,
  completed: count,
  skipped: count,
});

export const reviewQueueViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  graderId: z.string(),
  graderName: z.string(),
  instructions: z.string(),
  filledBy: z.enum(REVIEW_FILL_KINDS).nullable(),
  rule: reviewQueueRuleSchema.nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  counts: reviewCountsSchema,
  /** Per reviewer, by name. */
  reviewers: z.array(reviewerCountsSchema),
});
export type ReviewQueueView = z.infer<typeof reviewQueueViewSchema>;

export const reviewItemViewSchema = z.object({
  id: z.string(),
  queueId: z.string(),
  /** The interaction reviewed. */
  targetId: z.string(),
  position: z.number().int(),
  assignee: z.string().nullable(),
  state: z.enum(REVIEW_ITEM_STATES),
  completedAt: z.string().nullable(),
  scoreId: z.string().nullable(),
});
export type ReviewItemView = z.infer<typeof reviewItemViewSchema>;

/** One item as the review screen shows it: what to judge, with what, and what was given. */
export const reviewItemDetailSchema = z.object({
  item: reviewItemViewSchema,
  queue: z.object({ id: z.string(), name: z.string(), instructions: z.string() }),
  grader: z.object({
    id: z.string(),
    name: z.string(),
    rubric: z.string(),
    scoreConfig: scoreConfigSchema,
  }),
  /** Null when the interaction was purged (trace retention) after the item was queued. */
  interaction: z
    .object({
      id: z.string(),
      type: z.string(),
      input: z.unknown(),
      output: z.unknown(),
      createdAt: z.string(),
    })
    .nullable(),
  /** The human score this item produced, once completed. */
  score: scoreViewSchema.nullable(),
});
export type ReviewItemDetail = z.infer<typeof reviewItemDetailSchema>;

export const reviewAgreementSchema = z.object({
  /** Reviewers with at least one completed item. */
  reviewers: z.array(z.string()),
  /** Interactions with at least one human score in the queue. */
  scoredItems: count,
  /** Interactions two or more reviewers scored: the only ones agreement is measured on. */
  pairableItems: count,
  /** Krippendorff's alpha (nominal); null with fewer than two pairable items or no variation. */
  alpha: z.number().nullable(),
  /** Share (0..1) of pairable items on which every reviewer gave the same score; null if none. */
  exactAgreement: z.number().nullable(),
});
export type ReviewAgreement = z.infer<typeof reviewAgreementSchema>;

const queueRef = { queueId: idText };

export const reviewChannels = {
  'reviewQueues.list': channel({
    summary: 'Review queues with their counts (pending, completed, per reviewer), newest first.',
    input: listInput,
    output: z.object({ queues: z.array(reviewQueueViewSchema) }),
  }),
  'reviewQueues.create': channel({
    summary: 'A new, empty review queue scored with one grader (a human grader or any other).',
    input: z
      .object({
        name: nameText,
        graderId: idText,
        instructions: z.string().max(10_000).optional().default(''),
      })
      .strict(),
    output: reviewQueueViewSchema,
  }),
  'reviewQueues.get': channel({
    summary: 'One review queue with its counts.',
    input: byIdInput,
    output: reviewQueueViewSchema,
  }),
  'reviewQueues.archive': channel({
    summary: 'Archives or restores a review queue; its items and scores stay.',
    input: archiveInput,
    output: reviewQueueViewSchema,
  }),
  'reviewQueues.fill': channel({
    summary:
      'Adds interactions to a queue: by id, by an interactions filter, or by a score rule; ones already queued are not added twice.',
    input: z.object({ ...queueRef, source: reviewFillSourceSchema }).strict(),
    output: z.object({
      /** Interactions the source named or matched (up to its limit). */
      matched: count,
      added: count,
      alreadyQueued: count,
      queue: reviewQueueViewSchema,
    }),
  }),
  'reviewQueues.assign': channel({
    summary:
      'Hands the unassigned items to reviewers in turn (round-robin; one reviewer takes them all); perItem > 1 gives each item to that many reviewers, for agreement.',
    input: z
      .object({
        ...queueRef,
        reviewers: z.array(reviewerSchema).min(1).max(50),
        perItem: z.number().int().min(1).max(50).optional().default(1),
      })
      .strict()
      .refine((i) => new Set(i.reviewers).size === i.reviewers.length, {
        message: 'name each reviewer once',
        path: ['reviewers'],
      })
      .refine((i) => i.perItem <= i.reviewers.length, {
        message: 'cannot exceed the number of reviewers',
        path: ['perItem'],
      }),
    output: z.object({
      /** Item-reviewer pairs made (an item given to three reviewers counts three). */
      assigned: count,
      queue: reviewQueueViewSchema,
    }),
  }),
  'reviewQueues.agreement': channel({
    summary:
      "How well the queue's reviewers agree: Krippendorff's alpha and exact agreement on items several reviewers scored.",
    input: byIdInput,
    output: reviewAgreementSchema,
  }),
  'review.items': channel({
    summary:
      "A reviewer's items in queue order: theirs and the unassigned ones they may take (for moving back and forth).",
    input: z.object({ ...queueRef, reviewer: reviewerSchema }).strict(),
    output: z.object({ items: z.array(reviewItemViewSchema) }),
  }),
  'review.next': channel({
    summary:
      "A reviewer's next pending item after the one named (from the start without one, wrapping around), with the interaction's input and output; null when none is left.",
    input: z.object({ ...queueRef, reviewer: reviewerSchema, after: idText.optional() }).strict(),
    output: z.object({ item: reviewItemDetailSchema.nullable() }),
  }),
  'review.item': channel({
    summary: 'One review item with the interaction, the grader and the score it produced.',
    input: byIdInput,
    output: reviewItemDetailSchema,
  }),
  'review.submit': channel({
    summary:
      "Records a reviewer's score on an item as a human score (a double submit is one score) and completes the item.",
    input: z
      .object({
        itemId: idText,
        reviewer: reviewerSchema,
        value: z.union([z.number().finite(), z.boolean()]).optional(),
        /** A categorical grader's level by name, instead of a value. */
        level: z.string().trim().min(1).max(64).optional(),
        comment: z.string().max(10_000).optional(),
      })
      .strict()
      .refine((s) => (s.value === undefined) !== (s.level === undefined), {
        message: 'give a value or a level (one of them)',
        path: ['value'],
      }),
    output: z.object({
      item: reviewItemViewSchema,
      score: scoreViewSchema,
      /** False when this was a repeat of a submit already recorded. */
      created: z.boolean(),
    }),
  }),
  'review.skip': channel({
    summary: "Skips an item (it stays the reviewer's, and can be scored later).",
    input: z.object({ itemId: idText, reviewer: reviewerSchema }).strict(),
    output: z.object({ item: reviewItemViewSchema }),
  }),
};
