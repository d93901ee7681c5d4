import { z } from 'zod';
import { channel } from './define';

/** Channels that take no input accept `{}` or nothing at all (an empty HTTP body). */
export const noInput = z.object({}).strict().optional().default({});

export const systemInfoSchema = z.object({
  app: z.literal('assay'),
  version: z.string(),
  transport: z.enum(['ipc', 'http']),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    /** The SQLite file, or the Postgres URL with any password replaced. */
    location: z.string(),
    serverVersion: z.string(),
    /** sqlite-vec, or pgvector when the extension is installed; null when there is none. */
    vectorVersion: z.string().nullable(),
  }),
  secretStore: z.enum(['safeStorage', 'keyfile']),
  platform: z.string(),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const systemChannels = {
  'system.info': channel({
    summary: 'Version, data directory and storage details of the running core.',
    input: noInput,
    output: systemInfoSchema,
  }),
};
