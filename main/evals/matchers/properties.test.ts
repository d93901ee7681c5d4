import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchResult, MatcherSpec } from '../types';
import { parseMatcherSpec, runMatcher } from './registry';
import { subject } from './test-support';

/**
 * Properties over random inputs. Every deterministic matcher (and the service-backed ones with
 * stub services) must return a well-formed result for any output text: the runner relies on
 * matchers never throwing.
 */
const SPECS: (Record<string, unknown> & { type: string })[] = [
  { type: 'exact', value: 'abc' },
  { type: 'exact', trim: true, ignoreCase: true },
  { type: 'contains', values: ['a', '{', 'é'], mode: 'any' },
  { type: 'icontains', value: 'ß' },
  { type: 'starts-with', value: ' ', trimStart: true },
  { type: 'regex', pattern: '^(\\w+)\\s*[:=]', flags: 'mu' },
  { type: 'is-json', schema: { type: 'object', required: ['a'] } },
  { type: 'contains-json' },
  { type: 'json-structure', required: ['a.b', 'items[0]'] },
  { type: 'equals-json', value: { a: [1, 'x'] } },
  { type: 'field-accuracy', expected: { a: 1, b: 'x' }, normalize: { trim: true } },
  { type: 'levenshtein', value: 'hello world' },
  { type: 'levenshtein', maxDistance: 3 },
  { type: 'classification', labels: ['yes', 'no'], value: 'yes' },
  { type: 'cost', maxUsd: 0.01 },
  { type: 'latency', maxMs: 50 },
  { type: 'similarity', value: 'x' },
  { type: 'llm-judge', rubric: 'r', provider: 'openai', model: 'm', scale: [10, 5, 0] },
];

const ctx = {
  embed: (texts: readonly string[]) =>
    Promise.resolve({
      vectors: texts.map((t) => [t.length % 7, 1, (t.charCodeAt(0) || 0) % 5]),
      costPicoUsd: 1,
    }),
  // The judge echoes the output back: any text, including JSON-looking text, reaches the parser.
  judge: (r: { user: string }) =>
    Promise.resolve({ text: r.user.slice(r.user.indexOf('<output>')), costPicoUsd: null }),
};

function wellFormed(r: MatchResult): void {
  expect(typeof r.pass).toBe('boolean');
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(1);
  expect(r.reason.length).toBeGreaterThan(0);
}

const outputText = fc.oneof(
  fc.string(),
  fc.json(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '{', '[[', '```json\n{"a":1}\n```'),
);

describe('matcher properties', () => {
  it('uses only valid specs', () => {
    for (const spec of SPECS)
      expect(parseMatcherSpec(spec), JSON.stringify(spec)).toMatchObject({ ok: true });
  });

  it('every matcher returns a well-formed result for any output', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SPECS),
        outputText,
        fc.option(fc.json()),
        fc.boolean(),
        async (spec, text, expected, not) => {
          const over = {
            expected: expected ?? undefined,
            latencyMs: text.length,
            costPicoUsd: text.length % 3 === 0 ? null : text.length * 1e6,
          };
          wellFormed(await runMatcher({ ...spec, not }, subject(text, over), ctx));
        },
      ),
      { numRuns: 600 },
    );
  });

  // `{{name}}` and `\{{` in expected values are template syntax (see renderValue in
  // core/reason-format.ts).
  const literal = (s: fc.Arbitrary<string>) => s.filter((v) => !v.includes('{{'));

  it('exact passes exactly when the strings are equal', async () => {
    await fc.assert(
      fc.asyncProperty(
        literal(fc.string()),
        fc.string(),
        fc.boolean(),
        async (value, other, same) => {
          // Half the time the output is the value itself: equal pairs must occur, not only by luck.
          const text = same ? value : other;
          const r = await runMatcher({ type: 'exact', value }, subject(text));
          expect(r.pass).toBe(text === value);
        },
      ),
    );
  });

  it('contains agrees with String.includes (and with lower-casing under ignoreCase)', async () => {
    await fc.assert(
      fc.asyncProperty(
        literal(fc.string({ minLength: 1 })),
        fc.string(),
        fc.boolean(),
        async (value, text, ignoreCase) => {
          // Derive some texts that do contain the value, not only random ones.
          const haystack = text.length % 2 === 0 ? `${text}${value}${text}` : text;
          const r = await runMatcher({ type: 'contains', value, ignoreCase }, subject(haystack));
          const expected = ignoreCase
            ? haystack.toLowerCase().includes(value.toLowerCase())
            : haystack.includes(value);
          expect(r.pass).toBe(expected);
        },
      ),
    );
  });

  it('regex agrees with RegExp.test', async () => {
    const patterns = fc.constantFrom(
      'a+',
      '^\\s*$',
      '\\d{2,}',
      '(foo|bar)baz',
      '[^a-z]',
      '.',
      '^$',
      'x*?y',
      '\\bword\\b',
    );
    const flags = fc.constantFrom('', 'i', 'g', 'm', 'gi', 's', 'u', 'y');
    await fc.assert(
      fc.asyncProperty(patterns, flags, fc.string(), async (pattern, f, text) => {
        const r = await runMatcher({ type: 'regex', pattern, flags: f }, subject(text));
        expect(r.pass).toBe(new RegExp(pattern, f).test(text));
      }),
    );
  });

  it('not inverts pass for binary matchers', async () => {
    const binary = SPECS.filter((s) =>
      [
        'exact',
        'starts-with',
        'regex',
        'is-json',
        'equals-json',
        'classification',
        'latency',
      ].includes(String(s.type)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...binary), outputText, async (spec, text) => {
        const over = { expected: 'abc', latencyMs: text.length };
        const plain = await runMatcher({ ...spec }, subject(text, over));
        const negated = await runMatcher({ ...spec, not: true }, subject(text, over));
        expect(negated.pass).toBe(!plain.pass);
        expect(negated.score).toBe(1 - plain.score);
      }),
    );
  });

  it('parseMatcherSpec never throws on arbitrary JSON and returns issues with paths', () => {
    const types = fc.constantFrom(
      'exact',
      'contains',
      'regex',
      'is-json',
      'json-structure',
      'field-accuracy',
      'llm-judge',
      'javascript',
      'levenshtein',
      'not-contains',
      'bogus',
    );
    const shaped = fc
      .record({ type: types }, { requiredKeys: [] })
      .chain((base) =>
        fc
          .dictionary(
            fc.constantFrom(
              'value',
              'values',
              'pattern',
              'flags',
              'schema',
              'required',
              'fields',
              'expected',
              'scale',
              'weight',
              'threshold',
              'not',
              'rubric',
              'code',
              'labels',
              'x',
            ),
            fc.jsonValue(),
          )
          .map((rest) => ({ ...rest, ...base })),
      );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped), (raw) => {
        const parsed = parseMatcherSpec(raw);
        if (!parsed.ok) {
          expect(parsed.issues.length).toBeGreaterThan(0);
          for (const issue of parsed.issues) {
            expect(typeof issue.path).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validation cached by a spec’s text', () => {
  it('gives every spec the verdict of its own fields, whatever spec came before with the same text', async () => {
    // Values that JSON prints alike must not share a verdict through the cache: NaN, ±Infinity
    // and null all print null, undefined prints nothing, a Date prints as its ISO string (which
    // is valid JSON to compare with, where the Date is not) and a Map as {}.
    const value = fc.oneof(
      fc.constantFrom(NaN, Infinity, -Infinity, null, undefined, 0, 0.5, 1, -1, 'x', 100),
    );
    const spec = fc.oneof(
      fc.record({ type: fc.constant('cost'), maxUsd: value }),
      fc.record({ type: fc.constant('latency'), maxMs: value }),
      fc.record({ type: fc.constant('levenshtein'), value: fc.constant('abc'), threshold: value }),
      fc.record({ type: fc.constant('exact'), value: fc.constant('abc'), weight: value }),
      fc.record({
        type: fc.constant('equals-json'),
        value: fc.constantFrom<unknown>(new Date(0), new Date(0).toISOString(), new Map(), {}),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 2, maxLength: 8 }), async (specs) => {
        for (const s of specs) {
          const fresh = parseMatcherSpec(s);
          const result = await runMatcher(
            structuredClone(s) as MatcherSpec,
            subject('abc', { costPicoUsd: 1 }),
          );
          if (fresh.ok) expect(result.reason).not.toMatch(/^invalid /);
          else {
            expect(result.reason).toMatch(new RegExp(`^invalid ${s.type} matcher`));
            // The message of this spec's own problem, not one of a spec that printed the same.
            expect(result.reason).toContain(fresh.issues[0]!.message);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
