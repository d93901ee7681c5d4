import { z } from 'zod';
import { channel } from './define';
import {
  caseVarsSchema,
  datasetNameSchema,
  expectedSchema,
  matcherInputSchema,
  tagsSchema,
  testCaseSchema,
} from './datasets';
import { providerIdSchema } from './llm';
import { spanViewSchema } from './traces';
import { idText } from './fields';

/**
 * What a rerun changes; everything left out stays as the original call had it. A prompt
 * version is `name@label`, `name@v1.2` or a version id.
 */
export const rerunOverridesSchema = z
  .object({
    model: z
      .object({ provider: providerIdSchema, model: z.string().trim().min(1).max(512) })
      .strict()
      .optional(),
    promptVersion: z.string().trim().min(1).max(200).optional(),
    parameters: z
      .object({
        temperature: z.number().min(0).max(2).optional(),
        maxTokens: z.number().int().positive().max(1_000_000).optional(),
        topP: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RerunOverrides = z.infer<typeof rerunOverridesSchema>;

/** How a rerun applied its prompt version. */
export const PROMPT_APPLICATIONS = ['none', 'variables', 'system'] as const;

/** The rerun against its original, as numbers (rerun minus original) the UI shows with signs. */
export const rerunComparisonSchema = z.object({
  /** Null when either side has no price. */
  costDeltaUsd: z.number().nullable(),
  latencyDeltaMs: z.number(),
  inputTokensDelta: z.number().int(),
  outputTokensDelta: z.number().int(),
  totalTokensDelta: z.number().int(),
  /** The answer texts are identical. */
  sameText: z.boolean(),
  /** The answer texts side by side, for a word diff (empty when a side has no text). */
  originalText: z.string(),
  rerunText: z.string(),
});
export type RerunComparison = z.infer<typeof rerunComparisonSchema>;

export const rerunResultSchema = z.object({
  original: spanViewSchema,
  rerun: spanViewSchema,
  comparison: rerunComparisonSchema,
  /**
   * `variables`: the prompt version was rendered with the original call's variables;
   * `system`: they were not known, so only the system message was replaced by the version's;
   * `none`: no prompt version was asked for.
   */
  promptApplied: z.enum(PROMPT_APPLICATIONS),
});
export type RerunResult = z.infer<typeof rerunResultSchema>;

export const rerunBatchSchema = z.object({
  /** The new trace every rerun of this batch joined. */
  traceId: z.string(),
  pairs: z.array(rerunResultSchema),
  /** LLM spans that could not be rerun, with why. */
  failures: z.array(z.object({ spanId: z.string(), code: z.string(), message: z.string() })),
});
export type RerunBatch = z.infer<typeof rerunBatchSchema>;

/** A likely secret or personal datum found in a draft. */
export const REDACTION_KINDS = ['secret', 'api-key', 'email', 'phone', 'card'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export const redactionFindingSchema = z.object({
  /** `vars.<name>` or `expected`. */
  field: z.string(),
  kind: z.enum(REDACTION_KINDS),
  count: z.number().int(),
});

export const redactionPreviewSchema = z.object({
  vars: z.record(z.string(), z.string()),
  expected: z.json().optional(),
  findings: z.array(redactionFindingSchema),
});
export type RedactionPreview = z.infer<typeof redactionPreviewSchema>;

export const interactionCaseDraftSchema = z.object({
  interactionId: z.string(),
  description: z.string(),
  vars: z.record(z.string(), z.string()),
  expected: z.json().optional(),
  /** `name@version` when the interaction named its prompt version. */
  prompt: z.string().nullable(),
});
export type InteractionCaseDraft = z.infer<typeof interactionCaseDraftSchema>;

const batchInput = { ...rerunOverridesSchema.shape };

export const traceActionChannels = {
  'spans.rerun': channel({
    summary:
      "Reruns one LLM span's recorded request (another model, prompt version or parameters), never from the cache; the new span is stored linked to the original, in a new trace, and returned with cost, latency and token deltas.",
    input: z.object({ spanId: idText, ...rerunOverridesSchema.shape }).strict(),
    output: rerunResultSchema,
  }),
  'spans.reruns': channel({
    summary: 'The reruns of a span, oldest first, each compared with it.',
    input: z.object({ spanId: idText }).strict(),
    output: z.object({
      original: spanViewSchema,
      reruns: z.array(z.object({ rerun: spanViewSchema, comparison: rerunComparisonSchema })),
    }),
  }),
  'traces.rerun': channel({
    summary:
      'Reruns every LLM span of a trace with the same overrides (a few at a time) into one new trace; returns each pair and the spans that could not be rerun.',
    input: z.object({ traceId: idText, ...batchInput }).strict(),
    output: rerunBatchSchema,
  }),
  'interactions.rerun': channel({
    summary:
      "Reruns an interaction's LLM spans (its linked spans, else its trace's) like traces.rerun.",
    input: z.object({ interactionId: idText, ...batchInput }).strict(),
    output: rerunBatchSchema,
  }),
  'cases.redactionPreview': channel({
    summary:
      'What a case draft would be with likely secrets and personal data masked (API keys, emails, phone and card numbers), and what was found where; nothing is stored.',
    input: z.object({ vars: caseVarsSchema, expected: expectedSchema.optional() }).strict(),
    output: redactionPreviewSchema,
  }),
  'cases.draftFromInteraction': channel({
    summary:
      "The case an interaction would become, to edit before saving: its input (an object's fields as variables, else `input`), its output as expected.",
    input: z.object({ interactionId: idText }).strict(),
    output: interactionCaseDraftSchema,
  }),
  'cases.fromInteraction': channel({
    summary: 'Steal as eval: adds a case made from an interaction (as drafted, or as edited).',
    input: z
      .object({
        interactionId: idText,
        dataset: datasetNameSchema,
        vars: caseVarsSchema.optional(),
        /** Replaces the interaction's output as expected; null: no expected output. */
        expected: expectedSchema.optional(),
        matchers: z.array(matcherInputSchema).max(100).optional().default([]),
        tags: tagsSchema.optional().default([]),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    output: testCaseSchema,
  }),
};

export const traceActionTopics = {
  /** A batch rerun (traces.rerun, interactions.rerun) finished one more span. */
  'reruns.progress': z.object({
    /** The trace or interaction being rerun. */
    of: z.string(),
    done: z.number().int(),
    total: z.number().int(),
  }),
};
