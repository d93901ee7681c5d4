import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parse, parseDocument, stringify } from 'yaml';
import { readYaml } from './yaml-source';

/** What the `yaml` library alone makes of a text: the reference the fast path must match. */
const reference = (text: string): unknown =>
  parse(text, { uniqueKeys: true, maxAliasCount: 100, logLevel: 'error' });

const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.constantFrom('yes', 'on', '0o17', '0x1F', '0b101', '1_000', '.inf', '2001-12-14', '~', '<<'),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('readYaml', () => {
  it('reads any value the same as the yaml library, in block and flow style', () => {
    fc.assert(
      fc.property(value, fc.boolean(), (v, flow) => {
        const text = stringify(v, { collectionStyle: flow ? 'flow' : 'block', lineWidth: 0 });
        const read = readYaml(text);
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.source.value).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly what the yaml library accepts, with the same value', () => {
    const accepts = (text: string): { ok: true; value: unknown } | { ok: false } => {
      try {
        return { ok: true, value: reference(text) ?? null };
      } catch {
        return { ok: false };
      }
    };
    fc.assert(
      fc.property(
        fc.constantFrom('', 'a: ', 'a:\n  ', '- ', 'k:\n  - ', 'x: 1\n'),
        fc.string({ unit: fc.constantFrom(...'ab0: -[]{},&*!|>"\'#\n\t ?~.%\\'.split('')) }),
        (prefix, rest) => {
          const text = prefix + rest;
          const read = readYaml(text);
          const expected = accepts(text);
          expect(read.ok).toBe(expected.ok);
          if (read.ok && expected.ok) expect(read.source.value).toEqual(expected.value);
          if (!read.ok) expect(read.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds lines on demand', () => {
    const read = readYaml('name: x\ntest_cases:\n  - input: a\n  - input: b\n    expected: c\n');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.source.lineOf(['test_cases', 1, 'expected'])).toBe(5);
    expect(read.source.lineOf(['test_cases', 1, 'missing'])).toBe(4);
    expect(read.source.lineOf([])).toBe(1);
  });

  it('finds the line of every top-level key as a full parse does', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), value, { maxKeys: 6 }), (v) => {
        const text = stringify(v, { lineWidth: 0 });
        const read = readYaml(text);
        if (!read.ok) return;
        const lines = new LineCounter();
        const doc = parseDocument(text, { lineCounter: lines });
        if (!isMap(doc.contents)) return;
        for (const pair of doc.contents.items) {
          if (!isScalar(pair.key) || !pair.key.range) continue;
          const expected = lines.linePos(pair.key.range[0]).line;
          expect(read.source.lineOf([String(pair.key.value)])).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads aliases through the yaml library, and refuses a billion laughs', () => {
    const aliased = readYaml('base: &b { k: 1 }\nuse: *b\n');
    expect(aliased.ok && aliased.source.value).toEqual({ base: { k: 1 }, use: { k: 1 } });
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = readYaml(levels.join('\n'));
    expect(bomb.ok).toBe(false);
  });

  it('reports a duplicate key with its line, and keeps __proto__ a plain key', () => {
    const dup = readYaml('a: 1\nb: 2\na: 3\n');
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.problems[0]!.line).toBe(3);
    const proto = readYaml('__proto__: { polluted: true }\n');
    expect(proto.ok).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    if (proto.ok) expect(Object.hasOwn(proto.source.value as object, '__proto__')).toBe(true);
  });
});
