import { z } from 'zod';
import {
  labelNameSchema,
  promptContentSchema,
  promptKindSchema,
  promptNameSchema,
  versionNameSchema,
} from '../../shared/contract';

/**
 * One prompt as a YAML file (`<name>.yaml`), written for people to read and review in git:
 * metadata, labels, then every version oldest first. Only name, kind and versions (version and
 * content) are required, so a hand-written file imports too: missing authors, dates and hashes
 * are filled in on import, and a hash that is given must match the content.
 */
export const promptFileVersionSchema = z
  .object({
    version: versionNameSchema,
    parent: versionNameSchema.nullable().optional(),
    author: z.string().min(1).max(200).optional(),
    message: z.string().max(2000).optional(),
    created_at: z.iso.datetime({ offset: true }).optional(),
    content_hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'a sha256 in hex')
      .optional(),
    content: promptContentSchema,
  })
  .strict();

export const promptFileSchema = z
  .object({
    name: promptNameSchema,
    kind: promptKindSchema,
    description: z.string().max(2000).optional(),
    tags: z.array(z.string().trim().min(1).max(64)).max(32).optional(),
    labels: z.record(labelNameSchema, versionNameSchema).optional(),
    deleted_at: z.iso.datetime({ offset: true }).nullable().optional(),
    versions: z.array(promptFileVersionSchema).min(1, 'needs at least one version'),
  })
  .strict();

export type PromptFile = z.infer<typeof promptFileSchema>;
export type PromptFileVersion = z.infer<typeof promptFileVersionSchema>;

const SAFE_SEGMENT = /^(?!\.{1,2}$)[^/]+$/;

/**
 * Where a prompt's file goes, relative to the folder of files: `a/b` becomes `a/b.yaml`. A name
 * whose segments could leave the folder (`..`) or be empty is one flat, escaped file name instead.
 */
export function promptFileName(name: string): string {
  const segments = name.split('/');
  if (segments.every((s) => SAFE_SEGMENT.test(s))) return `${segments.join('/')}.yaml`;
  return `${encodeURIComponent(name)}.yaml`;
}
