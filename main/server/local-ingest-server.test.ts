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
    expect(server.status).toMatchObject({ state: 'unavailable', port });
    expect(server.status.state === 'unavailable' && server.status.reason).toContain(`Port ${port}`);
    await server.close();
  });
});
