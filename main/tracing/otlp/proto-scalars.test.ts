import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportTraceRequestType, type PbAnyValue } from './otlp-proto-schema';
import { anyValueMember, hex, nanosToMs } from './proto-scalars';

/** The straightforward versions the fast ones must agree with. */
function nanosToMsByBigInt(value: { low: number; high: number }): number {
  const nanos = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return Number(nanos / 1000n) / 1000;
}
const hexByBuffer = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

const asLong = (nanos: bigint) => ({
  low: Number(BigInt.asIntN(32, nanos)),
  high: Number(BigInt.asIntN(32, nanos >> 32n)),
});

describe('nanosToMs', () => {
  it('agrees with BigInt division on any fixed64, now-ish times and far ones alike', () => {
    const now = BigInt(Date.now()) * 1_000_000n;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
          fc.bigInt({ min: now - 10n ** 15n, max: now + 10n ** 15n }),
          // Around the exact path's limit (2^53 microseconds).
          fc.bigInt({ min: 2n ** 53n * 1000n - 10n ** 6n, max: 2n ** 53n * 1000n + 10n ** 6n }),
        ),
        (nanos) => {
          const long = asLong(nanos);
          expect(nanosToMs(long)).toBe(nanosToMsByBigInt(long));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads an unsigned Long as its bits', () => {
    const nanos = 1_733_550_000_123_456_789n;
    expect(nanosToMs({ ...asLong(nanos), unsigned: true })).toBe(1_733_550_000_123.456);
  });
});

describe('hex', () => {
  it('is the bytes in lowercase hex, as Buffer writes them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.nat(8), (bytes, offset) => {
        const view = new Uint8Array(bytes.length + offset);
        view.set(bytes, offset);
        const sub = view.subarray(offset);
        expect(hex(sub)).toBe(hexByBuffer(sub));
      }),
    );
    expect(hex(undefined)).toBe('');
  });
});

const anyValueType = exportTraceRequestType.root.lookupType('otlp.AnyValue');
const member = fc.oneof(
  fc.string().map((stringValue) => ({ stringValue })),
  fc.boolean().map((boolValue) => ({ boolValue })),
  fc.integer().map((intValue) => ({ intValue })),
  fc.double().map((doubleValue) => ({ doubleValue })),
  fc.constant({ arrayValue: { values: [{ stringValue: 'a' }] } }),
  fc.constant({ kvlistValue: { values: [{ key: 'k', value: { intValue: 1 } }] } }),
  fc.uint8Array({ maxLength: 8 }).map((bytesValue) => ({ bytesValue })),
);

describe('anyValueMember', () => {
  it("names the member protobufjs's oneof getter names, when the wire repeats members", () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 5 }), (members) => {
        // A message's fields concatenated: a later oneof member replaces an earlier one.
        const bytes = Buffer.concat(
          members.map((m) => anyValueType.encode(anyValueType.fromObject(m)).finish()),
        );
        const decoded = anyValueType.decode(bytes) as unknown as PbAnyValue;
        expect(anyValueMember(decoded)).toBe(decoded.value);
      }),
      { numRuns: 2000 },
    );
  });
});
