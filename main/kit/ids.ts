import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * UUIDv7 ids (time-ordered, so primary-key inserts append to the index), made by the uuid
 * package from random bytes drawn in batches: uuid's own v7 asks WebCrypto for 16 bytes per id,
 * which was ~10x slower, and an eval run makes three ids per case. Ids made in the same
 * millisecond count up (RFC 9562 method 1, as uuid does), so they sort in creation order.
 */
const POOL_BYTES = 16 * 512;
const pool = new Uint8Array(POOL_BYTES);
let offset = POOL_BYTES;
let lastMs = -Infinity;
let seq = 0;

export function newId(): string {
  if (offset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, (offset += 16));
  const now = Date.now();
  if (now > lastMs) {
    // A fresh millisecond starts the counter at a random 31-bit value, as uuid does.
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    lastMs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return v7({ msecs: lastMs, seq, random });
}
