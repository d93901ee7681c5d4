import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreConfigSchema, scorecardBodySchema } from '../../../shared/contract/quality';
import type { ScorecardGrade } from '../../quality/eval-scoring/scorecard-scorer';
import { scorecardVerdict, type ItemScore } from '../../quality/scoring/scorecard-verdict';
import { scoreCase } from '../matchers/core/score-case';
import type { MatchResult, MatcherSpec } from '../types';
import { SCORECARD_SPEC, scorecardMatch, scorecardStored } from './case-scorecard';

/**
 * A case's status with a scorecard: its matchers' results and the scorecard's verdict combined
 * by the one rule of core/score-case.ts. A failed verdict or matcher fails the case; an
 * incomplete verdict never passes it.
 */

const unit = scoreConfigSchema.parse({ type: 'numeric', min: 0, max: 1 });

type Matcher = 'pass' | 'fail' | 'unscored';
const matcherArb = fc.record({
  kind: fc.constantFrom<Matcher>('pass', 'fail', 'unscored'),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  weight: fc.double({ min: 0, max: 5, noNaN: true }),
});

/** A scorecard item as a grader left it: a value, no usable score, or none at all. */
const itemArb = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((value): ItemScore | undefined => ({
    status: 'scored',
    value,
    scoreConfig: unit,
  })),
  fc.constantFrom<ItemScore | undefined>(
    { status: 'unscored', value: null, scoreConfig: unit, reason: 'could not judge' },
    { status: 'error', value: null, scoreConfig: unit, reason: 'judge call failed' },
    undefined,
  ),
);

const verdictArb = fc
  .record({
    items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
    threshold: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ items, threshold }) =>
    scorecardVerdict(
      scorecardBodySchema.parse({
        items: items.map((_, i) => ({ graderId: `g${i}` })),
        passThreshold: threshold,
      }),
      new Map(items.flatMap((s, i) => (s === undefined ? [] : [[`g${i}`, s] as const]))),
    ),
  );

function caseStatus(
  matchers: readonly { kind: Matcher; score: number; weight: number }[],
  verdict: ReturnType<typeof scorecardVerdict>,
) {
  const results: MatchResult[] = matchers.map((m) => ({
    pass: m.kind === 'pass',
    score: m.score,
    reason: m.kind,
    ...(m.kind === 'unscored' ? { unscored: true } : {}),
  }));
  const specs: MatcherSpec[] = matchers.map((m) => ({ type: 'contains', weight: m.weight }));
  const grade = { outcome: verdict.outcome, mean: verdict.mean, reason: '', judgeCostPicoUsd: 0 };
  return scoreCase([...results, scorecardMatch(grade)], [...specs, SCORECARD_SPEC]);
}

describe('a case scored with a scorecard', () => {
  it('never passes on an incomplete verdict, fails on any failure, passes only when all pass', () => {
    fc.assert(
      fc.property(fc.array(matcherArb, { maxLength: 6 }), verdictArb, (matchers, verdict) => {
        const { status, score } = caseStatus(matchers, verdict);
        const failed = matchers.some((m) => m.kind === 'fail') || verdict.outcome === 'fail';
        const allPass = matchers.every((m) => m.kind === 'pass') && verdict.outcome === 'pass';
        if (verdict.outcome === 'incomplete') expect(status).not.toBe('pass');
        if (failed) expect(status).toBe('fail');
        expect(status === 'pass').toBe(allPass);
        if (!failed && !allPass) {
          expect(status).toBe('unscored');
          expect(score).toBeNull();
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('with no matchers of its own, takes the verdict as it is', () => {
    fc.assert(
      fc.property(verdictArb, (verdict) => {
        const { status, score } = caseStatus([], verdict);
        expect(status).toBe(verdict.outcome === 'incomplete' ? 'unscored' : verdict.outcome);
        if (status !== 'unscored') expect(score).toBeCloseTo(verdict.mean!, 12);
      }),
    );
  });

  it('stores an unpriced judge as an unknown cost, while the priced part adds up', () => {
    const grade: ScorecardGrade = {
      outcome: 'pass',
      mean: 0.9,
      reason: 'scorecard "x" v1 passed',
      judgeCostPicoUsd: 1_500,
      unpricedCalls: 1,
      graders: [],
      scores: [],
    };
    expect(scorecardStored(grade)).toMatchObject({ type: 'scorecard', costPicoUsd: null });
    expect(scorecardMatch(grade).costPicoUsd).toBe(1_500);
    expect(scorecardStored({ ...grade, unpricedCalls: 0 }).costPicoUsd).toBe(1_500);
    expect(scorecardStored({ ...grade, outcome: 'incomplete' })).toMatchObject({
      pass: false,
      unscored: true,
    });
  });
});
