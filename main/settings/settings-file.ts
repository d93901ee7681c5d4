import { z } from 'zod';
import { themeSchema } from '../../shared/contract';
import {
  DEFAULT_INGEST_PORT,
  ingestPortSchema,
  reviewerNameSchema,
  traceRetentionDaysSchema,
} from '../../shared/contract/settings';
import { validationError } from '../../shared/errors';

/** The non-secret settings as stored. Every field has a default so an empty file is valid. */
export const settingsFileSchema = z.object({
  preferences: z
    .object({
      theme: themeSchema.default('system'),
      // Keep everything by default: a local-first tool deletes the user's data only when asked.
      traceRetentionDays: traceRetentionDaysSchema.default(0),
      ingestPort: ingestPortSchema.default(DEFAULT_INGEST_PORT),
      reviewerName: reviewerNameSchema.default(null),
    })
    .prefault({}),
  providers: z
    .object({
      openai: z.object({ baseUrl: z.string().nullable().default(null) }).prefault({}),
      anthropic: z.object({ baseUrl: z.string().nullable().default(null) }).prefault({}),
      bedrock: z
        .object({
          // null: AWS_REGION / AWS_DEFAULT_REGION, else us-east-1 (resolved when read).
          region: z.string().nullable().default(null),
          profile: z.string().nullable().default(null),
          endpoint: z.string().nullable().default(null),
        })
        .prefault({}),
      // null: ASSAY_LOCAL_BASE_URL, else Ollama's default address.
      local: z.object({ baseUrl: z.string().nullable().default(null) }).prefault({}),
    })
    .prefault({}),
  // Semantic search: `provider:model` of the embedding model; null (the default) = off, no background work.
  semantic: z.object({ embeddingModel: z.string().nullable().default(null) }).prefault({}),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Parses what the backend holds; a hand-edited field of the wrong type is a coded error. */
export function parseSettingsFile(raw: unknown): SettingsFile {
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success)
    throw validationError('settings.json', parsed.error.issues, 'CONFIG_INVALID');
  return parsed.data;
}
