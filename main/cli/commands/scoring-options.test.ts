import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoringFilterSchema } from '../../../shared/contract/scoring-rules';
import { AssayError } from '../../../shared/errors';
import {
  filterFrom,
  flagOfPath,
  parseBudget,
  parseSampling,
  withFlagNames,
} from './scoring-options';

describe('assay scoring create flags', () => {
  it('reads sampling as a percentage or a fraction, and refuses a bare number above 1', () => {
    expect(parseSampling('100%')).toBe(1);
    expect(parseSampling(' 10 % ')).toBeCloseTo(0.1);
    expect(parseSampling('0.5%')).toBeCloseTo(0.005);
    expect(parseSampling('0.25')).toBe(0.25);
    expect(parseSampling('1')).toBe(1);
    expect(parseSampling('0')).toBe(0);
    for (const bad of ['5', '101%', '-1%', '', '%', 'ten', '1e-1', '0x1', 'Infinity', '.'])
      expect(() => parseSampling(bad), bad).toThrow(/--sampling must be a percentage/);
  });

  it('reads a budget in dollars, or none', () => {
    expect(parseBudget('5')).toBe(5);
    expect(parseBudget('$0.50')).toBe(0.5);
    expect(parseBudget('0')).toBe(0);
    expect(parseBudget('None')).toBeNull();
    for (const bad of ['-3', '$', '5 USD', '1000001', 'NaN', ''])
      expect(() => parseBudget(bad), bad).toThrow(/--daily-budget must be US dollars/);
  });

  it('turns any text into a rate in 0..1 or a coded VALIDATION_FAILED naming the flag', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double().map(String),
          fc.double().map((n) => `${n}%`),
        ),
        (raw) => {
          try {
            const rate = parseSampling(raw);
            expect(rate >= 0 && rate <= 1).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(AssayError);
            expect((err as AssayError).code).toBe('VALIDATION_FAILED');
            expect((err as AssayError).details).toEqual({
              issues: [{ path: '--sampling', message: expect.any(String) }],
            });
          }
        },
      ),
    );
  });

  it('turns any text into a budget the contract takes, or a coded VALIDATION_FAILED', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double().map(String)), (raw) => {
        try {
          const usd = parseBudget(raw);
          if (usd !== null) expect(usd >= 0 && usd <= 1_000_000).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(AssayError);
          expect((err as AssayError).code).toBe('VALIDATION_FAILED');
        }
      }),
    );
  });

  it('reads repeated and comma-separated filter flags, leaving out what was not given', () => {
    expect(filterFrom({})).toEqual({});
    expect(filterFrom({ tag: ['a,b', 'c'], model: ['gpt-4o'] })).toEqual({
      tags: ['a', 'b', 'c'],
      models: ['gpt-4o'],
    });
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), (values) => {
        const filter = filterFrom({ type: values, user: values });
        // The shape is always the contract's; what it refuses (a blank value) it names.
        const parsed = scoringFilterSchema.safeParse(filter);
        if (!parsed.success) expect(parsed.error.issues[0]!.path[0]).toMatch(/^(types|users)$/);
      }),
    );
  });

  it('names contract paths by the flag that set them', () => {
    expect(flagOfPath('sampling')).toBe('--sampling');
    expect(flagOfPath('dailyBudgetUsd')).toBe('--daily-budget');
    expect(flagOfPath('filter.tags.2')).toBe('--tag (value 3)');
    expect(flagOfPath('filter.users')).toBe('--user');
    expect(flagOfPath('scorecardId')).toBe('--scorecard');
    expect(flagOfPath('somethingElse')).toBe('somethingElse');
  });

  it('rewrites a refusal by its first field, keeping its code; leaves its own alone', () => {
    const contract = new AssayError('VALIDATION_FAILED', 'scoringRules.create: invalid "x"', {
      issues: [
        { path: 'filter.types.0', message: 'Too big' },
        { path: 'name', message: 'Too small' },
      ],
    });
    const named = withFlagNames(contract, 'scoring create') as AssayError;
    expect(named.code).toBe('VALIDATION_FAILED');
    expect(named.message).toBe('scoring create: --type (value 1): Too big (and 1 more)');
    const own = new AssayError('NOT_FOUND', 'scoring create: --scorecard: no scorecard "x"', {
      issues: [{ path: '--scorecard', message: 'no such scorecard' }],
    });
    expect(withFlagNames(own, 'scoring create')).toBe(own);
    const plain = new Error('boom');
    expect(withFlagNames(plain, 'scoring create')).toBe(plain);
  });
});
