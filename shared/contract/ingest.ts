import { z } from 'zod';
import { channel } from './define';
import { noInput } from './system';

/**
 * Where the user's apps send LLM calls (gateway) and spans (OTLP) for this workbench:
 * - `listening`: the desktop app's local ingest server, at `url`;
 * - `unavailable`: the desktop app could not bind its ingest port, so nothing is captured
 *   (`inUse`: another program holds the port, often `assay serve`);
 * - `server`: the workbench is served by `assay serve`, whose own origin takes the calls.
 */
export const ingestStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('listening'), url: z.string(), port: z.number().int() }),
  z.object({
    state: z.literal('unavailable'),
    port: z.number().int(),
    inUse: z.boolean(),
    reason: z.string(),
  }),
  z.object({ state: z.literal('server') }),
]);
export type IngestStatus = z.infer<typeof ingestStatusSchema>;

export const ingestChannels = {
  'ingest.status': channel({
    summary:
      "Where the user's apps send gateway calls and OTLP spans: the desktop app's local ingest server (listening, or unavailable and why), or this server itself under `assay serve`.",
    input: noInput,
    output: ingestStatusSchema,
  }),
};
