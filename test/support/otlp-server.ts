import type { Core } from '../../main/app/create-core';
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

/** Posts a body to /v1/traces; the status and the parsed JSON answer (null for protobuf). */
export async function postTraces(
  url: string,
  body: Uint8Array | string,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown; bytes: number }> {
  const res = await fetch(`${url}/v1/traces`, { method: 'POST', body, headers });
  const buf = Buffer.from(await res.arrayBuffer());
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return {
    status: res.status,
    json: isJson ? JSON.parse(buf.toString('utf8')) : null,
    bytes: buf.length,
  };
}
