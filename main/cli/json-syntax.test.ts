import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** JSON-ish text: fragments that make valid JSON, and the mistakes people make with them. */
const jsonish = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      '\n',
      '"a"',
      '"b\\n"',
      '"\\u00e9"',
      '"\\x"',
      '"\t"',
      '"',
      '1',
      '-0.5e3',
      '01',
      '-',
      '1.',
      'true',
      'nul',
      'null',
      "'a'",
      '\\',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('findJsonSyntaxError', () => {
  it('finds no error in any valid JSON, at any depth', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), (text) => {
        expect(findJsonSyntaxError(text)).toBeNull();
      }),
    );
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(findJsonSyntaxError(deep)).toBeNull();
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string(), fc.json()), (text) => {
        const error = findJsonSyntaxError(text);
        expect(error === null).toBe(parses(text));
        if (error) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with JSON.parse on valid JSON with one character changed', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', ' '),
        (text, n, replacement) => {
          const at = n % (text.length + 1);
          const changed = text.slice(0, at) + replacement + text.slice(at + 1);
          expect(findJsonSyntaxError(changed) === null).toBe(parses(changed));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('points at the mistake and says what was expected', () => {
    const text = '{\n  "vars": {"q": "hi"},\n  "matchers": [{"type": "contains" "value": "x"}]\n}';
    const error = findJsonSyntaxError(text)!;
    expect(lineAndColumn(text, error.offset)).toEqual({ line: 3, column: 36 });
    expect(error.reason).toBe('expected "," or "}"');
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({
      offset: 8,
      reason: 'expected a property name in double quotes',
    });
    expect(findJsonSyntaxError('[1, 2')).toEqual({ offset: 5, reason: 'the JSON ends too early' });
    expect(findJsonSyntaxError('{"a": "tab\there"}')?.reason).toContain('control character');
    expect(findJsonSyntaxError('{} {}')?.reason).toBe('unexpected text after the JSON');
  });
});
