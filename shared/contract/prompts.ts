import { z } from 'zod';
import { channel } from './define';
import { callResultSchema, chatParamsSchema, providerIdSchema } from './llm';

/**
 * Prompt kinds. `system` and `user` are reusable components (one text each); `chat` is a
 * message list that may reference components (a composition) and hold placeholders; `text` is a
 * single text prompt for completion-style use.
 */
export const PROMPT_KINDS = ['system', 'user', 'chat', 'text'] as const;
export const promptKindSchema = z.enum(PROMPT_KINDS);
export type PromptKind = z.infer<typeof promptKindSchema>;

/** Prompt names are stable identifiers used in files, refs and `NAME@LABEL`. */
export const promptNameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._/-]{0,127}$/,
    'lowercase letters, digits, ".", "_", "-" and "/" only, starting with a letter or digit (at most 128)',
  );

export const labelNameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_-]{0,63}$/,
    'lowercase letters, digits, "_" and "-", starting with a letter',
  );

/** `v1.2` as the product has always shown versions. */
export const versionNameSchema = z.string().regex(/^v\d+\.\d+$/, 'a version such as v1.2');

/** A reference to a component prompt: pinned to a version, or following a label. */
export const componentRefSchema = z
  .object({
    prompt: promptNameSchema,
    version: versionNameSchema.optional(),
    label: labelNameSchema.optional(),
  })
  .strict()
  .refine((r) => !(r.version && r.label), 'pin a version or follow a label, not both');
export type ComponentRef = z.infer<typeof componentRefSchema>;

export const promptMessageSchema = z.union([
  z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }).strict(),
  /** The component's text becomes this message's content. */
  z.object({ role: z.enum(['system', 'user']), ref: componentRefSchema }).strict(),
  /** Where a list of chat messages (e.g. history) is inserted at render time. */
  z
    .object({ placeholder: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a name such as history') })
    .strict(),
]);
export type PromptMessage = z.infer<typeof promptMessageSchema>;

export const variableSchema = z
  .object({
    name: z.string(),
    default: z.string().optional(),
    description: z.string().optional(),
  })
  .strict();

/** Model configuration versioned with the prompt. */
export const promptConfigSchema = z
  .object({
    provider: providerIdSchema.optional(),
    model: z.string().optional(),
    temperature: chatParamsSchema.shape.temperature,
    maxTokens: chatParamsSchema.shape.maxTokens,
    topP: chatParamsSchema.shape.topP,
    stop: chatParamsSchema.shape.stop,
    tools: chatParamsSchema.shape.tools,
    responseFormat: chatParamsSchema.shape.responseFormat,
  })
  .strict();
export type PromptConfig = z.infer<typeof promptConfigSchema>;

/**
 * The versioned content. `text` for system/user/text prompts, `messages` for chat prompts.
 * `variables` lists defaults and descriptions; the names themselves are extracted from the
 * content, so a variable can never be listed without being used or used without being listed.
 */
export const promptContentSchema = z
  .object({
    text: z.string().max(1_000_000).optional(),
    messages: z.array(promptMessageSchema).max(500).optional(),
    variables: z.array(variableSchema).optional(),
    config: promptConfigSchema.optional(),
  })
  .strict();
export type PromptContent = z.infer<typeof promptContentSchema>;

export const promptVersionSchema = z.object({
  id: z.string(),
  promptId: z.string(),
  version: versionNameSchema,
  major: z.number().int(),
  minor: z.number().int(),
  parentVersion: versionNameSchema.nullable(),
  content: promptContentSchema,
  /** Every variable the content uses (components included), with defaults where given. */
  variables: z.array(variableSchema),
  contentHash: z.string(),
  author: z.string(),
  message: z.string(),
  labels: z.array(z.string()),
  createdAt: z.string(),
});
export type PromptVersionView = z.infer<typeof promptVersionSchema>;

export const promptSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: promptKindSchema,
  description: z.string(),
  tags: z.array(z.string()),
  latestVersion: versionNameSchema,
  labels: z.record(z.string(), versionNameSchema),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type PromptSummary = z.infer<typeof promptSummarySchema>;

const promptSelector = z.object({ name: promptNameSchema }).strict();
/** Which version: a version name, a label, or (neither) the `production` label, else latest. */
const versionSelector = {
  version: versionNameSchema.optional(),
  label: labelNameSchema.optional(),
};

export const renderedSchema = z.object({
  promptVersion: versionNameSchema,
  messages: z.array(
    z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }),
  ),
  text: z.string().nullable(),
  config: promptConfigSchema,
  /** Components resolved while rendering, with the version each resolved to. */
  components: z.array(z.object({ prompt: z.string(), version: versionNameSchema })),
});

const diffPartSchema = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });

export const promptDiffSchema = z.object({
  from: versionNameSchema,
  to: versionNameSchema,
  /** One entry per message position (or the text), with word-level parts. */
  sections: z.array(
    z.object({
      title: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      before: z.string(),
      after: z.string(),
      parts: z.array(diffPartSchema),
    }),
  ),
});

const chatMessageInput = z
  .object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })
  .strict();

export const playgroundTargetSchema = z
  .object({
    provider: providerIdSchema,
    model: z.string().trim().min(1),
    temperature: chatParamsSchema.shape.temperature,
    maxTokens: chatParamsSchema.shape.maxTokens,
    topP: chatParamsSchema.shape.topP,
  })
  .strict();

export const playgroundRunSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  promptName: z.string().nullable(),
  promptVersion: z.string().nullable(),
  variables: z.record(z.string(), z.string()),
  messages: z.array(chatMessageInput),
  columns: z.array(
    z.object({
      target: playgroundTargetSchema,
      status: z.enum(['ok', 'error', 'cancelled']),
      result: callResultSchema.nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
export type PlaygroundRunView = z.infer<typeof playgroundRunSchema>;

export const promptChannels = {
  'prompts.create': channel({
    summary: 'Creates a prompt with its first version (v1.0) and the latest label.',
    input: z
      .object({
        name: promptNameSchema,
        kind: promptKindSchema,
        description: z.string().max(2000).optional(),
        tags: z.array(z.string().trim().min(1).max(64)).max(32).optional(),
        content: promptContentSchema,
        message: z.string().max(2000).optional(),
        labels: z.array(labelNameSchema).optional(),
      })
      .strict(),
    output: promptVersionSchema,
  }),
  'prompts.list': channel({
    summary: 'Prompts with filters; search matches names and content.',
    input: z
      .object({
        kind: promptKindSchema.optional(),
        tag: z.string().optional(),
        label: labelNameSchema.optional(),
        search: z.string().max(200).optional(),
        includeDeleted: z.boolean().optional(),
      })
      .strict()
      .optional()
      .default({}),
    output: z.object({ prompts: z.array(promptSummarySchema) }),
  }),
  'prompts.get': channel({
    summary:
      'One prompt and one version of it (by version, by label, else production, else latest).',
    input: promptSelector.extend(versionSelector).strict(),
    output: z.object({ prompt: promptSummarySchema, version: promptVersionSchema }),
  }),
  'prompts.update': channel({
    summary:
      'Saves new content as a new immutable version (v1.1, …; `major` starts v2.0). Identical content creates nothing.',
    input: z
      .object({
        name: promptNameSchema,
        content: promptContentSchema,
        message: z.string().max(2000).optional(),
        major: z.boolean().optional(),
        /** The version the edit started from; a newer version in between is a conflict. */
        baseVersion: versionNameSchema.optional(),
        description: z.string().max(2000).optional(),
        tags: z.array(z.string().trim().min(1).max(64)).max(32).optional(),
      })
      .strict(),
    output: z.object({ created: z.boolean(), version: promptVersionSchema }),
  }),
  'prompts.delete': channel({
    summary: 'Soft-deletes a prompt (undo with prompts.restore).',
    input: promptSelector,
    output: z.object({ deleted: z.boolean() }),
  }),
  'prompts.restore': channel({
    summary: 'Undoes a soft delete.',
    input: promptSelector,
    output: promptSummarySchema,
  }),
  'prompts.setLabel': channel({
    summary: 'Points a label at a version (promote or roll back); every move is recorded.',
    input: z
      .object({ name: promptNameSchema, label: labelNameSchema, version: versionNameSchema })
      .strict(),
    output: promptSummarySchema,
  }),
  'prompts.versions': channel({
    summary: 'Every version of a prompt, newest first.',
    input: promptSelector,
    output: z.object({ versions: z.array(promptVersionSchema) }),
  }),
  'prompts.labelHistory': channel({
    summary: 'Every label move of a prompt, newest first.',
    input: promptSelector,
    output: z.object({
      events: z.array(
        z.object({
          label: z.string(),
          fromVersion: versionNameSchema.nullable(),
          toVersion: versionNameSchema,
          actor: z.string(),
          at: z.string(),
        }),
      ),
    }),
  }),
  'prompts.render': channel({
    summary:
      'Renders a version with variables (and message placeholders); lists every missing variable.',
    input: promptSelector
      .extend({
        ...versionSelector,
        variables: z.record(z.string(), z.string()).optional().default({}),
        placeholders: z.record(z.string(), z.array(chatMessageInput)).optional().default({}),
      })
      .strict(),
    output: renderedSchema,
  }),
  'prompts.diff': channel({
    summary: 'Word-level diff of two versions: messages (or text) and config.',
    input: z
      .object({ name: promptNameSchema, from: versionNameSchema, to: versionNameSchema })
      .strict(),
    output: promptDiffSchema,
  }),
  'playground.run': channel({
    summary: 'Runs rendered messages against up to 6 models side by side, streaming each column.',
    input: z
      .object({
        /** Messages as rendered by the UI (from a saved version or an unsaved edit). */
        messages: z.array(chatMessageInput).min(1),
        promptName: promptNameSchema.optional(),
        promptVersion: versionNameSchema.optional(),
        variables: z.record(z.string(), z.string()).optional().default({}),
        targets: z.array(playgroundTargetSchema).min(1).max(6, 'at most 6 models side by side'),
        /** Column i streams on `llm.delta` as `${streamPrefix}:${i}` and stops with llm.cancel. */
        streamPrefix: z.string().min(1).max(100),
        bypassCache: z.boolean().optional(),
      })
      .strict(),
    output: playgroundRunSchema,
  }),
  'playground.history': channel({
    summary: 'Recent playground runs, newest first.',
    input: z
      .object({ limit: z.number().int().min(1).max(200).optional().default(50) })
      .strict()
      .optional()
      .default({ limit: 50 }),
    output: z.object({ runs: z.array(playgroundRunSchema) }),
  }),
};
