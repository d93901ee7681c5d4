import fc from 'fast-check';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { genAiSpan, newTraceId, otlpProto } from '../../../test/support/otlp-requests';
import { spansOfRequest } from './otlp-proto-decode';
import { readExportTraceRequest } from './otlp-proto-reader';
import { exportTraceRequestType, type PbRequest } from './otlp-proto-schema';

/** What a body decodes to, or the message it is refused with, through either decoder. */
function decodedWith(decode: (bytes: Uint8Array) => PbRequest, bytes: Uint8Array): unknown {
  let request: PbRequest;
  try {
    request = decode(bytes);
  } catch (err) {
    return { refusedAsProtobuf: (err as Error).message };
  }
  try {
    return { spans: spansOfRequest(request) };
  } catch (err) {
    return { refused: (err as Error).message };
  }
}

function expectSameAsProtobufjs(bytes: Uint8Array): void {
  const reference = decodedWith(
    (b) => exportTraceRequestType.decode(b) as unknown as PbRequest,
    bytes,
  );
  expect(decodedWith(readExportTraceRequest, bytes)).toEqual(reference);
}

/* Raw protobuf pieces, to write what an encoder would not: repeated members, unknown fields. */
const { Writer } = protobuf;
const delimited = (field: number, bytes: Uint8Array) =>
  Writer.create()
    .uint32((field << 3) | 2)
    .bytes(bytes)
    .finish();
const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const anyValueType = exportTraceRequestType.root.lookupType('otlp.AnyValue');

const scalarMember = fc.oneof(
  fc.string({ unit: 'binary' }).map((stringValue) => ({ stringValue })),
  fc.boolean().map((boolValue) => ({ boolValue })),
  fc.oneof(fc.integer(), fc.constant('9007199254740993'), fc.constant('-5')).map((intValue) => ({
    intValue,
  })),
  fc.double().map((doubleValue) => ({ doubleValue })),
  fc.uint8Array({ maxLength: 8 }).map((bytesValue) => ({ bytesValue })),
);
const member = fc.oneof(
  scalarMember,
  fc.array(scalarMember, { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
  fc
    .array(fc.tuple(fc.constantFrom('a', 'b', '__proto__'), scalarMember), { maxLength: 3 })
    .map((kvs) => ({ kvlistValue: { values: kvs.map(([key, value]) => ({ key, value })) } })),
);
/** An AnyValue as several members on the wire: the last wins, a repeated message merges. */
const anyValueBytes = fc
  .array(member, { minLength: 1, maxLength: 3 })
  .map((members) =>
    concat(members.map((m) => anyValueType.encode(anyValueType.fromObject(m)).finish())),
  );
const unknownField = fc.constantFrom(
  Writer.create()
    .uint32((16 << 3) | 5)
    .fixed32(1)
    .finish(), // flags
  delimited(3, Buffer.from('congo=t61rcWkgMzE')), // trace_state
  Writer.create()
    .uint32((10 << 3) | 0)
    .uint32(2)
    .finish(), // dropped_attributes_count
);
const keyValueBytes = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('gen_ai.system', 'session.id', 'tag.tags', 'x', '__proto__', ''),
      // Any bytes as a key: ill-formed UTF-8, a BOM, U+FFFD itself, text past 64 bytes.
      fc.oneof(
        fc.uint8Array({ maxLength: 12 }),
        fc.constantFrom(
          Buffer.from('\uFEFFbom'),
          Buffer.from('\uFFFD'),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from([0xc0, 0xaf]),
          Buffer.from('é'.repeat(40)),
          Buffer.concat([Buffer.from('a'.repeat(70)), Buffer.from([0xff])]),
        ),
      ),
    ),
    fc.array(anyValueBytes, { maxLength: 2 }),
  )
  .map(([key, values]) =>
    concat([
      delimited(1, typeof key === 'string' ? Buffer.from(key) : key),
      ...values.map((v) => delimited(2, v)),
    ]),
  );
const fixed64 = (field: number, nanos: bigint) =>
  Writer.create()
    .uint32((field << 3) | 1)
    .fixed64(protobuf.util.LongBits.from(nanos.toString()).toLong(true))
    .finish();
const spanBytes = fc
  .tuple(
    fc.uint8Array({ minLength: 16, maxLength: 16 }),
    fc.uint8Array({ minLength: 8, maxLength: 8 }),
    fc.array(keyValueBytes, { maxLength: 4 }),
    fc.array(
      fc.tuple(
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      ),
      { maxLength: 2 },
    ),
    fc.array(unknownField, { maxLength: 2 }),
  )
  .map(([traceId, spanId, attributes, statuses, unknown]) => {
    const start = BigInt(Date.now()) * 1_000_000n + 123_456n;
    return concat([
      delimited(1, traceId),
      delimited(2, spanId),
      delimited(5, Buffer.from('chat')),
      fixed64(7, start),
      fixed64(8, start + 5_000_000n),
      ...attributes.map((kv) => delimited(9, kv)),
      // A repeated status merges: the message of one, the code of another.
      ...statuses.map(([message, code]) =>
        delimited(
          15,
          concat([
            ...(message === undefined ? [] : [delimited(2, Buffer.from(message))]),
            ...(code === undefined ? [] : [Writer.create().uint32(24).int32(code).finish()]),
          ]),
        ),
      ),
      ...unknown,
    ]);
  });
const requestBytes = fc
  .array(spanBytes, { minLength: 1, maxLength: 4 })
  .map((spans) =>
    delimited(
      1,
      concat([
        delimited(1, delimited(1, concat([delimited(1, Buffer.from('service.name'))]))),
        delimited(
          2,
          concat([
            delimited(1, delimited(1, Buffer.from('scope'))),
            ...spans.map((s) => delimited(2, s)),
          ]),
        ),
      ]),
    ),
  );

describe('readExportTraceRequest reads what protobufjs reads', () => {
  it('hand-built requests with repeated members, merged messages and unknown fields', () => {
    fc.assert(fc.property(requestBytes, expectSameAsProtobufjs), { numRuns: 1000 });
  });

  it('the same with bytes changed or cut: the same spans, or the same refusal', () => {
    fc.assert(
      fc.property(
        requestBytes,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(),
        (bytes, edits, cut) => {
          const body = Buffer.from(bytes);
          for (const [at, byte] of edits) body[at % body.length] = byte;
          expectSameAsProtobufjs(body.subarray(0, body.length - (cut % 8)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('encoder-built GenAI batches, and random bytes', () => {
    const traceId = newTraceId();
    expectSameAsProtobufjs(otlpProto([genAiSpan(traceId), genAiSpan(traceId, undefined, 1)]));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 256 }), expectSameAsProtobufjs), {
      numRuns: 3000,
    });
  });

  it('keys from the cache of keys: many, colliding, repeated, long', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 70 }).map((k) => Buffer.from(k)),
            fc.uint8Array({ minLength: 1, maxLength: 6, max: 127 }),
          ),
          { minLength: 200, maxLength: 400 },
        ),
        (keys) => {
          // Each key twice, spread over spans: slots are filled, replaced, and hit.
          const kv = (key: Uint8Array) =>
            delimited(9, concat([delimited(1, key), delimited(2, delimited(1, Buffer.from('v')))]));
          const spanOf = (part: Uint8Array[]) =>
            concat([
              delimited(1, Buffer.alloc(16, 1)),
              delimited(2, Buffer.alloc(8, 2)),
              fixed64(7, 1_733_550_000_000_000_000n),
              fixed64(8, 1_733_550_000_500_000_000n),
              ...part.map(kv),
            ]);
          const spans = [keys.slice(0, 150), keys, keys.slice(100)].map(spanOf);
          expectSameAsProtobufjs(
            delimited(1, delimited(2, concat(spans.map((sp) => delimited(2, sp))))),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses nesting past protobufjs limit with its message', () => {
    let value: Uint8Array = anyValueType.encode({ stringValue: 'deep' }).finish();
    for (let i = 0; i < 60; i++) value = delimited(5, delimited(1, value));
    const kv = concat([delimited(1, Buffer.from('k')), delimited(2, value)]);
    const body = delimited(1, delimited(2, delimited(2, concat([delimited(9, kv)]))));
    expectSameAsProtobufjs(body);
    expect(decodedWith(readExportTraceRequest, body)).toEqual({
      refusedAsProtobuf: 'max depth exceeded',
    });
  });
});
