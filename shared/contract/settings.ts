import { z } from 'zod';
import { channel } from './define';
import { noInput } from './system';

export const PROVIDER_IDS = ['openai', 'anthropic', 'bedrock', 'local'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const DEFAULT_LOCAL_BASE_URL = 'http://127.0.0.1:11434/v1';

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }));

/** A secret as the user types it: `null` clears it, leaving it out keeps the stored one. */
const secretInput = z
  .string()
  .trim()
  .min(1, 'must not be empty (send null to clear it)')
  .max(4096)
  .regex(/^\S+$/, 'must not contain whitespace')
  .nullable()
  .optional();

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

const awsRegion = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as us-east-1');

export const updateProviderInputSchema = z.discriminatedUnion('provider', [
  z
    .object({
      provider: z.literal('openai'),
      baseUrl: httpUrl.nullable().optional(),
      apiKey: secretInput,
    })
    .strict(),
  z
    .object({
      provider: z.literal('anthropic'),
      baseUrl: httpUrl.nullable().optional(),
      apiKey: secretInput,
    })
    .strict(),
  z
    .object({
      provider: z.literal('bedrock'),
      region: awsRegion.optional(),
      profile: optionalText(128),
      endpoint: httpUrl.nullable().optional(),
      accessKeyId: secretInput,
      secretAccessKey: secretInput,
      sessionToken: secretInput,
    })
    .strict(),
  z
    .object({
      provider: z.literal('local'),
      baseUrl: httpUrl.optional(),
      apiKey: secretInput,
    })
    .strict(),
]);
export type UpdateProviderInput = z.infer<typeof updateProviderInputSchema>;

/** How a secret is shown: never the value, only whether it is set, where from, and a mask. */
export const secretViewSchema = z.object({
  set: z.boolean(),
  source: z.enum(['stored', 'env']).nullable(),
  /** The environment variable supplying it, when `source` is 'env'. */
  envVar: z.string().nullable(),
  masked: z.string().nullable(),
});
export type SecretView = z.infer<typeof secretViewSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

/** Longest trace retention the setting takes (ten years); 0 keeps traces forever. */
export const TRACE_RETENTION_MAX_DAYS = 3650;
export const traceRetentionDaysSchema = z.number().int().min(0).max(TRACE_RETENTION_MAX_DAYS);
/** The desktop app's local ingest port (gateway and OTLP): `assay serve`'s default, so apps use one URL. */
export const DEFAULT_INGEST_PORT = 7717;
export const ingestPortSchema = z.number().int().min(1024).max(65535);

/** Who reviews: a team member's name or id, the author of the human scores reviews give. */
export const reviewerSchema = z.string().trim().min(1).max(120);
/** The desktop's reviewer, kept with the preferences (null: not set yet). */
export const reviewerNameSchema = reviewerSchema.nullable();

export const settingsViewSchema = z.object({
  preferences: z.object({
    theme: themeSchema,
    /** Traces (and interactions) older than this many days are deleted; 0 keeps them forever. */
    traceRetentionDays: traceRetentionDaysSchema,
    /** Port of the desktop app's local ingest server on 127.0.0.1 (gateway, OTLP). */
    ingestPort: ingestPortSchema,
    reviewerName: reviewerNameSchema,
  }),
  providers: z.object({
    openai: z.object({ baseUrl: z.string().nullable(), apiKey: secretViewSchema }),
    anthropic: z.object({ baseUrl: z.string().nullable(), apiKey: secretViewSchema }),
    bedrock: z.object({
      region: z.string(),
      profile: z.string().nullable(),
      endpoint: z.string().nullable(),
      accessKeyId: secretViewSchema,
      secretAccessKey: secretViewSchema,
      sessionToken: secretViewSchema,
    }),
    local: z.object({ baseUrl: z.string(), apiKey: secretViewSchema }),
  }),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const updatePreferencesInputSchema = z
  .object({
    theme: themeSchema.optional(),
    traceRetentionDays: traceRetentionDaysSchema.optional(),
    ingestPort: ingestPortSchema.optional(),
    reviewerName: reviewerNameSchema.optional(),
  })
  .strict();

export const settingsChannels = {
  'settings.get': channel({
    summary: 'Current settings, with every secret masked.',
    input: noInput,
    output: settingsViewSchema,
  }),
  'settings.updateProvider': channel({
    summary: 'Saves one provider connection; secrets go to the secret store, never to SQLite.',
    input: updateProviderInputSchema,
    output: settingsViewSchema,
  }),
  'settings.updatePreferences': channel({
    summary:
      'Saves workbench preferences: the theme, how many days traces are kept (0: forever), the local ingest port, the reviewer name.',
    input: updatePreferencesInputSchema,
    output: settingsViewSchema,
  }),
};

export const settingsTopics = {
  'settings.changed': settingsViewSchema,
};
