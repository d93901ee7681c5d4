import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFetch } from './provider-fetch';

/** A loopback server with one route per behaviour the SDKs rely on. */
let server: http.Server;
let base: string;
const seen: { method: string; url: string; body: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, body, headers: req.headers });
      const url = new URL(req.url!, 'http://x');
      switch (url.pathname) {
        case '/json':
          res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
          res.end(JSON.stringify({ echo: body, auth: req.headers.authorization ?? null }));
          return;
        case '/many-headers':
          // Repeated headers arrive from undici as arrays; fetch joins them (set-cookie aside).
          res.setHeader('vary', ['accept', 'origin']);
          res.setHeader('set-cookie', ['a=1', 'b=2']);
          res.setHeader('content-type', 'text/plain');
          res.end(JSON.stringify(req.headers));
          return;
        case '/gzip':
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(zlib.gzipSync(JSON.stringify({ zipped: true })));
          return;
        case '/redirect-307':
          res.writeHead(307, { location: '/json' });
          res.end();
          return;
        case '/redirect-302':
          res.writeHead(302, { location: '/json' });
          res.end();
          return;
        case '/loop':
          res.writeHead(302, { location: '/loop' });
          res.end();
          return;
        case '/empty':
          res.writeHead(204);
          res.end();
          return;
        case '/sse':
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: one\n\n');
          // The second event comes only after the client has read the first.
          setTimeout(() => res.end('data: two\n\n'), 50);
          return;
        case '/drop':
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: one\n\n');
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        case '/slow':
          setTimeout(() => res.end('late'), 2000);
          return;
        default:
          res.writeHead(404);
          res.end('no such route');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('providerFetch', () => {
  it('sends method, headers and body, and answers with status, headers and JSON', async () => {
    const res = await providerFetch(`${base}/json`, {
      method: 'POST',
      headers: new Headers({ authorization: 'Bearer k', 'content-type': 'application/json' }),
      body: '{"a":1}',
    });
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(201);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-request-id')).toBe('req_1');
    expect(await res.json()).toEqual({ echo: '{"a":1}', auth: 'Bearer k' });
  });

  it('keeps repeated answer headers as fetch does, and takes request headers as a plain record', async () => {
    const res = await providerFetch(`${base}/many-headers`, {
      headers: { 'X-Api-Key': 'k2', Accept: 'application/json' },
    });
    expect(res.headers.get('vary')).toBe('accept, origin');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(await res.json()).toMatchObject({ 'x-api-key': 'k2', accept: 'application/json' });
  });

  it('decodes a compressed body as fetch does', async () => {
    const res = await providerFetch(`${base}/gzip`);
    expect(await res.json()).toEqual({ zipped: true });
  });

  it('follows a 307 with the same method and body, and a 302 after POST as a GET', async () => {
    seen.length = 0;
    const kept = await providerFetch(`${base}/redirect-307`, { method: 'POST', body: 'x=1' });
    expect(await kept.json()).toMatchObject({ echo: 'x=1' });
    const changed = await providerFetch(`${base}/redirect-302`, { method: 'POST', body: 'x=2' });
    expect(await changed.json()).toMatchObject({ echo: '' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /redirect-307',
      'POST /json',
      'POST /redirect-302',
      'GET /json',
    ]);
  });

  it('gives up on a redirect loop with a TypeError', async () => {
    await expect(providerFetch(`${base}/loop`)).rejects.toThrow(TypeError);
  });

  it('gives a null body for 204', async () => {
    const res = await providerFetch(`${base}/empty`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it('streams: the first event is readable before the server ends the body', async () => {
    const res = await providerFetch(`${base}/sse`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: one\n\n');
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('data: two\n\n');
  });

  it('errors the body stream with a coded socket error when the connection drops', async () => {
    const res = await providerFetch(`${base}/drop`);
    const error = await res.text().then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(Error);
    const codes: unknown[] = [];
    for (let e = error as Error | undefined; e; e = e.cause as Error | undefined)
      codes.push((e as { code?: unknown }).code);
    expect(codes).toContain('UND_ERR_SOCKET');
  });

  it("rejects with the signal's reason when aborted", async () => {
    const reason = new DOMException('The attempt timed out', 'TimeoutError');
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 30);
    await expect(providerFetch(`${base}/slow`, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('reports a refused connection as TypeError("fetch failed") with the socket error as cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = (await providerFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e)) as {
      message: string;
      cause?: { code?: string };
    };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('fetch failed');
    expect(err.cause?.code).toBe('ECONNREFUSED');
  });

  it('hands a Request object to fetch itself', async () => {
    const res = await providerFetch(new Request(`${base}/json`, { method: 'POST', body: 'r' }));
    expect(await res.json()).toMatchObject({ echo: 'r' });
  });
});
