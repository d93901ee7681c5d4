import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../app/create-core';
import { createKeyfileCipher } from '../../secrets/keyfile-cipher';
import { createConfBackend } from '../../settings/conf-backend';
import {
  INGEST_NOT_STARTED,
  startLocalIngestServer,
  type LocalIngestServer,
} from '../../server/local-ingest-server';
import { coreCall } from '../../../test/support/core-call';
import { tempDir } from '../../../test/support/temp-dir';
import { testDatabaseEnv } from '../../../test/support/test-database';

const opened: { cores: Core[]; servers: LocalIngestServer[]; blockers: net.Server[] } = {
  cores: [],
  servers: [],
  blockers: [],
};

afterEach(async () => {
  for (const server of opened.servers.splice(0)) await server.close();
  for (const core of opened.cores.splice(0)) await core.close();
  for (const blocker of opened.blockers.splice(0))
    await new Promise<void>((r) => blocker.close(() => r()));
});

/** A core as the shells open it, with `ingestStatus` given as the desktop shell gives it. */
async function openCore(ingestStatus?: CoreOptions['ingestStatus']): Promise<Core> {
  const dataDir = tempDir('assay-ingest-status-');
  const db = await testDatabaseEnv(dataDir);
  const core = await createCore({
    dataDir,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, 'secret.key')),
    env: { ...db },
    databaseUrl: db.ASSAY_DATABASE_URL,
    ingestStatus,
  });
  opened.cores.push(core);
  return core;
}

/**
 * The desktop shell's wiring (main/electron/bootstrap.ts): the core first, reading the server
 * through a variable; then the server on the port, serving that core.
 */
async function openDesktopCore(port: number): Promise<{ core: Core; server: LocalIngestServer }> {
  const started: { server?: LocalIngestServer } = {};
  const core = await openCore(() => started.server?.status ?? INGEST_NOT_STARTED);
  const server = (started.server = await startLocalIngestServer({
    dispatcher: core.dispatcher,
    events: core.events,
    ingest: core.services,
    port,
  }));
  opened.servers.push(server);
  return { core, server };
}

async function takenPort(): Promise<number> {
  const blocker = net.createServer();
  opened.blockers.push(blocker);
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  return (blocker.address() as net.AddressInfo).port;
}

describe('ingest.status', () => {
  it('is `server` when no shell supplies a status (assay serve: its own origin takes calls)', async () => {
    const core = await openCore();
    await expect(coreCall(core, 'ingest.status', {})).resolves.toEqual({ state: 'server' });
  });

  it("answers the desktop's listening server with its URL, and that URL captures", async () => {
    const { core, server } = await openDesktopCore(0);
    const status = await coreCall(core, 'ingest.status', {});
    expect(status).toEqual(server.status);
    if (status.state !== 'listening') throw new Error(`not listening: ${JSON.stringify(status)}`);
    expect(status.url).toBe(`http://127.0.0.1:${status.port}`);
    expect(status.port).toBeGreaterThan(0);
    // The URL shown is the one that works: an app's interaction lands in this core.
    const sent = await fetch(`${status.url}/api/interactions.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'status-1', type: 'chat', input: 'hi', output: 'hello' }),
    });
    expect(sent.status).toBe(200);
    expect(await core.services.tracing.interaction('status-1')).toMatchObject({ type: 'chat' });
  });

  it('answers `unavailable` with the port and why when another program holds the port', async () => {
    const port = await takenPort();
    const { core } = await openDesktopCore(port);
    await expect(coreCall(core, 'ingest.status', {})).resolves.toEqual({
      state: 'unavailable',
      port,
      inUse: true,
      reason: `another program, often assay serve, is listening on 127.0.0.1:${port}`,
    });
  });

  it('reads the status on every ask (the server starts after the core)', async () => {
    let status = INGEST_NOT_STARTED;
    const core = await openCore(() => status);
    await expect(coreCall(core, 'ingest.status', {})).resolves.toEqual(INGEST_NOT_STARTED);
    status = { state: 'listening', url: 'http://127.0.0.1:7717', port: 7717 };
    await expect(coreCall(core, 'ingest.status', {})).resolves.toEqual(status);
  });
});
