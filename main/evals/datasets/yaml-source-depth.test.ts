import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../kit/nesting-depth';
import { readYaml } from './yaml-source';

/** Ways YAML nests, each as text holding `n` collections inside one another (plus `wrap` more). */
const FORMS: Record<string, { wrap: number; text: (n: number) => string; huge?: number }> = {
  'flow sequences': { wrap: 0, text: (n) => `${'['.repeat(n)}${']'.repeat(n)}\n` },
  'flow maps': { wrap: 1, text: (n) => `a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n` },
  'compact block sequences': { wrap: 1, text: (n) => `a:\n  ${'- '.repeat(n)}x\n` },
  'indented block maps': {
    wrap: 0,
    // n levels of indentation take n² characters: 3,000 levels are 4.5 MB.
    huge: 3_000,
    text: (n) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
  },
  // A tab sends the text past js-yaml, straight to the `yaml` library.
  'flow sequences after a tab': { wrap: 1, text: (n) => `a:\t${'['.repeat(n)}${']'.repeat(n)}\n` },
  'explicit keys': { wrap: 0, text: (n) => `${'? '.repeat(n)}x\n` },
};

const LIMIT_WORDS = `nests more than ${MAX_NESTING_DEPTH} levels deep`;

describe('readYaml and nesting depth', () => {
  it.each(Object.entries(FORMS))(
    'refuses %s 100,000 deep with a coded problem naming the line and the limit',
    (_name, form) => {
      const read = readYaml(form.text(form.huge ?? 100_000));
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]!.message).toContain(LIMIT_WORDS);
      expect(read.problems[0]!.message).not.toMatch(/call stack/i);
      expect(read.problems[0]!.line).toBeGreaterThanOrEqual(1);
    },
  );

  it('stops reading at the limit: 20 MB of brackets is refused at once, not parsed for minutes', () => {
    const started = performance.now();
    const read = readYaml(`a: ${'['.repeat(20 * 1024 * 1024)}`);
    expect(read.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('names the line of the first collection past the limit', () => {
    const text = `name: deep\ntest_cases:\n  - vars: { q: x }\n    expected:\n${'      - '.repeat(1)}${'['.repeat(200)}${']'.repeat(200)}\n`;
    const read = readYaml(text);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problems[0]).toMatchObject({
        line: 5,
        message: expect.stringContaining(LIMIT_WORDS),
      });
  });

  it('accepts every form up to the limit and refuses it from one level more', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(FORMS)),
        fc.integer({ min: 1, max: MAX_NESTING_DEPTH + 40 }),
        (form, n) => {
          const read = readYaml(form.text(n));
          expect({ n, wrap: form.wrap, ok: read.ok }).toEqual({
            n,
            wrap: form.wrap,
            ok: n + form.wrap <= MAX_NESTING_DEPTH,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses aliases that nest a value past the limit, a cycle included', () => {
    const cycle = readYaml('test_cases: &a\n  - *a\n');
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.problems[0]!.message).toContain(LIMIT_WORDS);
    // 60 levels aliased inside 60 levels: each text is shallow, the value is 120 deep.
    const sixty = (inner: string) => `${'['.repeat(60)}${inner}${']'.repeat(60)}`;
    const deep = readYaml(`a: &x ${sixty('1')}\nb: ${sixty('*x')}\n`);
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.problems[0]!.message).toContain(LIMIT_WORDS);
  });
});
