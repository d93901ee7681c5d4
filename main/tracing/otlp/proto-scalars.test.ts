import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hex, nanosToMs } from './proto-scalars';

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
