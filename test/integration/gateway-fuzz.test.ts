import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_GATEWAY_BODY_BYTES } from '../../main/tracing/gateway/gateway-routes';
import {
  spanCount,
  startGatewayHarness,
  waitForSpan,
  type GatewayHarness,
} from './gateway-harness';

let h: GatewayHarness;

beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(() => h.close());

const ROUTES = [
  '/gateway/openai/v1/chat/completions',
  '/gateway/openai/v1/embeddings',
  '/gateway/local/v1/chat/completions',
  '/gateway/anthropic/v1/messages',
] as const;

const printable = fc.stringMatching(/^[\x20-\x7e]{0,300}$/);

/** Bodies: arbitrary text, arbitrary JSON, raw bytes, and near-misses of the real shapes. */
const bodies = fc.oneof(
  fc.string({ maxLength: 2000 }).map((s) => Buffer.from(s)),
  fc.jsonValue({ maxDepth: 6 }).map((v) => Buffer.from(JSON.stringify(v))),
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
  fc
    .record(
      {
        model: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        messages: fc.oneof(
          fc.array(
            fc.record({
              role: fc.oneof(fc.string(), fc.integer()),
              content: fc.jsonValue({ maxDepth: 3 }),
            }),
            { maxLength: 5 },
          ),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        stream: fc.oneof(fc.boolean(), fc.string()),
        max_tokens: fc.oneof(fc.integer(), fc.string()),
        input: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    )
    .map((v) => Buffer.from(JSON.stringify(v))),
  fc.integer({ min: 1, max: 5000 }).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))),
);

const headers = fc.record(
  {
    'x-assay-session': printable,
    'x-assay-user': printable,
    'x-assay-tags': printable,
    'x-assay-prompt': printable,
    traceparent: printable,
    authorization: printable.map((s) => `Bearer ${s}`),
  },
  { requiredKeys: [] },
);

interface Answer {
  readonly status: number;
  readonly json: unknown;
  readonly spanId: string | null;
}

async function send(route: string, body: Buffer, extra: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${h.server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...extra },
    body,
  });
  const text = await res.text();
  const spanId = res.headers.get('x-assay-span-id');
  try {
    return { status: res.status, json: JSON.parse(text) as unknown, spanId };
  } catch {
    return { status: res.status, json: text, spanId };
  }
}

/** A refusal by the gateway itself: Assay's coded shape with the provider-style fields. */
function isRefusal(json: unknown): json is { ok: false; error: { code: string; message: string } } {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { ok?: unknown }).ok === false &&
    typeof (json as { error?: { code?: unknown } }).error?.code === 'string'
  );
}

describe('gateway: hostile bodies and headers', () => {
  it('answers every request with a coded error or a forwarded answer; refusals forward and store nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), bodies, headers, async (route, body, extra) => {
        const forwardedBefore = h.openai.requests.length + h.anthropic.requests.length;
        const countBefore = await spanCount(h.core);
        const answer = await send(route, body, extra);
        if (isRefusal(answer.json)) {
          expect([400, 401, 404, 413, 415]).toContain(answer.status);
          expect(answer.json.error.message.length).toBeGreaterThan(0);
          // Nothing of a refused request reaches the provider or the store.
          await new Promise((r) => setImmediate(r));
          expect(await spanCount(h.core)).toBe(countBefore);
          expect(h.openai.requests.length + h.anthropic.requests.length).toBe(forwardedBefore);
        } else {
          expect(answer.status).toBeGreaterThanOrEqual(200);
          expect(answer.status).toBeLessThan(600);
          // A forwarded call gets its span (written just after the answer): let it land, so the
          // next case's count starts from a settled store.
          expect(answer.spanId).not.toBeNull();
          await waitForSpan(h.core, answer.spanId!);
        }
      }),
      { numRuns: 150 },
    );
    const health = await fetch(`${h.server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
  }, 120_000);

  it('names the wrong field, refuses bad UTF-8 and deep nesting, and caps the body size', async () => {
    const notArray = await send(
      '/gateway/openai/v1/chat/completions',
      Buffer.from(JSON.stringify({ model: 'gpt-4o', messages: 'hello' })),
      {},
    );
    expect(notArray.status).toBe(400);
    expect(notArray.json).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', type: 'invalid_request_error', param: null },
    });
    expect(JSON.stringify(notArray.json)).toContain('messages');

    const badUtf8 = await send(
      '/gateway/anthropic/v1/messages',
      Buffer.from([0x7b, 0xff, 0x7d]),
      {},
    );
    expect(badUtf8.status).toBe(400);
    expect(badUtf8.json).toMatchObject({
      ok: false,
      type: 'error',
      error: { code: 'MALFORMED_REQUEST' },
    });

    const deep = await send(
      '/gateway/openai/v1/chat/completions',
      Buffer.from('{"model":"m","messages":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'),
      {},
    );
    expect(deep.status).toBe(400);

    const huge = await send(
      '/gateway/openai/v1/chat/completions',
      Buffer.alloc(MAX_GATEWAY_BODY_BYTES + 1, 0x20),
      {},
    );
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });

    const unknown = await fetch(`${h.server.url}/gateway/openai/v1/completions`, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
  });
});
