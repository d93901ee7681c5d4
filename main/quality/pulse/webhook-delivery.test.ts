import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../../../test/support/parse-json';
import type { AlertPayload } from './alert-payload';
import { deliverWebhook, type DeliveryPolicy } from './webhook-delivery';
import { SIGNATURE_HEADER, signPayload, verifySignature } from './webhook-signature';

const SECRET = 'whsec-test-5f0c';
const FAST: DeliveryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 300 };

const payload: AlertPayload = {
  type: 'assay.alert',
  alert: {
    id: 'alert-1',
    ruleId: 'rule-1',
    ruleName: 'Support answers',
    metric: 'scorecard_mean',
    condition: { type: 'below', value: 60 },
    value: 52.5,
    previousValue: 81,
    window: { from: '2026-12-07T07:00:00.000Z', to: '2026-12-07T08:00:00.000Z' },
    firedAt: '2026-12-07T08:00:01.000Z',
    summary: 'Support answers: scorecard mean 52.5 is below 60 (previous hour 81)',
    interactionIds: ['i-1', 'i-2'],
    traceIds: [],
  },
};

interface Received {
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A receiver answering each request with the next status of `statuses` (the last repeats). */
async function receiver(
  statuses: number[],
  extraHeaders: Record<string, string> = {},
): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.writeHead(status, extraHeaders).end('{}');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('deliverWebhook', () => {
  it('posts the alert as JSON with a signature the receiver verifies', async () => {
    const rx = await receiver([204]);
    const result = await deliverWebhook({ url: rx.url, secret: SECRET, format: 'json' }, payload, {
      policy: FAST,
    });
    expect(result.delivered).toBe(true);
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]).toMatchObject({ attempt: 1, status: 204, error: null });
    const [got] = rx.received;
    expect(JSON.parse(got!.body)).toEqual(payload);
    const header = String(got!.headers[SIGNATURE_HEADER]);
    expect(verifySignature(SECRET, got!.body, header, Math.floor(Date.now() / 1000))).toBe(true);
    expect(
      verifySignature('another-secret', got!.body, header, Math.floor(Date.now() / 1000)),
    ).toBe(false);
    expect(verifySignature(SECRET, `${got!.body} `, header, Math.floor(Date.now() / 1000))).toBe(
      false,
    );
  });

  it('sends a Slack-compatible message in slack format', async () => {
    const rx = await receiver([200]);
    await deliverWebhook({ url: rx.url, secret: SECRET, format: 'slack' }, payload, {
      policy: FAST,
    });
    const body = parseJson(
      z.object({ text: z.string(), blocks: z.array(z.unknown()) }),
      rx.received[0]!.body,
    );
    expect(body.text).toBe(`Assay alert: ${payload.alert.summary}`);
    expect(JSON.stringify(body.blocks)).toContain('i-1, i-2');
  });

  it('retries a failing receiver with backoff and logs every attempt', async () => {
    const rx = await receiver([500, 503, 200]);
    const waits: number[] = [];
    const result = await deliverWebhook({ url: rx.url, secret: SECRET, format: 'json' }, payload, {
      policy: FAST,
      random: () => 1,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(result.delivered).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(result.attempts.map((a) => a.error)).toEqual([
      'the receiver answered 500',
      'the receiver answered 503',
      null,
    ]);
    expect(waits).toEqual([5, 10]);
    expect(rx.received).toHaveLength(3);
  });

  it('gives up after the last attempt and says why, honouring Retry-After', async () => {
    const rx = await receiver([429], { 'retry-after': '0.02' });
    const waits: number[] = [];
    const result = await deliverWebhook({ url: rx.url, secret: SECRET, format: 'json' }, payload, {
      policy: FAST,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(result.delivered).toBe(false);
    expect(result.attempts).toHaveLength(FAST.maxAttempts);
    expect(waits).toEqual([20, 20, 20]);
  });

  it('does not retry a receiver that refuses the payload, nor follow a redirect', async () => {
    const refusing = await receiver([400]);
    const refused = await deliverWebhook(
      { url: refusing.url, secret: SECRET, format: 'json' },
      payload,
      { policy: FAST },
    );
    expect(refused).toMatchObject({ delivered: false, attempts: [{ status: 400 }] });
    const moving = await receiver([302], { location: 'http://127.0.0.1:1/elsewhere' });
    const moved = await deliverWebhook(
      { url: moving.url, secret: SECRET, format: 'json' },
      payload,
      {
        policy: FAST,
      },
    );
    expect(moved.delivered).toBe(false);
    expect(moved.attempts).toHaveLength(1);
    expect(moved.attempts[0]!.error).toMatch(/redirect/);
  });

  it('retries when nobody answers, without the URL or the secret in the errors', async () => {
    const rx = await receiver([200]);
    const url = rx.url.replace('/hook', '/services/T000/B000/XXXXSECRETTOKEN');
    await new Promise((r) => servers.pop()!.close(r));
    const result = await deliverWebhook({ url, secret: SECRET, format: 'json' }, payload, {
      policy: FAST,
      sleep: () => Promise.resolve(),
    });
    expect(result.delivered).toBe(false);
    expect(result.attempts).toHaveLength(FAST.maxAttempts);
    expect(result.attempts[0]!.status).toBeNull();
    expect(result.attempts[0]!.error).toMatch(/could not connect/);
    const logged = JSON.stringify(result);
    expect(logged).not.toContain('SECRETTOKEN');
    expect(logged).not.toContain(SECRET);
  });

  it('counts a receiver that hangs as no answer within the timeout', async () => {
    const server = http.createServer(() => {
      /* never answers */
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const result = await deliverWebhook({ url, secret: SECRET, format: 'json' }, payload, {
      policy: { ...FAST, maxAttempts: 2, timeoutMs: 100 },
      sleep: () => Promise.resolve(),
    });
    expect(result.attempts.map((a) => a.error)).toEqual([
      'no answer within 100 ms',
      'no answer within 100 ms',
    ]);
    server.closeAllConnections();
  });
});

describe('verifySignature', () => {
  it('refuses a signature older than the tolerance (a replay)', () => {
    const body = '{"a":1}';
    const header = signPayload(SECRET, body, 1_000_000);
    expect(verifySignature(SECRET, body, header, 1_000_100)).toBe(true);
    expect(verifySignature(SECRET, body, header, 1_000_400)).toBe(false);
    expect(verifySignature(SECRET, body, 'garbage', 1_000_000)).toBe(false);
    expect(verifySignature(SECRET, body, 't=1000000,v1=00', 1_000_000)).toBe(false);
  });
});
