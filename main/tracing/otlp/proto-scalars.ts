import type { LongLike } from './otlp-proto-schema';

/** Scalars of decoded protobuf messages as ingest reads them: times, ints, ids. */

const TWO_32 = 4294967296;

function longToNumber(value: LongLike | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const low = value.low >>> 0;
  const high = value.unsigned ? value.high >>> 0 : value.high;
  return high * TWO_32 + low;
}

/** 2^32 / 1000 split into whole and remainder, to divide a fixed64 by 1000 in two parts. */
const TWO_32_THOUSANDS = 4294967;
const TWO_32_REMAINDER = 296;

/**
 * Unix nanoseconds as milliseconds, exact to the microsecond: nanoseconds pass 2^53, and a float
 * division could land just under a whole millisecond (and the ISO time a millisecond early).
 * The microseconds are whole in doubles until 2^53 (the year 2255): below that they are summed
 * from the two 32-bit halves exactly, without a BigInt (three per span made a tenth of decode).
 */
export function nanosToMs(value: LongLike | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return Math.round(value / 1000) / 1000;
  const high = value.high >>> 0;
  const low = value.low >>> 0;
  // high * 2^32 + low = 1000 * (high * 4294967) + (high * 296 + low); the second part < 2^41.
  const micros = high * TWO_32_THOUSANDS + Math.floor((high * TWO_32_REMAINDER + low) / 1000);
  if (micros <= Number.MAX_SAFE_INTEGER) return micros / 1000;
  const nanos = (BigInt(high) << 32n) | BigInt(low);
  return Number(nanos / 1000n) / 1000;
}

/** An int64 attribute: a number while exact, else its decimal text. */
export function longValue(value: LongLike): number | string {
  if (typeof value === 'number') return value;
  const n = longToNumber(value);
  if (Number.isSafeInteger(n)) return n;
  const big = (BigInt(value.high) << 32n) | BigInt(value.low >>> 0);
  return BigInt.asIntN(64, big).toString();
}

const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Ids (8 or 16 bytes) as hex from a table: a Buffer view per id cost more than its text. */
export function hex(bytes: Uint8Array | undefined): string {
  if (!bytes) return '';
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_BYTE[bytes[i]!];
  return out;
}
