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
  sqliteVersion: z.string(),
  vecVersion: z.string(),
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
