import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOtlp } from '../../main/tracing/otlp/otlp-ingest';
import { openOtlpServer, postTraces } from '../support/otlp-server';
import { genAiSpan, newSpanId, newTraceId, otlpJson, otlpProto } from '../support/otlp-requests';

const PROTO_TYPE = { 'content-type': 'application/x-protobuf' };
const JSON_TYPE = { 'content-type': 'application/json' };

let ctx: Awaited<ReturnType<typeof openOtlpServer>>;
beforeAll(async () => {
  ctx = await openOtlpServer();
});
afterAll(async () => {
  await ctx.close();
});

async function storedSpans(): Promise<number> {
  const row = await ctx.core.store.db
    .selectFrom('span')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The distinct span ids a body decodes to, or null when the decoder refuses it. */
function decodedIds(body: Uint8Array, encoding: 'protobuf' | 'json'): Set<string> | null {
  try {
    return new Set(decodeOtlp(body, encoding).map((s) => s.spanId));
  } catch {
    return null;
  }
}

async function alreadyStored(ids: Set<string>): Promise<number> {
  if (ids.size === 0) return 0;
  const rows = await ctx.core.store.db
    .selectFrom('span')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.length;
}

/**
 * Posts a body and checks the ingest promise: a coded 4xx stores nothing, a 200 stores every
 * new span of the batch; never a 5xx.
 */
async function postAndCheck(body: Uint8Array, encoding: 'protobuf' | 'json'): Promise<number> {
  const ids = decodedIds(body, encoding);
  const fresh = ids ? ids.size - (await alreadyStored(ids)) : 0;
  const before = await storedSpans();
  const res = await postTraces(
    ctx.server.url,
    body,
    encoding === 'protobuf' ? PROTO_TYPE : JSON_TYPE,
  );
  expect(res.status).toBeLessThan(500);
  const after = await storedSpans();
  if (res.status === 200) {
    expect(after - before).toBe(fresh);
  } else {
    expect([400, 413, 415]).toContain(res.status);
    // A google.rpc.Status in the request's encoding, its message led by Assay's code.
    expect(res.contentType).toBe(
      encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json',
    );
    expect(res.rpcStatus).toMatchObject({
      code: expect.any(Number),
      message: expect.stringMatching(/^(MALFORMED_REQUEST|PAYLOAD_TOO_LARGE): \/v1\/traces: /),
    });
    expect(after).toBe(before);
  }
  return res.status;
}

function validBatch(size: number): { traceId: string; spans: ReturnType<typeof genAiSpan>[] } {
  const traceId = newTraceId();
  const root = { ...genAiSpan(traceId), name: 'root' };
  const spans = [root];
  for (let i = 1; i < size; i++) spans.push(genAiSpan(traceId, root.spanId, i));
  return { traceId, spans };
}

describe('fuzzed OTLP bodies: a coded 4xx or a 200, nothing partial, never a 5xx', () => {
  it('random bytes as protobuf', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        await postAndCheck(bytes, 'protobuf');
      }),
      { numRuns: 150 },
    );
  });

  it('random JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await postAndCheck(Buffer.from(JSON.stringify(value) ?? 'null'), 'json');
      }),
      { numRuns: 150 },
    );
  });

  it('valid protobuf requests with bytes changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (size, edits) => {
          const body = Buffer.from(otlpProto(validBatch(size).spans));
          for (const [at, byte] of edits) body[at % body.length] = byte;
          await postAndCheck(body, 'protobuf');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('valid JSON requests with one field replaced by a random value', async () => {
    const paths = [
      ['traceId'],
      ['spanId'],
      ['parentSpanId'],
      ['startTimeUnixNano'],
      ['endTimeUnixNano'],
      ['name'],
      ['status'],
      ['attributes'],
      ['attributes', 0],
      ['attributes', 0, 'value'],
      ['attributes', 3, 'value', 'intValue'],
      ['attributes', 4, 'value'],
      ['events'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        fc.constantFrom(...paths),
        fc.jsonValue({ maxDepth: 3 }),
        async (size, which, path, value) => {
          const request = otlpJson(validBatch(size).spans) as {
            resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
          };
          const spans = request.resourceSpans[0]!.scopeSpans[0]!.spans;
          let target: Record<string | number, unknown> = spans[which % spans.length]!;
          for (const key of path.slice(0, -1))
            target = target[key] as Record<string | number, unknown>;
          target[path[path.length - 1]!] = value;
          await postAndCheck(Buffer.from(JSON.stringify(request)), 'json');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a batch whose second half is bad and stores none of the first', async () => {
    const { traceId, spans } = validBatch(10);
    spans[7] = { ...spans[7]!, spanId: newSpanId(), parentSpanId: spans[7]!.spanId };
    spans[8] = { ...spans[8]!, spanId: spans[7]!.parentSpanId!, parentSpanId: spans[7]!.spanId };
    expect(await postAndCheck(otlpProto(spans), 'protobuf')).toBe(400);
    await expect(ctx.core.services.tracing.get(traceId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
