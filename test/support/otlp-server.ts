import { z } from 'zod';
import type { Core } from '../../main/app/create-core';
import { rpcStatusType } from '../../main/tracing/otlp/otlp-proto-schema';
import { startHttpServer, type RunningServer } from '../../main/server/start-server';
import { openTestCore } from './test-database';
import { tempDir } from './temp-dir';

/** A core on this run's database behind a real HTTP server on 127.0.0.1 serving /v1/traces. */
export async function openOtlpServer(
  token?: string,
): Promise<{ core: Core; server: RunningServer; close(): Promise<void> }> {
  const core = await openTestCore(tempDir(), {});
  const server = await startHttpServer({
    dispatcher: core.dispatcher,
    events: core.events,
    host: '127.0.0.1',
    port: 0,
    token,
    ingest: core.services,
  });
  return {
    core,
    server,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}

/** A google.rpc.Status as the tests read it, whichever encoding it came in. */
export const rpcStatusSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  details: z.array(z.unknown()),
});
export type RpcStatus = z.infer<typeof rpcStatusSchema>;

export interface PostedTraces {
  status: number;
  contentType: string;
  /** The parsed JSON answer (null for protobuf). */
  json: unknown;
  /** A failure's google.rpc.Status, decoded from protobuf or read from JSON (null on success). */
  rpcStatus: RpcStatus | null;
  bytes: number;
}

/** Posts a body to /v1/traces and reads the answer in the encoding it came in. */
export async function postTraces(
  url: string,
  body: Uint8Array | string,
  headers: Record<string, string>,
): Promise<PostedTraces> {
  const res = await fetch(`${url}/v1/traces`, { method: 'POST', body, headers });
  const buf = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get('content-type') ?? '';
  const isJson = contentType.includes('json');
  const json: unknown = isJson ? JSON.parse(buf.toString('utf8')) : null;
  let rpcStatus: RpcStatus | null = null;
  if (res.status >= 400)
    rpcStatus = rpcStatusSchema.parse(
      isJson
        ? json
        : rpcStatusType.toObject(rpcStatusType.decode(buf), { defaults: true, arrays: true }),
    );
  return { status: res.status, contentType, json, rpcStatus, bytes: buf.length };
}
