import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../app/create-core';
import { openTestCore } from '../../test/support/test-database';
import { tempDir } from '../../test/support/temp-dir';
import { startLocalIngestServer, type LocalIngestServer } from './local-ingest-server';

const opened: { core?: Core; server?: LocalIngestServer; blocker?: net.Server } = {};

afterEach(async () => {
  await opened.server?.close();
  await opened.core?.close();
  await new Promise<void>((r) => (opened.blocker ? opened.blocker.close(() => r()) : r()));
  opened.server = opened.core = opened.blocker = undefined;
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('local ingest server', () => {
  it('serves health and the API (interactions ingest) on 127.0.0.1 at the configured port', async () => {
    const core = (opened.core = await openTestCore(tempDir('assay-local-ingest-')));
    const port = await freePort();
    const server = (opened.server = await startLocalIngestServer({
      dispatcher: core.dispatcher,
      events: core.events,
      ingest: core.services,
      port,
    }));
    expect(server.status).toEqual({ state: 'listening', url: `http://127.0.0.1:${port}`, port });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);

    // The interactions API (an ingest path apps use directly) stores into the app's core.
    const created = await fetch(`http://127.0.0.1:${port}/api/interactions.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'desk-1', type: 'chat', input: 'hi', output: 'hello' }),
    });
    expect(await created.json()).toMatchObject({ ok: true, data: { id: 'desk-1' } });
    expect(await core.services.tracing.interaction('desk-1')).toMatchObject({
      type: 'chat',
      output: 'hello',
    });
  });

  it('reports a taken port in its status instead of throwing', async () => {
    const core = (opened.core = await openTestCore(tempDir('assay-local-ingest-')));
    const blocker = (opened.blocker = net.createServer());
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const { port } = blocker.address() as net.AddressInfo;
    const server = (opened.server = await startLocalIngestServer({
      dispatcher: core.dispatcher,
      events: core.events,
      ingest: core.services,
      port,
    }));
    // In the app's words: no `--port` advice (a flag of `assay serve`, not of the app).
    expect(server.status).toEqual({
      state: 'unavailable',
      port,
      inUse: true,
      reason: `another program, often assay serve, is listening on 127.0.0.1:${port}`,
    });
    await server.close();
  });

  it('reports any other failure to listen with its own reason, not as a taken port', async () => {
    const core = (opened.core = await openTestCore(tempDir('assay-local-ingest-')));
    const server = (opened.server = await startLocalIngestServer({
      dispatcher: core.dispatcher,
      events: core.events,
      ingest: core.services,
      port: 65536,
    }));
    expect(server.status).toMatchObject({ state: 'unavailable', port: 65536, inUse: false });
    expect(server.status.state === 'unavailable' && server.status.reason).toMatch(/65536/);
  });
});
