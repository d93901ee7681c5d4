import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  badRequestType,
  exportTraceRequestType,
  rpcStatusType,
} from '../../main/tracing/otlp/otlp-proto-schema';
import { openOtlpServer, postTraces } from '../support/otlp-server';
import {
  genAiSpan,
  newSpanId,
  newTraceId,
  otlpJson,
  otlpProto,
  type TestSpan,
} from '../support/otlp-requests';

const JSON_TYPE = { 'content-type': 'application/json' };
const PROTO_TYPE = { 'content-type': 'application/x-protobuf' };

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

describe('POST /v1/traces', () => {
  it('answers an empty ExportTraceServiceResponse in the request encoding', async () => {
    const traceId = newTraceId();
    const proto = await postTraces(ctx.server.url, otlpProto([genAiSpan(traceId)]), PROTO_TYPE);
    expect(proto).toMatchObject({ status: 200, bytes: 0 });
    const json = await postTraces(
      ctx.server.url,
      JSON.stringify(otlpJson([genAiSpan(traceId)])),
      JSON_TYPE,
    );
    expect(json).toMatchObject({ status: 200, json: {} });
    expect((await ctx.core.services.tracing.get(traceId)).spans).toHaveLength(2);
  });

  it('attaches a child that arrived before its parent when the parent comes', async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const start = Date.now() - 1000;
    const childSpan = { ...genAiSpan(traceId, rootId), startMs: start + 10, endMs: start + 20 };
    expect((await postTraces(ctx.server.url, otlpProto([childSpan]), PROTO_TYPE)).status).toBe(200);
    const early = await ctx.core.services.tracing.get(traceId);
    expect(early.trace).toMatchObject({ spanCount: 1, rootSpanId: null });

    const root: TestSpan = {
      traceId,
      spanId: rootId,
      name: 'agent run',
      startMs: start,
      endMs: start + 50,
      attributes: { 'gen_ai.operation.name': 'invoke_agent' },
    };
    expect(
      (await postTraces(ctx.server.url, JSON.stringify(otlpJson([root])), JSON_TYPE)).status,
    ).toBe(200);
    const { trace, spans } = await ctx.core.services.tracing.get(traceId);
    expect(trace).toMatchObject({ spanCount: 2, rootSpanId: rootId, name: 'agent run' });
    // SQLite folds the latency from julianday(), a few microseconds off.
    expect(trace.latencyMs).toBeCloseTo(50, 1);
    expect(spans.find((s) => s.id === childSpan.spanId)).toMatchObject({
      parentId: rootId,
      kind: 'llm',
    });
    expect(spans.find((s) => s.id === rootId)).toMatchObject({ parentId: null, kind: 'agent' });
  });

  it('maps an error status, and keeps ms precision of the times', async () => {
    const traceId = newTraceId();
    const span: TestSpan = {
      ...genAiSpan(traceId),
      startMs: 1_760_000_000_123.4,
      endMs: 1_760_000_000_456.9,
      statusCode: 2,
    };
    span.attributes = { ...span.attributes, 'error.type': 'RateLimitError' };
    expect((await postTraces(ctx.server.url, otlpProto([span]), PROTO_TYPE)).status).toBe(200);
    const [stored] = (await ctx.core.services.tracing.get(traceId)).spans;
    expect(stored).toMatchObject({
      status: 'error',
      errorClass: 'RateLimitError',
      startedAt: '2025-10-09T08:53:20.123Z',
      endedAt: '2025-10-09T08:53:20.456Z',
    });
  });

  it('cuts known secret values out of what it stores', async () => {
    await ctx.core.services.secrets.update({ 'openai.apiKey': 'zq-custom-secret-value-9981' });
    const traceId = newTraceId();
    const span = genAiSpan(traceId);
    span.attributes = {
      ...span.attributes,
      'llm.input_messages.0.message.content': 'x',
      'app.note': 'key zq-custom-secret-value-9981 here',
    };
    span.attributes['gen_ai.input.messages'] = JSON.stringify([
      { role: 'user', parts: [{ type: 'text', content: 'my key is zq-custom-secret-value-9981' }] },
    ]);
    expect((await postTraces(ctx.server.url, otlpProto([span]), PROTO_TYPE)).status).toBe(200);
    const [stored] = (await ctx.core.services.tracing.get(traceId)).spans;
    expect(JSON.stringify(stored)).not.toContain('zq-custom-secret-value-9981');
  });
});

/** The google.rpc.Code each refusal carries (see otlp-status.ts for why). */
const GRPC_CODE_OF_STATUS: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  403: 7, // PERMISSION_DENIED
  413: 8, // RESOURCE_EXHAUSTED
  415: 12, // UNIMPLEMENTED
};

describe('malformed batches get a coded 4xx and store nothing', () => {
  const valid = () => genAiSpan(newTraceId());
  const cases: [
    string,
    () => { body: Uint8Array | string; headers: Record<string, string> },
    number,
    RegExp,
  ][] = [
    [
      'bad protobuf',
      () => ({ body: Buffer.from([0x0a, 0xff, 0xff, 0x01, 0x02]), headers: PROTO_TYPE }),
      400,
      /protobuf/,
    ],
    ['bad JSON', () => ({ body: '{"resourceSpans": [', headers: JSON_TYPE }), 400, /JSON/],
    [
      'a wrong structure',
      () => ({ body: '{"resourceSpans": {"x": 1}}', headers: JSON_TYPE }),
      400,
      /resourceSpans/,
    ],
    [
      'a token count that is text',
      () => {
        const s = valid();
        s.attributes!['gen_ai.usage.input_tokens'] = 'lots';
        return { body: otlpProto([valid(), s]), headers: PROTO_TYPE };
      },
      400,
      /span 1 .*gen_ai\.usage\.input_tokens/,
    ],
    [
      'a missing trace id',
      () => ({ body: otlpProto([valid(), { ...valid(), traceId: '' }]), headers: PROTO_TYPE }),
      400,
      /span 1 .*traceId/,
    ],
    [
      'an all-zero span id',
      () => ({ body: otlpProto([{ ...valid(), spanId: '0'.repeat(16) }]), headers: PROTO_TYPE }),
      400,
      /spanId/,
    ],
    [
      'a short trace id in JSON',
      () => ({
        body: JSON.stringify(otlpJson([{ ...valid(), traceId: 'abcd' }])),
        headers: JSON_TYPE,
      }),
      400,
      /traceId/,
    ],
    [
      'a huge attribute',
      () => {
        const s = valid();
        s.attributes!['input.value'] = 'x'.repeat(4 * 1024 * 1024 + 1);
        return { body: otlpProto([s]), headers: PROTO_TYPE };
      },
      400,
      /input\.value.*limit/,
    ],
    [
      'a parent cycle',
      () => {
        const traceId = newTraceId();
        const a = newSpanId();
        const b = newSpanId();
        return {
          body: otlpProto([
            { traceId, spanId: a, parentSpanId: b, name: 'a' },
            { traceId, spanId: b, parentSpanId: a, name: 'b' },
          ]),
          headers: PROTO_TYPE,
        };
      },
      400,
      /cycle/,
    ],
    [
      'a kvlist nested too deep',
      () => {
        let value: Record<string, unknown> = { leaf: 'x' };
        for (let i = 0; i < 20; i++) value = { nested: value };
        const s = valid();
        s.attributes!['app.deep'] = value;
        return { body: otlpProto([s]), headers: PROTO_TYPE };
      },
      400,
      /app\.deep.*levels/,
    ],
    [
      'a gzip bomb',
      () => ({
        body: zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)),
        headers: { ...PROTO_TYPE, 'content-encoding': 'gzip' },
      }),
      413,
      /decompressed/,
    ],
    [
      'broken gzip',
      () => ({
        body: Buffer.from('not gzip'),
        headers: { ...PROTO_TYPE, 'content-encoding': 'gzip' },
      }),
      400,
      /gzip/,
    ],
    [
      'another content type',
      () => ({ body: 'x', headers: { 'content-type': 'text/plain' } }),
      415,
      /content-type/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, status, message) => {
    const before = await storedSpans();
    const { body, headers } = make();
    const res = await postTraces(ctx.server.url, body, headers);
    expect(res.status).toBe(status);
    expect(res.rpcStatus).toMatchObject({
      code: GRPC_CODE_OF_STATUS[status],
      message: expect.stringMatching(message),
    });
    // A protobuf request gets a protobuf Status; JSON and a non-OTLP content type get JSON.
    expect(res.contentType).toBe(
      headers['content-type'] === PROTO_TYPE['content-type']
        ? 'application/x-protobuf'
        : 'application/json',
    );
    expect(await storedSpans()).toBe(before);
    // Still serving.
    expect((await postTraces(ctx.server.url, otlpProto([valid()]), PROTO_TYPE)).status).toBe(200);
  });

  it('a span id stored in another trace is refused by position, a retry of its own batch is not', async () => {
    const first = genAiSpan(newTraceId());
    expect((await postTraces(ctx.server.url, otlpProto([first]), PROTO_TYPE)).status).toBe(200);
    const before = await storedSpans();
    const other = newTraceId();
    const reused = { ...genAiSpan(other), spanId: first.spanId };
    const res = await postTraces(ctx.server.url, otlpProto([genAiSpan(other), reused]), PROTO_TYPE);
    expect(res.status).toBe(400);
    expect(res.rpcStatus).toMatchObject({
      code: GRPC_CODE_OF_STATUS[400],
      message: expect.stringMatching(
        new RegExp(
          `span 1 \\("${first.spanId}"\\) repeats the id of a span stored in another trace \\("${first.traceId}"\\)`,
        ),
      ),
    });
    expect(await storedSpans()).toBe(before);
    await expect(ctx.core.services.tracing.get(other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The exporter's retry of the first batch is still a quiet no-op.
    expect((await postTraces(ctx.server.url, otlpProto([first]), PROTO_TYPE)).status).toBe(200);
    expect(await storedSpans()).toBe(before);
  });

  it('accepts a kvlist at the depth limit', async () => {
    let value: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 15; i++) value = { nested: value };
    const s = valid();
    s.attributes!['app.deep'] = value;
    expect(exportTraceRequestType.decode(otlpProto([s]))).toBeTruthy();
    expect((await postTraces(ctx.server.url, otlpProto([s]), PROTO_TYPE)).status).toBe(200);
  });
});

describe('the token off loopback', () => {
  it('is required when the server has one', async () => {
    const guarded = await openOtlpServer('s3cret-token-for-tests');
    try {
      const body = otlpProto([genAiSpan(newTraceId())]);
      const without = await postTraces(guarded.server.url, body, PROTO_TYPE);
      expect(without).toMatchObject({
        status: 401,
        contentType: 'application/x-protobuf',
        rpcStatus: { code: 16, message: expect.stringMatching(/^UNAUTHORIZED: Missing or wrong/) },
      });
      const withoutJson = await postTraces(
        guarded.server.url,
        JSON.stringify(otlpJson([genAiSpan(newTraceId())])),
        JSON_TYPE,
      );
      expect(withoutJson).toMatchObject({
        status: 401,
        json: { code: 16, error: { code: 'UNAUTHORIZED' } },
      });
      const wrong = await postTraces(guarded.server.url, body, {
        ...PROTO_TYPE,
        authorization: 'Bearer nope',
      });
      expect(wrong.status).toBe(401);
      const right = await postTraces(guarded.server.url, body, {
        ...PROTO_TYPE,
        authorization: 'Bearer s3cret-token-for-tests',
      });
      expect(right.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('refusals are a google.rpc.Status in the request encoding', () => {
  const badTokens = (): TestSpan => {
    const s = genAiSpan(newTraceId());
    s.attributes!['gen_ai.usage.input_tokens'] = 'lots';
    return s;
  };
  const field = 'attributes.gen_ai.usage.input_tokens';

  it('protobuf: a binary Status with the code, the coded message and a BadRequest', async () => {
    const res = await fetch(`${ctx.server.url}/v1/traces`, {
      method: 'POST',
      body: otlpProto([badTokens()]),
      headers: PROTO_TYPE,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    const decoded = rpcStatusType.toObject(
      rpcStatusType.decode(Buffer.from(await res.arrayBuffer())),
      { defaults: true, arrays: true },
    );
    const status = z
      .object({
        code: z.number(),
        message: z.string(),
        details: z.array(z.object({ type_url: z.string(), value: z.instanceof(Uint8Array) })),
      })
      .parse(decoded);
    expect(status.code).toBe(3);
    expect(status.message).toMatch(
      /^MALFORMED_REQUEST: \/v1\/traces: span 0 \("[0-9a-f]{16}"\).*"gen_ai\.usage\.input_tokens"/,
    );
    expect(status.details).toHaveLength(1);
    expect(status.details[0]!.type_url).toBe('type.googleapis.com/google.rpc.BadRequest');
    expect(badRequestType.toObject(badRequestType.decode(status.details[0]!.value))).toEqual({
      fieldViolations: [{ field, description: status.message.replace('MALFORMED_REQUEST: ', '') }],
    });
  });

  it("JSON: the JSON Status, with Assay's coded error beside it", async () => {
    const res = await postTraces(
      ctx.server.url,
      JSON.stringify(otlpJson([badTokens()])),
      JSON_TYPE,
    );
    expect(res.status).toBe(400);
    expect(res.contentType).toBe('application/json');
    const message = z.object({ error: z.object({ message: z.string() }) }).parse(res.json)
      .error.message;
    expect(message).toMatch(/span 0 .*gen_ai\.usage\.input_tokens/);
    expect(res.json).toEqual({
      code: 3,
      message: `MALFORMED_REQUEST: ${message}`,
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.BadRequest',
          fieldViolations: [{ field, description: message }],
        },
      ],
      error: { code: 'MALFORMED_REQUEST', message, details: { field } },
    });
  });

  it("an unsupported content encoding answers in the content type's encoding", async () => {
    const res = await postTraces(ctx.server.url, otlpProto([genAiSpan(newTraceId())]), {
      ...PROTO_TYPE,
      'content-encoding': 'br',
    });
    expect(res).toMatchObject({
      status: 415,
      contentType: 'application/x-protobuf',
      rpcStatus: { code: 12, message: expect.stringMatching(/^UNSUPPORTED_MEDIA_TYPE: .*"br"/) },
    });
  });

  it('a foreign Host (DNS rebinding) is refused with a Status too', async () => {
    const { status, contentType, body } = await new Promise<{
      status: number;
      contentType: string;
      body: Buffer;
    }>((resolve, reject) => {
      const req = http.request(
        `${ctx.server.url}/v1/traces`,
        { method: 'POST', headers: { ...PROTO_TYPE, host: 'evil.example:4318' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers['content-type'] ?? '',
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(Buffer.from(otlpProto([genAiSpan(newTraceId())])));
    });
    expect(status).toBe(403);
    expect(contentType).toBe('application/x-protobuf');
    expect(rpcStatusType.toObject(rpcStatusType.decode(body))).toMatchObject({
      code: 7,
      message: expect.stringMatching(/^FORBIDDEN: Host "evil\.example:4318"/),
    });
  });
});
