import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

describe('exact', () => {
  it('passes on equal text and fails with the first difference', async () => {
    expect(await run({ type: 'exact', value: 'Paris' }, 'Paris')).toEqual({
      pass: true,
      score: 1,
      reason: 'output equals "Paris"',
    });
    const r = await run({ type: 'exact', value: 'Paris, France' }, 'Paris, Texas');
    expect(r).toMatchObject({ pass: false, score: 0 });
    expect(r.reason).toBe(
      'output "Paris, Texas" does not equal "Paris, France"; first difference at character 7: got "Texas", expected "France"',
    );
  });

  it('names the option that would forgive the difference', async () => {
    expect((await run({ type: 'exact', value: 'Paris' }, 'Paris\n')).reason).toContain(
      '(only surrounding whitespace differs; set trim)',
    );
    expect((await run({ type: 'exact', value: 'Paris' }, 'PARIS')).reason).toContain(
      '(only letter case differs; set ignoreCase)',
    );
    expect((await run({ type: 'exact', value: 'Paris' }, ' paris ')).reason).toContain(
      'set trim and ignoreCase',
    );
  });

  it('applies trim and ignoreCase', async () => {
    expect((await run({ type: 'exact', value: 'Paris', trim: true }, '  Paris\n')).pass).toBe(true);
    expect((await run({ type: 'exact', value: 'Paris', ignoreCase: true }, 'pARIS')).pass).toBe(
      true,
    );
  });

  it('falls back to the case expected output and fills {{vars}}', async () => {
    expect((await run({ type: 'exact' }, '42', { expected: 42 })).pass).toBe(true);
    expect(
      (await run({ type: 'equals', value: '{{city}}!' }, 'Oslo!', { vars: { city: 'Oslo' } })).pass,
    ).toBe(true);
    expect(await run({ type: 'exact' }, 'x')).toMatchObject({
      pass: false,
      reason: expect.stringMatching(/^no expected value/),
    });
  });
});

describe('contains', () => {
  it('finds one value, case-sensitively unless told', async () => {
    expect(await run({ type: 'contains', value: 'refund' }, 'We issued a refund.')).toMatchObject({
      pass: true,
      score: 1,
      reason: 'output contains "refund" (score 1 ≥ threshold 1)',
    });
    expect((await run({ type: 'contains', value: 'Refund' }, 'a refund')).pass).toBe(false);
    expect((await run({ type: 'icontains', value: 'Refund' }, 'a refund')).reason).toContain(
      '(ignoring case)',
    );
    expect(
      (await run({ type: 'contains', value: 'Refund', ignoreCase: true }, 'a REFUND')).pass,
    ).toBe(true);
  });

  it('scores the share found for all, and any-of for any', async () => {
    const all = await run({ type: 'contains-all', values: ['a', 'b', 'c', 'd'] }, 'a c');
    expect(all).toMatchObject({
      pass: false,
      score: 0.5,
      details: { found: ['a', 'c'], missing: ['b', 'd'] },
    });
    expect(all.reason).toBe(
      'output contains 2 of 4 values; missing "b", "d" (score 0.5 < threshold 1)',
    );
    expect(await run({ type: 'contains-any', values: ['x', 'c'] }, 'a c')).toMatchObject({
      pass: true,
      score: 1,
    });
    const none = await run({ type: 'contains', mode: 'any', values: ['x', 'y'] }, 'a c');
    expect(none).toMatchObject({ pass: false, score: 0 });
    expect(none.reason).toContain('output contains none of "x", "y"');
  });
});

describe('starts-with', () => {
  it('checks the prefix and hints at leading whitespace', async () => {
    expect((await run({ type: 'starts-with', value: 'Dear' }, 'Dear Ada,')).pass).toBe(true);
    const r = await run({ type: 'starts-with', value: 'Dear' }, '\nDear Ada,');
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('set trimStart');
    expect(
      (await run({ type: 'starts-with', value: 'Dear', trimStart: true }, '\nDear Ada,')).pass,
    ).toBe(true);
    expect((await run({ type: 'starts-with', value: 'DEAR', ignoreCase: true }, 'dear')).pass).toBe(
      true,
    );
  });
});

describe('regex', () => {
  it('matches and shows what matched', async () => {
    expect(await run({ type: 'regex', pattern: '\\d{3}-\\d{4}' }, 'call 555-1234 now')).toEqual({
      pass: true,
      score: 1,
      reason: 'output matches /\\d{3}-\\d{4}/ at "555-1234"',
    });
    expect(await run({ type: 'regex', pattern: '^yes$', flags: 'i' }, 'no')).toMatchObject({
      pass: false,
      reason: 'output does not match /^yes$/i',
    });
  });

  it('is not confused by the shared RegExp lastIndex with the g flag', async () => {
    for (let i = 0; i < 3; i++)
      expect((await run({ type: 'regex', pattern: 'a', flags: 'g' }, 'a')).pass).toBe(true);
  });

  it('finishes a catastrophically backtracking pattern instead of hanging the run', async () => {
    // On the backtracking engine alone, 28 characters took 10 s and each one more doubles it:
    // 40 would take hours. The linear-time fallback answers at once, with the same answer.
    const output = `${'a'.repeat(40)}!`;
    expect(await run({ type: 'regex', pattern: '^(a+)+$' }, output)).toMatchObject({
      pass: false,
    });
    expect(await run({ type: 'regex', pattern: '^(a|aa)+!$' }, output)).toMatchObject({
      pass: true,
    });
  });
});

describe('levenshtein', () => {
  it('uses similarity with threshold 0.8 by default', async () => {
    const r = await run({ type: 'levenshtein', value: 'kitten' }, 'sitting');
    expect(r.pass).toBe(false);
    expect(r.score).toBeCloseTo(1 - 3 / 7);
    expect(r.reason).toBe(
      'edit distance 3 from "kitten" (similarity 0.571) (score 0.571 < threshold 0.8)',
    );
    expect(
      (await run({ type: 'levenshtein', value: 'kitten', threshold: 0.5 }, 'sitting')).pass,
    ).toBe(true);
  });

  it('passes within maxDistance edits', async () => {
    expect(
      await run({ type: 'levenshtein', value: 'kitten', maxDistance: 3 }, 'sitting'),
    ).toMatchObject({
      pass: true,
      reason: 'edit distance 3 from "kitten" (similarity 0.571), within the maximum of 3',
    });
    expect(
      (await run({ type: 'levenshtein', value: 'kitten', maxDistance: 2 }, 'sitting')).pass,
    ).toBe(false);
    expect((await run({ type: 'levenshtein', value: '', maxDistance: 0 }, '')).score).toBe(1);
  });
});

describe('classification', () => {
  it('compares normalized labels and reports them for a confusion matrix', async () => {
    expect(await run({ type: 'classification', value: 'Positive' }, '"positive".')).toMatchObject({
      pass: true,
      details: { predicted: 'positive', expected: 'Positive', known: true },
    });
    const r = await run(
      { type: 'classification', labels: ['Positive', 'Negative', 'Neutral'] },
      '**negative**\nbecause…',
      { expected: 'positive' },
    );
    expect(r).toMatchObject({
      pass: false,
      details: { predicted: 'Negative', expected: 'Positive' },
    });
    expect(r.reason).toBe('predicted "Negative", expected "Positive"');
  });

  it('fails a prediction outside the labels with a reason saying so', async () => {
    const r = await run({ type: 'classifier', value: 'spam', labels: ['spam', 'ham'] }, 'maybe');
    expect(r).toMatchObject({ pass: false, details: { predicted: 'maybe', known: false } });
    expect(r.reason).toBe(
      'predicted "maybe", which is not one of the labels (spam, ham); expected "spam"',
    );
  });
});
