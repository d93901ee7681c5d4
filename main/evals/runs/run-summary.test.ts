import { describe, expect, it } from 'vitest';
import { matchersJsonOf, type StoredMatcher } from './run-rows';
import { summarizeRun, type SummaryInput } from './run-summary';

const input = (over: Partial<SummaryInput>): SummaryInput => ({
  status: 'pass',
  score: 1,
  latencyMs: 100,
  costPicoUsd: 1000,
  matchersJson: null,
  ...over,
});

const card = (over: Partial<StoredMatcher>): string =>
  matchersJsonOf([
    { type: 'contains', pass: false, score: 0, reason: '', costPicoUsd: null },
    { type: 'scorecard', pass: true, score: 0.8, reason: '', costPicoUsd: 5, ...over },
  ]);

describe('summarizeRun', () => {
  it('scores by the matchers: unscored and errors have no verdict, and count apart', () => {
    const s = summarizeRun(
      [
        input({ status: 'pass', score: 1, latencyMs: 100 }),
        input({ status: 'fail', score: 0.25, latencyMs: 300 }),
        input({ status: 'unscored', score: null, latencyMs: 200, costPicoUsd: null }),
        input({ status: 'error', score: null, latencyMs: null, costPicoUsd: null }),
      ],
      false,
    );
    expect(s).toEqual({
      results: 4,
      scored: 2,
      errors: 1,
      meanScore: 0.625,
      passRate: 0.5,
      costPicoUsd: 2000,
      pricedResults: 2,
      // The unscored answer had no price; the error never answered.
      unpricedResults: 1,
      latencyP50Ms: 200,
      latencyP95Ms: 300,
    });
  });

  it('is null, not 0, when nothing was scored or priced', () => {
    const s = summarizeRun(
      [input({ status: 'error', score: null, costPicoUsd: null, latencyMs: null })],
      false,
    );
    expect([s.meanScore, s.passRate, s.costPicoUsd, s.latencyP50Ms]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(summarizeRun([], false).results).toBe(0);
  });

  it("scores a scorecard run by the scorecard's verdicts, not the matchers'", () => {
    const s = summarizeRun(
      [
        input({ status: 'fail', score: 0.4, matchersJson: card({ pass: true, score: 0.8 }) }),
        input({ status: 'fail', score: 0.1, matchersJson: card({ pass: false, score: 0.2 }) }),
        // An incomplete scorecard (a human grader not yet heard): no verdict.
        input({
          status: 'unscored',
          score: null,
          matchersJson: card({ unscored: true, score: 0 }),
        }),
      ],
      true,
    );
    expect(s.scored).toBe(2);
    expect(s.meanScore).toBeCloseTo(0.5, 10);
    expect(s.passRate).toBe(0.5);
  });
});
