import type { SystemInfo } from '../../shared/contract';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import { POSTGRES_MIGRATIONS } from '../../main/store/migrations/postgres';
import { SQLITE_MIGRATIONS } from '../../main/store/migrations/sqlite';
import { openTestCore, TEST_DIALECT } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import { startHttpServer, type RunningServer } from '../../main/server/start-server';
import { createBridge } from '../../preload/bridge';
import { connectIpc, IpcStandIn } from '../support/ipc-stand-in';
import { readSse } from '../support/sse-reader';
import { listFiles, tempDir } from '../support/temp-dir';

/** One way of reaching the core: what the renderer does over IPC or over HTTP. */
interface Transport {
  call(channel: string, input?: unknown): Promise<Result<unknown> & { status?: number }>;
  /** Resolves with the next payload published on `topic`, once the subscription is live. */
  nextEvent(topic: string): Promise<{ live: Promise<void>; payload: Promise<unknown> }>;
  close(): Promise<void>;
}

function ipcTransport(core: Core): Transport {
  const { bridge, dispose } = connectIpc(core);
  return {
    call: (channel, input) => bridge.invoke(channel, input),
    nextEvent: (topic) => {
      let unsubscribe = (): void => {};
      const payload = new Promise<unknown>((resolve) => {
        unsubscribe = bridge.subscribe(topic, (p) => {
          unsubscribe();
          resolve(p);
        });
      });
      return Promise.resolve({ live: Promise.resolve(), payload });
    },
    close: () => {
      dispose();
      return Promise.resolve();
    },
  };
}

async function httpTransport(core: Core): Promise<Transport> {
  const server: RunningServer = await startHttpServer({
    dispatcher: core.dispatcher,
    events: core.events,
    host: '127.0.0.1',
    port: 0,
  });
  const aborts: AbortController[] = [];
  return {
    call: async (channel, input) => {
      const res = await fetch(`${server.url}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      return { ...((await res.json()) as Result<unknown>), status: res.status };
    },
    nextEvent: async (topic) => {
      const abort = new AbortController();
      aborts.push(abort);
      const res = await fetch(`${server.url}/api/events?topics=${topic}`, { signal: abort.signal });
      const sse = readSse(res.body!);
      const payload = sse.next().then((e) => {
        expect(e.event).toBe(topic);
        return JSON.parse(e.data) as unknown;
      });
      return { live: sse.ready, payload };
    },
    close: async () => {
      for (const a of aborts) a.abort();
      await server.close();
    },
  };
}

const KEY = 'sk-test-CONTRACT-4f9a8b7c6d5e4f3a2b1c';

describe.each(['ipc', 'http'] as const)('contract over %s', (kind) => {
  let dataDir: string;
  let core: Core;
  let transport: Transport;

  beforeEach(async () => {
    dataDir = tempDir();
    core = await openTestCore(dataDir, {});
    transport = kind === 'ipc' ? ipcTransport(core) : await httpTransport(core);
  });
  afterEach(async () => {
    await transport.close();
    core.close();
  });

  it('answers system.info with the transport it came through', async () => {
    const res = await transport.call('system.info');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({
      app: 'assay',
      transport: kind,
      dataDir,
      schemaVersion: (TEST_DIALECT === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS).length,
      secretStore: 'keyfile',
    });
    expect((res.data as SystemInfo).database.serverVersion).toMatch(/^\d+\.\d+/);
  });

  it('saves a provider and returns the key masked, never in plaintext', async () => {
    const res = await transport.call('settings.updateProvider', {
      provider: 'openai',
      apiKey: KEY,
      baseUrl: 'http://127.0.0.1:9999/v1',
    });
    expect(res.ok).toBe(true);
    expect(JSON.stringify(res)).not.toContain(KEY);
    const got = await transport.call('settings.get');
    if (!got.ok) throw new Error('settings.get failed');
    const openai = (got.data as { providers: { openai: unknown } }).providers.openai;
    expect(openai).toEqual({
      baseUrl: 'http://127.0.0.1:9999/v1',
      apiKey: { set: true, source: 'stored', envVar: null, masked: 'sk-••••••••2b1c' },
    });
  });

  it('rejects a malformed call with a coded error naming the field, and writes nothing', async () => {
    const before = listFiles(dataDir).map((f) => [f, fs.readFileSync(f).length]);
    const res = await transport.call('settings.updateProvider', {
      provider: 'openai',
      baseUrl: 'ftp://nope',
      apiKey: KEY,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION_FAILED');
    expect(res.error.message).toContain('"baseUrl"');
    expect(res.error.details).toEqual({
      issues: [{ path: 'baseUrl', message: 'must be an http(s) URL' }],
    });
    if (kind === 'http') expect(res.status).toBe(400);
    expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'settings.json'))).toBe(false);
    expect(listFiles(dataDir).map((f) => [f, fs.readFileSync(f).length])).toEqual(before);
  });

  it('names an unknown provider and an unexpected field', async () => {
    const unknownProvider = await transport.call('settings.updateProvider', { provider: 'cohere' });
    expect(unknownProvider.ok || unknownProvider.error.message).toContain('"provider"');
    const extra = await transport.call('settings.updateProvider', {
      provider: 'anthropic',
      apiKy: 'x',
    });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.message).toContain('apiKy');
  });

  it('returns a coded 404 for an unknown channel', async () => {
    const res = await transport.call('prompts.nope', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    if (kind === 'http') expect(res.status).toBe(404);
  });

  it('publishes settings.changed to subscribers', async () => {
    const { live, payload } = await transport.nextEvent('settings.changed');
    await live;
    await transport.call('settings.updatePreferences', { theme: 'dark' });
    expect(await payload).toMatchObject({ preferences: { theme: 'dark' } });
  });
});

describe('IPC transport sender check', () => {
  it.each([
    ['an iframe', { url: 'app://assay/index.html', parent: {} }],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file: page', { url: 'file:///tmp/x.html', parent: null }],
    ['no frame', null],
  ])('refuses calls from %s', async (_name, frame) => {
    const core = await openTestCore(tempDir(), {});
    const { bridge, dispose } = connectIpc(core, frame);
    const res = await bridge.invoke('system.info', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    dispose();
    core.close();
  });

  it('removes its listener when a subscriber unsubscribes', () => {
    const standIn = new IpcStandIn(null);
    const bridge = createBridge(standIn.ipcRenderer);
    const off = bridge.subscribe('settings.changed', () => {});
    expect(standIn.listenerCount('assay:event')).toBe(1);
    off();
    expect(standIn.listenerCount('assay:event')).toBe(0);
  });
});
