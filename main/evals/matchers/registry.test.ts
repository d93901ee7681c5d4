import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../types';
import {
  MATCHER_ALIASES,
  MATCHER_TYPES,
  parseMatcherSpec,
  runMatcher,
  scoreCase,
} from './registry';
import { run, subject } from './test-support';

function issuesOf(raw: unknown) {
  const parsed = parseMatcherSpec(raw);
  if (parsed.ok) throw new Error(`expected issues for ${JSON.stringify(raw)}`);
  return parsed.issues;
}

describe('parseMatcherSpec', () => {
  it('lists every matcher type and alias', () => {
    expect(MATCHER_TYPES).toEqual([
      'exact',
      'contains',
      'starts-with',
      'regex',
      'is-json',
      'json-structure',
      'equals-json',
      'field-accuracy',
      'levenshtein',
      'similarity',
      'classification',
      'cost',
      'latency',
      'llm-judge',
      'javascript',
      'unmapped',
    ]);
    expect(MATCHER_ALIASES).toMatchObject({
      equals: 'exact',
      icontains: 'contains',
      'llm-rubric': 'llm-judge',
      similar: 'similarity',
      classifier: 'classification',
      'contains-json': 'is-json',
    });
  });

  it('fills defaults and resolves aliases and not- prefixes to the canonical type', () => {
    expect(parseMatcherSpec({ type: 'exact', value: 'x' })).toEqual({
      ok: true,
      spec: { type: 'exact', value: 'x', weight: 1, not: false, trim: false, ignoreCase: false },
    });
    expect(parseMatcherSpec({ type: 'not-icontains', value: 'x', weight: 2 })).toMatchObject({
      ok: true,
      spec: { type: 'contains', ignoreCase: true, not: true, weight: 2 },
    });
    expect(parseMatcherSpec({ type: 'contains-any', values: ['a', 'b'] })).toMatchObject({
      ok: true,
      spec: { mode: 'any' },
    });
  });

  it('rejects unknown types on `type`, listing known ones and the nearest', () => {
    const [issue] = issuesOf({ type: 'contians', value: 'x' });
    expect(issue?.path).toBe('type');
    expect(issue?.message).toContain('unknown matcher type "contians"');
    expect(issue?.message).toContain('did you mean "contains"?');
    expect(issue?.message).toContain('known types: exact, contains,');
    expect(issuesOf({ value: 'x' })).toEqual([
      { path: 'type', message: expect.stringContaining('type is required') },
    ]);
  });

  it('rejects non-objects at the root', () => {
    for (const raw of [null, 'exact', 3, [], undefined]) {
      expect(issuesOf(raw)).toEqual([
        { path: '', message: 'a matcher must be an object with a type' },
      ]);
    }
  });

  it('rejects bad regexes on `pattern` with the engine message, bad flags on `flags`', () => {
    expect(issuesOf({ type: 'regex', pattern: '(unclosed' })).toEqual([
      { path: 'pattern', message: 'Invalid regular expression: /(unclosed/: Unterminated group' },
    ]);
    expect(issuesOf({ type: 'regex', pattern: 'a', flags: 'q' })[0]?.path).toBe('flags');
    // V8's linear-engine flag is allowed in this process (text/regex-cache.ts), but not in specs.
    expect(issuesOf({ type: 'regex', pattern: 'a', flags: 'l' })).toEqual([
      { path: 'flags', message: 'flags may hold d, g, i, m, s, u, v and y' },
    ]);
  });

  it('rejects malformed JSON Schemas on `schema` with the ajv message', () => {
    const [typo] = issuesOf({ type: 'is-json', schema: { type: 'object', requried: ['a'] } });
    expect(typo).toEqual({
      path: 'schema',
      message: 'invalid JSON Schema: strict mode: unknown keyword: "requried"',
    });
    const [badType] = issuesOf({ type: 'json-structure', schema: { type: 'strnig' } });
    expect(badType?.path).toBe('schema');
    expect(badType?.message).toMatch(/^invalid JSON Schema: schema is invalid: data\/type/);
    expect(issuesOf({ type: 'is-json', schema: 'object' })[0]?.path).toBe('schema');
  });

  it('rejects negative weights and out-of-range thresholds, naming the field', () => {
    expect(issuesOf({ type: 'contains', value: 'a', weight: -1 })).toEqual([
      { path: 'weight', message: 'weight must be 0 or more (got -1)' },
    ]);
    expect(issuesOf({ type: 'contains', value: 'a', threshold: 1.5 })).toEqual([
      { path: 'threshold', message: 'threshold must be from 0 to 1 (got 1.5)' },
    ]);
    expect(issuesOf({ type: 'contains', value: 'a', weight: 'heavy' })[0]?.path).toBe('weight');
  });

  it('refuses threshold on pass/fail matchers', () => {
    expect(issuesOf({ type: 'exact', value: 'a', threshold: 0.5 })).toEqual([
      { path: 'threshold', message: 'exact is pass/fail, so threshold has no effect; remove it' },
    ]);
  });

  it('reports unknown fields one by one, at the field', () => {
    const issues = issuesOf({ type: 'regex', patern: 'a', pattern: 'b', colour: 1 });
    expect(issues.map((i) => i.path)).toEqual(['patern', 'colour']);
    expect(issues[0]?.message).toContain('unknown field "patern" for matcher regex; known fields:');
  });

  it('rejects bad rubric scales at the level', () => {
    expect(issuesOf({ type: 'llm-judge', rubric: 'r', scale: [100, 50, 100] })).toEqual([
      { path: 'scale.2', message: 'grade 100 appears twice' },
    ]);
    expect(issuesOf({ type: 'llm-judge', rubric: 'r', scale: [100] })[0]).toEqual({
      path: 'scale',
      message: 'a graded scale needs at least 2 levels',
    });
    expect(issuesOf({ type: 'llm-judge', rubric: 'r', scale: 'five-stars' })[0]?.path).toBe(
      'scale',
    );
    expect(
      issuesOf({ type: 'llm-judge', rubric: 'r', scale: [100, { grade: 'high' }] })[0]?.path,
    ).toBe('scale.1.grade');
    expect(issuesOf({ type: 'llm-judge', rubric: '' })[0]).toEqual({
      path: 'rubric',
      message: 'rubric must not be empty',
    });
    expect(issuesOf({ type: 'llm-judge', rubric: 'r', provider: 'openai' })[0]?.path).toBe('model');
  });

  it('checks matcher-specific rules', () => {
    expect(issuesOf({ type: 'contains' })[0]?.path).toBe('value');
    expect(issuesOf({ type: 'contains', value: 'a', values: ['b'] })[0]?.message).toContain(
      'not both',
    );
    expect(issuesOf({ type: 'contains', values: [] })[0]).toEqual({
      path: 'values',
      message: 'values must not be empty',
    });
    expect(
      issuesOf({ type: 'levenshtein', value: 'a', maxDistance: 2, threshold: 0.5 })[0]?.path,
    ).toBe('maxDistance');
    expect(issuesOf({ type: 'levenshtein', value: 'a', maxDistance: 1.5 })[0]?.path).toBe(
      'maxDistance',
    );
    expect(
      issuesOf({ type: 'classification', value: 'maybe', labels: ['yes', 'no'] })[0]?.path,
    ).toBe('value');
    expect(issuesOf({ type: 'classification', labels: ['yes', 'Yes '] })[0]?.path).toBe('labels.1');
    expect(issuesOf({ type: 'json-structure', required: ['a..b'] })[0]?.path).toBe('required.0');
    expect(issuesOf({ type: 'json-structure' })[0]?.path).toBe('required');
    expect(issuesOf({ type: 'field-accuracy', expected: { a: 1 }, fields: ['b'] })).toEqual([
      { path: 'fields.0', message: 'field "b" is not in expected' },
    ]);
    expect(
      issuesOf({ type: 'field-accuracy', fields: [{ path: 'a', trim: 'yes' }] })[0]?.path,
    ).toBe('fields.0.trim');
    expect(issuesOf({ type: 'cost', maxUsd: -1 })[0]?.path).toBe('maxUsd');
    expect(issuesOf({ type: 'latency' })[0]?.path).toBe('maxMs');
    expect(issuesOf({ type: 'javascript', code: 'true', timeoutMs: 0 })[0]?.path).toBe('timeoutMs');
    expect(issuesOf({ type: 'equals-json', value: Number.NaN })[0]?.path).toBe('value');
  });
});

describe('runMatcher', () => {
  it('applies not: pass inverted, score 1 − score, reason prefixed', async () => {
    const plain = await run({ type: 'contains', values: ['a', 'b', 'c', 'd'] }, 'a b c');
    expect(plain).toMatchObject({ pass: false, score: 0.75 });
    const negated = await run(
      { type: 'contains', values: ['a', 'b', 'c', 'd'], not: true },
      'a b c',
    );
    expect(negated.pass).toBe(true);
    expect(negated.score).toBeCloseTo(0.25);
    expect(negated.reason).toBe(`NOT: ${plain.reason}`);
  });

  it('applies the threshold to graded matchers and says so in the reason', async () => {
    const strict = await run({ type: 'contains', values: ['a', 'b', 'z'] }, 'a b');
    expect(strict.pass).toBe(false);
    expect(strict.reason).toContain('(score 0.667 < threshold 1)');
    const lenient = await run({ type: 'contains', values: ['a', 'b', 'z'], threshold: 0.6 }, 'a b');
    expect(lenient.pass).toBe(true);
    expect(lenient.reason).toContain('(score 0.667 ≥ threshold 0.6)');
  });

  it('does not let not flip a result the matcher could not judge', async () => {
    const r = await run({ type: 'similarity', value: 'x', not: true }, 'y');
    expect(r).toMatchObject({
      pass: false,
      score: 0,
      reason: 'no embedding model configured: similarity needs one',
      unscored: true,
    });
  });

  it('turns an invalid spec into a failing result naming the field', async () => {
    const r = await runMatcher({ type: 'regex', pattern: '[' }, subject('x'));
    expect(r.pass).toBe(false);
    expect(r.reason).toMatch(/^invalid regex matcher: pattern: Invalid regular expression/);
  });

  it('turns a crash into a failing result naming the error', async () => {
    const r = await run(
      { type: 'similarity', value: 'x' },
      'y',
      {},
      {
        embed: () => Promise.reject(new Error('connection refused')),
      },
    );
    expect(r).toEqual({
      pass: false,
      score: 0,
      reason: 'similarity matcher failed: connection refused',
      unscored: true,
    });
  });

  it('reuses the parse of a spec object', async () => {
    const spec = { type: 'exact', value: 'x' };
    await runMatcher(spec, subject('x'));
    // Mutating a frozen-by-convention spec is not supported; the cached parse is used.
    (spec as Record<string, unknown>).value = 'y';
    expect((await runMatcher(spec, subject('x'))).pass).toBe(true);
  });
});

describe('scoreCase', () => {
  const result = (pass: boolean, score: number, costPicoUsd?: number): MatchResult => ({
    pass,
    score,
    reason: '',
    ...(costPicoUsd === undefined ? {} : { costPicoUsd }),
  });

  const cannot: MatchResult = { pass: false, score: 0, reason: 'no judge', unscored: true };

  it('takes the weighted mean and passes only when every matcher passed', () => {
    const specs = [
      { type: 'exact', weight: 3 },
      { type: 'contains' },
      { type: 'llm-judge', weight: 0 },
    ];
    const all = scoreCase([result(true, 1), result(true, 0.5), result(true, 0, 7)], specs);
    expect(all).toEqual({
      status: 'pass',
      score: 3.5 / 4,
      failed: [],
      unscored: [],
      judgeCostPicoUsd: 7,
    });
    const some = scoreCase([result(true, 1), result(false, 0), result(true, 1)], specs);
    expect(some).toEqual({
      status: 'fail',
      score: 0.75,
      failed: [1],
      unscored: [],
      judgeCostPicoUsd: 0,
    });
  });

  it('leaves a case with no matchers unscored: nothing judged it, so it is no pass', () => {
    expect(scoreCase([], [])).toEqual({
      status: 'unscored',
      score: null,
      failed: [],
      unscored: [],
      judgeCostPicoUsd: 0,
    });
    // All-zero weights still judge: the verdict stands, the score is 1.
    expect(scoreCase([result(false, 0)], [{ type: 'exact', weight: 0 }])).toMatchObject({
      status: 'fail',
      score: 1,
    });
  });

  it('is unscored when a matcher could not judge and none failed; a failure still fails', () => {
    const specs = [{ type: 'contains' }, { type: 'llm-judge' }];
    expect(scoreCase([result(true, 1), cannot], specs)).toEqual({
      status: 'unscored',
      score: null,
      failed: [],
      unscored: [1],
      judgeCostPicoUsd: 0,
    });
    expect(scoreCase([result(false, 0), cannot], specs)).toEqual({
      status: 'fail',
      score: 0,
      failed: [0],
      unscored: [1],
      judgeCostPicoUsd: 0,
    });
    expect(scoreCase([cannot], [{ type: 'unmapped' }]).status).toBe('unscored');
  });

  it('never passes a case unless every matcher judged it and passed (property)', () => {
    const outcome = fc.oneof(
      fc.record({ pass: fc.boolean(), score: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.constant({ pass: false, score: 0, unscored: true }),
    );
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 8 }), (outcomes) => {
        const results: MatchResult[] = outcomes.map((o) => ({ ...o, reason: '' }));
        const score = scoreCase(
          results,
          results.map(() => ({ type: 'exact' })),
        );
        const judged = results.filter((r) => r.unscored !== true);
        if (score.status === 'pass') {
          expect(results.length).toBeGreaterThan(0);
          expect(judged.length).toBe(results.length);
          expect(judged.every((r) => r.pass)).toBe(true);
        }
        if (score.status === 'unscored') expect(score.score).toBeNull();
        expect(score.status === 'fail').toBe(judged.some((r) => !r.pass));
      }),
    );
  });

  it('refuses results and specs that do not line up', () => {
    expect(() => scoreCase([result(true, 1)], [])).toThrow('1 results for 0 matchers');
  });
});
