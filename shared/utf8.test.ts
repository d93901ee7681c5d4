import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8Byte, invalidUtf8Message } from './utf8';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Independent oracle: the longest prefix the platform's fatal decoder accepts ends at the bad byte. */
function longestValidPrefix(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (let k = bytes.length; k >= 0; k--) {
    try {
      decoder.decode(bytes.subarray(0, k));
      return k;
    } catch {
      // a shorter prefix may still be valid
    }
  }
  return 0;
}

const byteIn = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const cont = byteIn(0x80, 0xbf);

/** Byte sequences that are never valid UTF-8 where they stand (followed by a valid text). */
const invalidSequence: fc.Arbitrary<number[]> = fc.oneof(
  // a continuation byte with no lead
  cont.map((b) => [b]),
  // bytes that never appear in UTF-8
  fc.constantFrom(0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff).map((b) => [b]),
  // a lead byte cut short (the next byte of the valid suffix is never a continuation)
  byteIn(0xc2, 0xdf).map((b) => [b]),
  fc.tuple(byteIn(0xe1, 0xec), cont).map((s) => s),
  fc.tuple(byteIn(0xf1, 0xf3), cont, cont).map((s) => s),
  // overlong three-byte form, UTF-16 surrogate, beyond U+10FFFF
  fc.tuple(fc.constant(0xe0), byteIn(0x80, 0x9f), cont).map((s) => s),
  fc.tuple(fc.constant(0xed), byteIn(0xa0, 0xbf), cont).map((s) => s),
  fc.tuple(fc.constant(0xf4), byteIn(0x90, 0xbf), cont, cont).map((s) => s),
);

describe('decodeUtf8', () => {
  it('round-trips any valid UTF-8 text, line breaks and astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        // A leading U+FEFF is a byte order mark by convention, and is dropped.
        expect(decodeUtf8(encode(text))).toEqual({ ok: true, text: text.replace(/^\uFEFF/, '') });
      }),
      { numRuns: 500 },
    );
    expect(decodeUtf8(encode('\uFEFFa\uFEFF'))).toEqual({ ok: true, text: 'a\uFEFF' });
  });

  it('accepts and drops a leading byte order mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
        const withBom = concat(new Uint8Array([0xef, 0xbb, 0xbf]), encode(text));
        expect(decodeUtf8(withBom)).toEqual({ ok: true, text });
      }),
    );
  });

  it('reports an invalid sequence at the byte where it starts, with its line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        invalidSequence,
        fc.string({ unit: 'binary', maxLength: 50 }),
        (before, bad, after) => {
          const prefix = encode(before);
          const bytes = concat(prefix, new Uint8Array(bad), encode(after));
          const line = before.split('\n').length;
          expect(decodeUtf8(bytes)).toEqual({ ok: false, offset: prefix.length, line });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with the platform decoder on arbitrary bytes, and names the same first bad byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const outcome = decodeUtf8(bytes);
        const valid = longestValidPrefix(bytes) === bytes.length;
        expect(outcome.ok).toBe(valid);
        expect(firstInvalidUtf8Byte(bytes)).toBe(valid ? -1 : longestValidPrefix(bytes));
        if (!outcome.ok) expect(outcome.offset).toBe(longestValidPrefix(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('words the refusal as FILE:LINE: invalid UTF-8 at byte N', () => {
    const bytes = concat(encode('name: café\nquestion: '), new Uint8Array([0xe9]), encode('t\n'));
    const outcome = decodeUtf8(bytes);
    expect(outcome).toEqual({ ok: false, offset: 22, line: 2 });
    if (outcome.ok) return;
    expect(invalidUtf8Message('cases.yaml', outcome)).toBe(
      'cases.yaml:2: invalid UTF-8 at byte 22 (save the file as UTF-8)',
    );
  });
});
