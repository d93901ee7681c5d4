import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../test/fakes/fake-http';
import { listenFake } from '../../../test/fakes/fake-http';
import {
  anthropicErrorBody,
  anthropicRoute,
  startAnthropicFake,
} from '../../../test/fakes/anthropic-fake';
import { openAiErrorBody, openAiRoute, startOpenAiFake } from '../../../test/fakes/openai-fake';
import { movedWithin, redirectAllTo } from '../../../test/fakes/redirects';
import { ProviderError } from '../provider-error';
import { createAnthropicClient } from '../providers/anthropic/client';
import { createAnthropicProvider } from '../providers/anthropic/provider';
import { createOpenAiClient } from '../providers/openai/client';
import { createOpenAiProvider } from '../providers/openai/provider';
import { providerFetch } from './provider-fetch';

const KEY = 'sk-redirect-test-0123456789abcdef';
/** Every header a provider or proxy may carry a credential in. */
const CREDENTIALS = {
  authorization: `Bearer ${KEY}`,
  'x-api-key': KEY,
  'api-key': KEY,
  'x-goog-api-key': KEY,
  'proxy-authorization': 'Basic dXNlcjpwYXNzd29yZA==',
  cookie: 'session=abc123',
};
const PLAIN = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' };

interface Seen {
  method: string;
  url: string;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A server that answers `?to=URL&status=N` with that redirect, and anything else with 200 and
 * JSON; it records every request. Over TLS with the test certificate when `tls` is set.
 */
async function recordingServer(tls = false) {
  const seen: Seen[] = [];
  const handler: http.RequestListener = (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, body, headers: req.headers });
      const url = new URL(req.url!, 'http://x');
      const to = url.searchParams.get('to');
      if (to) res.writeHead(Number(url.searchParams.get('status') ?? 307), { location: to });
      else res.writeHead(200, { 'content-type': 'application/json' });
      res.end(to ? '' : '{"ok":true}');
    });
  };
  const fixture = (name: string) =>
    fs.readFileSync(new URL(`../../../test/fixtures/tls/${name}`, import.meta.url));
  const server = tls
    ? https.createServer(
        { key: fixture('localhost-key.pem'), cert: fixture('localhost-cert.pem') },
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, seen, close };
}

type Recording = Awaited<ReturnType<typeof recordingServer>>;
let a: Recording; // origin A
let b: Recording; // origin B: same host, another port
let secure: Recording; // https on 127.0.0.1
const fakes: FakeServer[] = [];

const redirect = (from: Recording, to: string, status = 307) =>
  `${from.url}/start?status=${status}&to=${encodeURIComponent(to)}`;
const credentialsIn = (headers: http.IncomingHttpHeaders) =>
  Object.keys(CREDENTIALS).filter((name) => headers[name] !== undefined);

beforeAll(async () => {
  [a, b, secure] = await Promise.all([recordingServer(), recordingServer(), recordingServer(true)]);
  // The test certificate is self-signed; this file's worker process alone trusts it so.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
});
afterEach(() => {
  for (const s of [a, b, secure]) s.seen.length = 0;
});
afterAll(async () => {
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  await Promise.all([a.close(), b.close(), secure.close(), ...fakes.map((f) => f.close())]);
});

describe('providerFetch redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'drops every credential header on a %i to another origin, and keeps the rest',
    async (status) => {
      const res = await providerFetch(redirect(a, `${b.url}/json`, status), {
        method: 'POST',
        headers: new Headers({ ...CREDENTIALS, ...PLAIN }),
        body: '{"q":1}',
      });
      expect(await res.json()).toEqual({ ok: true });
      expect(credentialsIn(a.seen[0]!.headers)).toEqual(Object.keys(CREDENTIALS));
      expect(b.seen).toHaveLength(1);
      expect(credentialsIn(b.seen[0]!.headers)).toEqual([]);
      expect(b.seen[0]!.headers['anthropic-version']).toBe('2023-06-01');
      expect(JSON.stringify(b.seen)).not.toContain(KEY);
      // 307 and 308 keep method and body; the others continue as a GET, as fetch does.
      const kept = status === 307 || status === 308;
      expect(b.seen[0]).toMatchObject({
        method: kept ? 'POST' : 'GET',
        body: kept ? '{"q":1}' : '',
      });
    },
  );

  it('keeps the credentials on a redirect within the same origin', async () => {
    await providerFetch(redirect(a, '/json'), { method: 'POST', headers: CREDENTIALS, body: 'x' });
    expect(a.seen.map((s) => s.url)).toEqual([expect.stringMatching(/^\/start/), '/json']);
    expect(credentialsIn(a.seen[1]!.headers)).toEqual(Object.keys(CREDENTIALS));
    expect(a.seen[1]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('does not bring them back when a later hop returns to the first origin', async () => {
    await providerFetch(redirect(a, redirect(b, `${a.url}/json`)), { headers: CREDENTIALS });
    expect(a.seen.at(-1)!.url).toBe('/json');
    expect(credentialsIn(a.seen.at(-1)!.headers)).toEqual([]);
  });

  it('follows https to https, and refuses https to http before sending anything there', async () => {
    const ok = await providerFetch(redirect(secure, '/json'), { headers: CREDENTIALS });
    expect(await ok.json()).toEqual({ ok: true });
    expect(secure.seen[1]!.headers.authorization).toBe(`Bearer ${KEY}`);

    const err = (await providerFetch(redirect(secure, `${b.url}/json`), {
      method: 'POST',
      headers: CREDENTIALS,
      body: '{}',
    }).catch((e: unknown) => e)) as TypeError & { cause: Error };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('fetch failed');
    expect(err.cause.message).toBe(
      `refused a redirect from ${secure.url} to ${b.url}: it would send the request unencrypted`,
    );
    expect(b.seen).toEqual([]);
  });

  it('does not follow a redirect of a streamed or form body (it could not be sent again)', async () => {
    const err = (await providerFetch(redirect(a, `${b.url}/json`), {
      method: 'POST',
      headers: CREDENTIALS,
      body: new URLSearchParams({ q: '1' }),
    }).catch((e: unknown) => e)) as TypeError & { cause: Error };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.cause.message).toMatch(/^did not follow a 307 redirect/);
    expect(b.seen).toEqual([]);
  });
});

const sentKey = (headers: Readonly<Record<string, string | string[] | undefined>>) => {
  const value = headers['x-api-key'] ?? headers.authorization;
  return typeof value === 'string' ? value.replace(/^Bearer /, '') : null;
};

async function fake(start: Promise<FakeServer>): Promise<FakeServer> {
  const server = await start;
  fakes.push(server);
  return server;
}

describe('the provider SDKs on a redirect', () => {
  it('OpenAI: the key follows a move within its origin, never one to another origin', async () => {
    const target = await fake(startOpenAiFake());
    const mover = await fake(
      listenFake(
        redirectAllTo(() => target.url),
        { errorBody: openAiErrorBody },
      ),
    );
    const client = createOpenAiClient({ apiKey: KEY, baseUrl: `${mover.url}/v1` });
    const messages = [{ role: 'user' as const, content: 'hi' }];
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(mover.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(target.requests)).not.toContain(KEY);

    const moved = await fake(startOpenAiFake({}, movedWithin(openAiRoute)));
    const same = createOpenAiClient({ apiKey: KEY, baseUrl: `${moved.url}/moved/v1` });
    await same.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(moved.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/moved/v1/chat/completions', `Bearer ${KEY}`],
      ['/v1/chat/completions', `Bearer ${KEY}`],
    ]);
  });

  // This SDK sends the key as `Authorization: Bearer` (older ones as x-api-key): either counts.
  it('Anthropic: likewise', async () => {
    const target = await fake(startAnthropicFake());
    const mover = await fake(
      listenFake(
        redirectAllTo(() => target.url),
        { errorBody: anthropicErrorBody },
      ),
    );
    const client = createAnthropicClient({ apiKey: KEY, baseUrl: mover.url });
    const body = {
      model: 'claude-sonnet-4-5',
      max_tokens: 16,
      messages: [{ role: 'user' as const, content: 'hi' }],
    };
    // The fake, like Anthropic, refuses a request without a key: the key stayed behind.
    await expect(client.messages.create(body)).rejects.toMatchObject({ status: 401 });
    expect(sentKey(mover.requests[0]!.headers)).toBe(KEY);
    expect(target.requests).toHaveLength(1);
    expect(sentKey(target.requests[0]!.headers)).toBeNull();
    expect(JSON.stringify(target.requests)).not.toContain(KEY);

    const moved = await fake(startAnthropicFake({}, movedWithin(anthropicRoute)));
    await createAnthropicClient({ apiKey: KEY, baseUrl: `${moved.url}/moved` }).messages.create(
      body,
    );
    expect(moved.requests.map((r) => [r.path, sentKey(r.headers)])).toEqual([
      ['/moved/v1/messages', KEY],
      ['/v1/messages', KEY],
    ]);
  });

  it('https to http: each provider fails with a plain, keyless error it does not retry', async () => {
    const to = encodeURIComponent(`${b.url}/v1/chat/completions`);
    const openai = createOpenAiProvider({
      apiKey: KEY,
      baseUrl: `${secure.url}/v1?status=307&to=${to}`,
    });
    const anthropic = createAnthropicProvider({
      apiKey: KEY,
      baseUrl: `${secure.url}/?status=308&to=${encodeURIComponent(`${b.url}/v1/messages`)}`,
    });
    const request = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
    for (const [id, provider] of [
      ['openai', openai],
      ['anthropic', anthropic],
    ] as const) {
      const err = await provider.chat({ ...request, provider: id }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProviderError);
      const e = err as ProviderError;
      expect(e.retryable).toBe(false);
      expect(e.message).toContain('refused a redirect from https://127.0.0.1');
      expect(e.message).toContain('it would send the request unencrypted');
      expect(e.message).not.toContain(KEY);
    }
    expect(secure.seen.length).toBe(2);
    expect(b.seen).toEqual([]);
  });
});
