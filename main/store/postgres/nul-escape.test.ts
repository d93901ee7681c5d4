import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeNul, unescapeNul } from './nul-escape';

// Strings rich in the two characters the escape is about.
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\uffff', '0', '1', 'a'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('the U+0000 escape for PostgreSQL text', () => {
  it('round-trips every string and leaves no U+0000 for Postgres to refuse', () => {
    fc.assert(
      fc.property(text, (s) => {
        const stored = escapeNul(s);
        expect(stored.includes('\u0000')).toBe(false);
        expect(unescapeNul(stored)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('is injective: two different strings never store alike', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        fc.pre(a !== b);
        expect(escapeNul(a)).not.toBe(escapeNul(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves strings without either character untouched (the common case costs a test)', () => {
    expect(escapeNul('plain text, ünïcödé, 🙂')).toBe('plain text, ünïcödé, 🙂');
    expect(escapeNul('a\u0000b\uffffc')).toBe('a\uffff0b\uffff1c');
  });
});
