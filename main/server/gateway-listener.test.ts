import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  spanCount,
  startGatewayHarness,
  waitForSpan,
  type GatewayHarness,
} from '../../test/integration/gateway-harness';
import type { SpanRecord } from '../tracing/span-record';
import { MAX_GATEWAY_BODY_BYTES } from '../tracing/gateway/gateway-routes';
import { gatewayTarget } from './gateway-listener';

const CHAT = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
const JSON_KEYED = { 'content-type': 'application/json', authorization: 'Bearer sk-client-1234' };

describe('gatewayTarget: the requests the gateway serves', () => {
  const req = (url: string, host = '127.0.0.1:7717'): IncomingMessage =>
    ({ url, headers: { host }, socket: {} }) as unknown as IncomingMessage;

  it('takes plain gateway paths as they are, without the query', () => {
    expect(gatewayTarget(req('/gateway/openai/v1/chat/completions?x=1'))).toEqual({
      path: '/gateway/openai/v1/chat/completions',
      href: 'http://127.0.0.1:7717/gateway/openai/v1/chat/completions?x=1',
    });
  });

  it('routes odd targets as the HTTP app did: dot segments resolved, percent-decoded', () => {
    expect(gatewayTarget(req('/gateway/openai/v1/./chat/completions'))?.path).toBe(
      '/gateway/openai/v1/chat/completions',
    );
    expect(gatewayTarget(req('/gateway/openai/v1/%63hat/completions'))?.path).toBe(
      '/gateway/openai/v1/chat/completions',
    );
    expect(gatewayTarget(req('/api/../gateway/openai/v1/models'))?.path).toBe(
      '/gateway/openai/v1/models',
    );
    expect(gatewayTarget(req('/gateway/openai/v1/models', 'LocalHost:80'))?.href).toBe(
      'http://localhost/gateway/openai/v1/models',
    );
  });

  it('leaves everything else, and targets the app refuses, to the app', () => {
    expect(gatewayTarget(req('/api/health'))).toBeNull();
    expect(gatewayTarget(req('/gateway'))).toBeNull();
    expect(gatewayTarget(req('/gateway/../api/health'))).toBeNull();
    expect(gatewayTarget(req('/gateway\\openai/v1/models'))).toBeNull();
    expect(gatewayTarget(req('/gateway/openai/v1/models', 'a@b'))).toBeNull();
  });
});

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.openai.latencyMs = 0;
  h.openai.requests.length = 0;
});

interface Raw {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/** One request over node:http (a Host header fetch would not send, HEAD, a chunked body). */
function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${h.server.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the gateway on node:http', () => {
  it('answers with the security headers every answer of the server carries', async () => {
    const ok = await request('POST', '/gateway/openai/v1/chat/completions', JSON_KEYED, CHAT);
    expect(ok.status).toBe(200);
    expect(ok.headers['x-assay-span-id']).toMatch(/^[0-9a-f]{16}$/);
    // Written just after the answer: let it land, so later span counts start settled.
    await waitForSpan(h.core, ok.headers['x-assay-span-id'] as string);
    expect(ok.headers['content-length']).toBe(String(Buffer.byteLength(ok.text)));
    for (const answer of [ok, await request('GET', '/gateway/nope', JSON_KEYED)]) {
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('refuses a non-loopback Host (DNS rebinding) before forwarding anything', async () => {
    const before = await spanCount(h.core);
    const evil = await request(
      'POST',
      '/gateway/openai/v1/chat/completions',
      { ...JSON_KEYED, host: 'evil.example' },
      CHAT,
    );
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.text)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.openai.requests).toHaveLength(0);
    expect(await spanCount(h.core)).toBe(before);
  });

  it('answers unknown routes and methods with a coded NOT_FOUND in the path’s wire format', async () => {
    const get = await request('GET', '/gateway/openai/v1/chat/completions', JSON_KEYED);
    expect(get.status).toBe(404);
    expect(JSON.parse(get.text)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', type: 'not_found_error', param: null },
    });
    expect(JSON.parse(get.text).error.message).toContain('GET /gateway/openai/v1/chat/completions');
    const anthropic = await request('POST', '/gateway/anthropic/v1/nope', JSON_KEYED, '{}');
    expect(anthropic.status).toBe(404);
    expect(JSON.parse(anthropic.text)).toMatchObject({
      ok: false,
      type: 'error',
      error: { code: 'NOT_FOUND', type: 'not_found_error' },
    });
    expect(h.openai.requests).toHaveLength(0);
  });

  it('answers HEAD on a model list with its headers and no body', async () => {
    const head = await request('HEAD', '/gateway/openai/v1/models', JSON_KEYED);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json');
    expect(head.text).toBe('');
    expect(h.openai.requests.at(-1)).toMatchObject({ method: 'GET' });
  });

  it('refuses a declared length over the limit before reading it, in the route’s format', async () => {
    // Only the headers are sent: the 413 must come without the body.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(h.server.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('}}')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', reject);
      socket.write(
        `POST /gateway/anthropic/v1/messages HTTP/1.1\r\nhost: 127.0.0.1:${h.server.port}\r\n` +
          `content-type: application/json\r\ncontent-length: ${MAX_GATEWAY_BODY_BYTES + 1}\r\n\r\n`,
      );
    });
    expect(answer.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(answer).toContain('"type":"request_too_large"');
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });

  it('counts a chunked body and refuses it past the limit', async () => {
    const answer = await new Promise<Raw>((resolve, reject) => {
      const req = http.request(
        `${h.server.url}/gateway/openai/v1/chat/completions`,
        { method: 'POST', headers: { ...JSON_KEYED, 'transfer-encoding': 'chunked' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      // The server may close the connection while the rest is still being sent.
      req.on('error', reject);
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i <= MAX_GATEWAY_BODY_BYTES / piece.length; i++) req.write(piece);
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', type: 'invalid_request_error' },
    });
    expect(h.openai.requests).toHaveLength(0);
  });

  it('records a client that hangs up before a non-streamed answer as an aborted span', async () => {
    h.openai.latencyMs = 300;
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await new Promise<void>((resolve) => {
      const req = http.request(`${h.server.url}/gateway/openai/v1/chat/completions`, {
        method: 'POST',
        headers: { ...JSON_KEYED, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      req.on('error', () => resolve());
      req.end(CHAT);
      // Gone while the provider is still thinking.
      setTimeout(() => req.destroy(), 100);
    });
    let spans: SpanRecord[] = [];
    for (let i = 0; i < 200 && spans.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      spans = await h.core.services.tracing.spansOfTrace(traceId);
    }
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ status: 'error', errorClass: 'aborted' });
    // The server is still serving.
    h.openai.latencyMs = 0;
    expect((await request('GET', '/gateway/openai/v1/models', JSON_KEYED)).status).toBe(200);
  });
});
