import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import { openTestCore } from '../../test/support/test-database';
import type { Core } from '../app/create-core';
import { createHttpApp } from './http-app';
import { startHttpServer, type RunningServer } from './start-server';

let core: Core | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  await core?.close();
  server = core = undefined;
});

async function start(
  options: { host?: string; token?: string; rendererDir?: string } = {},
): Promise<RunningServer> {
  core = await openTestCore(tempDir());
  server = await startHttpServer({
    dispatcher: core.dispatcher,
    events: core.events,
    host: '127.0.0.1',
    port: 0,
    ...options,
  });
  return server;
}

/** A raw request, so tests can send a Host header fetch would refuse to set. */
function rawRequest(
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP transport', () => {
  it('refuses to bind beyond loopback without a token', async () => {
    core = await openTestCore(tempDir());
    await expect(
      startHttpServer({
        dispatcher: core.dispatcher,
        events: core.events,
        host: '0.0.0.0',
        port: 0,
      }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('--token'),
    });
  });

  it('requires the token on every request once one is set', async () => {
    const { url } = await start({ token: 's3cret-token' });
    const post = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${url}/api/system.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    const denied = await post({});
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post({ authorization: 'Bearer s3cret-token' })).status).toBe(200);
    expect((await fetch(`${url}/api/health`)).status).toBe(401);
    const viaQuery = await fetch(`${url}/api/health?token=s3cret-token`);
    expect(viaQuery.status).toBe(200);
    const cookie = viaQuery.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^assay_token_${server!.port}=s3cret-token;.*HttpOnly`));
    expect(
      (await fetch(`${url}/api/health`, { headers: { cookie: cookie.split(';')[0]! } })).status,
    ).toBe(200);
  });

  it('rejects a foreign Host header on a loopback server (DNS rebinding)', async () => {
    const { url } = await start();
    const res = await rawRequest(`${url}/api/health`, { host: 'evil.example:4317' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(
      (await rawRequest(`${url}/api/health`, { host: `localhost:${server!.port}` })).status,
    ).toBe(200);
  });

  it('refuses cross-origin and non-JSON calls', async () => {
    const { url } = await start();
    const crossOrigin = await fetch(`${url}/api/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
    const form = await fetch(`${url}/api/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('serves Prometheus metrics behind the token', async () => {
    core = await openTestCore(tempDir());
    const llm = core.services.llm;
    server = await startHttpServer({
      dispatcher: core.dispatcher,
      events: core.events,
      host: '127.0.0.1',
      port: 0,
      token: 'metrics-token',
      metrics: () => llm.metrics.registry.metrics(),
    });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const res = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token' },
    });
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('# TYPE assay_llm_latency_seconds histogram');
  });

  it('answers malformed JSON with a coded 400 and unknown paths with a coded 404', async () => {
    const { url } = await start();
    const bad = await fetch(`${url}/api/settings.updateProvider`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"provider": "openai",',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } });
    const getChannel = await fetch(`${url}/api/system.info`);
    expect(getChannel.status).toBe(404);
    expect(await getChannel.json()).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
    const unknownTopic = await fetch(`${url}/api/events?topics=nope`);
    expect(unknownTopic.status).toBe(400);
  });

  it('lets a dataset import of up to 50 MB through, so its own check names the limit', async () => {
    const { url } = await start();
    const post = (format: string, content: string) =>
      fetch(`${url}/api/datasets.import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'big', format, content }),
      });
    // 40 MB of JSONL full of quotes and newlines, over 50 MB once escaped again into the body.
    const text = '"quoted" words\n'.repeat(6_500);
    const line = `${JSON.stringify({ vars: { q: text } })}\n`;
    const content = line.repeat(Math.floor((40 * 1024 * 1024) / line.length));
    expect(JSON.stringify(content).length).toBeGreaterThan(50 * 1024 * 1024);
    const big = await post('jsonl', content);
    expect(await big.json()).toMatchObject({
      ok: true,
      data: { dataset: { name: 'big' }, added: content.split('\n').length - 1 },
    });
    // Over 50 MB: refused by the import, which says what the limit is.
    const tooBig = await post('yaml', 'x'.repeat(51 * 1024 * 1024));
    expect(tooBig.status).toBe(413);
    const body = (await tooBig.json()) as { error: { message: string } };
    expect(body.error.message).toContain('the limit is 52428800 bytes (50 MB)');
  });

  it('serves the workbench with a strict CSP and never serves files outside it', async () => {
    const root = tempDir();
    const rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Assay</title>');
    fs.writeFileSync(path.join(root, 'outside.txt'), 'do not serve');
    const { url } = await start({ rendererDir });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Assay</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const probe of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/%2e%2e%5coutside.txt',
    ]) {
      const res = await rawRequest(`${url}${probe}`, {});
      expect({ probe, leaked: res.body.includes('do not serve') }).toEqual({
        probe,
        leaked: false,
      });
    }
  });
});

describe('HTTP transport: the token cookie', () => {
  const second: { core?: Core; server?: RunningServer } = {};
  afterEach(async () => {
    await second.server?.close();
    await second.core?.close();
    second.core = second.server = undefined;
  });

  it('is named for the port, so two servers on one host keep their own', async () => {
    const a = await start({ token: 'token-of-a' });
    second.core = await openTestCore(tempDir());
    second.server = await startHttpServer({
      dispatcher: second.core.dispatcher,
      events: second.core.events,
      host: '127.0.0.1',
      port: 0,
      token: 'token-of-b',
    });
    const b = second.server;
    const cookieOf = async (url: string, token: string) =>
      (await fetch(`${url}/api/health?token=${token}`)).headers.get('set-cookie') ?? '';
    const cookieA = (await cookieOf(a.url, 'token-of-a')).split(';')[0]!;
    const cookieB = (await cookieOf(b.url, 'token-of-b')).split(';')[0]!;
    expect(cookieA).toBe(`assay_token_${a.port}=token-of-a`);
    expect(cookieB).toBe(`assay_token_${b.port}=token-of-b`);
    // A browser sends both cookies to both ports; each server reads only its own.
    const both = `${cookieA}; ${cookieB}`;
    expect((await fetch(`${a.url}/api/health`, { headers: { cookie: both } })).status).toBe(200);
    expect((await fetch(`${b.url}/api/health`, { headers: { cookie: both } })).status).toBe(200);
    expect((await fetch(`${b.url}/api/health`, { headers: { cookie: cookieA } })).status).toBe(401);
  });

  it('is Secure when the server sees https, or when told TLS ends at a proxy', async () => {
    const setCookie = async (app: ReturnType<typeof createHttpApp>, url: string) =>
      (await app.request(url)).headers.get('set-cookie') ?? '';
    core = await openTestCore(tempDir());
    const app = (secureCookie?: boolean) =>
      createHttpApp({
        dispatcher: core!.dispatcher,
        events: core!.events,
        token: 't0ken',
        loopbackOnly: false,
        port: () => 4317,
        ...(secureCookie === undefined ? {} : { secureCookie }),
      });
    const plain = await setCookie(app(), 'http://assay.test:4317/api/health?token=t0ken');
    expect(plain).toMatch(/^assay_token_4317=t0ken;/);
    expect(plain).not.toMatch(/Secure/);
    const https = await setCookie(app(), 'https://assay.test:4317/api/health?token=t0ken');
    expect(https).toMatch(/^assay_token_4317=t0ken;.*; Secure/);
    const proxied = await setCookie(app(true), 'http://assay.test:4317/api/health?token=t0ken');
    expect(proxied).toMatch(/; Secure/);
    // A forwarded header from the client is not trusted to turn it on.
    const forged = await app().request('http://assay.test:4317/api/health?token=t0ken', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});

describe('HTTP transport: hostile bodies', () => {
  const post = (url: string, channel: string, body: string | Uint8Array) =>
    fetch(`${url}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('answers a body nested 100,000 deep with a coded 400 naming the field and the limit', async () => {
    const { url } = await start();
    await post(url, 'datasets.create', JSON.stringify({ name: 'deep' }));
    for (const [channel, body] of [
      ['cases.add', `{"dataset":"deep","cases":[{"vars":{"q":"x"},"expected":${deep(100_000)}}]}`],
      ['cases.update', `{"id":"x","expected":${deep(100_000)}}`],
      ['system.info', deep(100_000)],
    ] as const) {
      const res = await post(url, channel, body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('MALFORMED_REQUEST');
      expect(answer.error.message).toContain('nests more than 100 levels deep');
    }
    const named = await post(
      url,
      'cases.add',
      `{"dataset":"deep","cases":[{"vars":{"q":"x"},"expected":${deep(3_000)}}]}`,
    );
    expect(await named.json()).toMatchObject({
      error: {
        message:
          'Body: "cases[0].expected[0][0][0]…" nests more than 100 levels deep (the limit is 100)',
      },
    });
    const listed = await post(url, 'cases.list', JSON.stringify({ dataset: 'deep' }));
    expect(await listed.json()).toMatchObject({ ok: true, data: { total: 0 } });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('refuses a body that is not UTF-8, naming the byte, and stores nothing', async () => {
    const { url } = await start();
    const head = Buffer.from('{"name":"caf');
    const body = Buffer.concat([
      head,
      Buffer.from([0xe9]),
      Buffer.from('","format":"yaml","content":"test_cases: []"}'),
    ]);
    const res = await post(url, 'datasets.import', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: {
        code: 'MALFORMED_REQUEST',
        message: `Body is not valid UTF-8: invalid byte at offset ${head.length} (line 1)`,
      },
    });
    const list = await post(url, 'datasets.list', '{}');
    expect(await list.json()).toMatchObject({ ok: true, data: { datasets: [] } });
  });

  it('answers anything thrown in a route as a coded JSON error, never bare text', async () => {
    core = await openTestCore(tempDir());
    server = await startHttpServer({
      dispatcher: core.dispatcher,
      events: core.events,
      host: '127.0.0.1',
      port: 0,
      metrics: () => Promise.reject(new Error('registry broke')),
    });
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
