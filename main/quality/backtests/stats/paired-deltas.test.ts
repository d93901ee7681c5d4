import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval } from './bootstrap';
import { pairedSummary, type ScoredPair } from './paired-deltas';
import { signTest } from './sign-test';

const pair = (
  baseline: number | null,
  candidate: number | null,
  baselinePass: boolean | null = null,
  candidatePass: boolean | null = null,
): ScoredPair => ({ baseline, candidate, baselinePass, candidatePass });

describe('pairedSummary', () => {
  it('counts, averages and tests a small backtest, by hand', () => {
    const pairs = [
      pair(0.5, 0.8, false, true), // win +0.3
      pair(0.9, 0.9, true, true), // tie
      pair(0.7, 0.6, true, false), // loss -0.1
      pair(0.2, 0.6, false, true), // win +0.4
      pair(null, 0.9, null, true), // unscored: baseline never ran
      pair(0.4, null, false, null), // unscored: candidate errored
    ];
    const s = pairedSummary(pairs, { resamples: 2000 });
    expect(s.counts).toEqual({
      pairs: 6,
      scoredPairs: 4,
      unscored: 2,
      wins: 2,
      ties: 1,
      losses: 1,
    });
    expect(s.meanDelta).toBeCloseTo((0.3 + 0 - 0.1 + 0.4) / 4, 12);
    expect(s.signTestPValue).toBe(signTest(2, 1).pValue);
    expect(s.signTestPValue).toBe(1);
    // Baseline passes known on 5 pairs (2 pass); candidate on 5 (4 pass).
    expect(s.baselinePassRate).toEqual({ known: 5, passed: 2, rate: 0.4 });
    expect(s.candidatePassRate).toEqual({ known: 5, passed: 4, rate: 0.8 });
    expect(s.passRateChange).toBeCloseTo(0.4, 12);
    // The interval is the bootstrap's over the four deltas, at 95%.
    const deltas = [0.8 - 0.5, 0.9 - 0.9, 0.6 - 0.7, 0.6 - 0.2];
    expect(s.interval).toEqual(bootstrapMeanInterval(deltas, { resamples: 2000 }));
    expect(s.interval!.low).toBeLessThan(0); // a loss among four: can't rule out no change
    expect(s.verdict).toBe('no_difference');
  });

  it('calls better or worse only when the 95% interval clears zero', () => {
    const up = Array.from({ length: 30 }, (_, i) => pair(0.5, 0.5 + 0.01 * (1 + (i % 5))));
    const better = pairedSummary(up);
    expect(better.verdict).toBe('better');
    expect(better.interval!.low).toBeGreaterThan(0);
    expect(better.signTestPValue).toBe(signTest(30, 0).pValue);

    const down = up.map((p) => pair(p.candidate, p.baseline));
    const worse = pairedSummary(down);
    expect(worse.verdict).toBe('worse');
    expect(worse.interval!.high).toBeLessThan(0);
    expect(worse.counts).toMatchObject({ wins: 0, losses: 30 });

    const mixed = [...up, ...down];
    expect(pairedSummary(mixed).verdict).toBe('no_difference');
  });

  it('is insufficient under two scored pairs, however many unscored', () => {
    expect(pairedSummary([]).verdict).toBe('insufficient');
    const one = pairedSummary([pair(0, 1), pair(null, 1), pair(0, null), pair(null, null)]);
    expect(one.verdict).toBe('insufficient');
    expect(one.counts).toEqual({
      pairs: 4,
      scoredPairs: 1,
      unscored: 3,
      wins: 1,
      ties: 0,
      losses: 0,
    });
    expect(one.meanDelta).toBe(1);
    const none = pairedSummary([pair(null, null, true, false)]);
    expect(none).toMatchObject({ meanDelta: null, interval: null, signTestPValue: 1 });
    expect(none.passRateChange).toBe(-1);
    expect(pairedSummary([]).passRateChange).toBeNull();
  });

  it('treats float noise as a tie, and never calls a change inside the tie band', () => {
    // 0.1 + 0.2 = 0.30000000000000004: a delta of 5.6e-17, not an improvement.
    const noise = Array.from({ length: 50 }, () => pair(0.3, 0.1 + 0.2));
    const s = pairedSummary(noise);
    expect(s.counts).toMatchObject({ wins: 0, ties: 50, losses: 0 });
    expect(s.verdict).toBe('no_difference');
    const tolerant = pairedSummary(
      Array.from({ length: 50 }, () => pair(0.5, 0.52)),
      { tieTolerance: 0.05 },
    );
    expect(tolerant.counts.ties).toBe(50);
    expect(tolerant.verdict).toBe('no_difference');
  });

  it('never lets unscored pairs change the counts, the mean or the interval', () => {
    const score = fc.option(
      fc.integer({ min: 0, max: 4 }).map((v) => v / 4),
      {
        nil: null,
        freq: 4,
      },
    );
    const pass = fc.option(fc.boolean(), { nil: null });
    const pairs = fc.array(
      fc.record({ baseline: score, candidate: score, baselinePass: pass, candidatePass: pass }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(pairs, (all) => {
        const s = pairedSummary(all, { resamples: 200 });
        const scored = all.filter((p) => p.baseline !== null && p.candidate !== null);
        const only = pairedSummary(scored, { resamples: 200 });
        expect(s.counts.scoredPairs + s.counts.unscored).toBe(s.counts.pairs);
        expect(s.counts.wins + s.counts.ties + s.counts.losses).toBe(s.counts.scoredPairs);
        expect(s.counts.unscored).toBe(all.length - scored.length);
        for (const key of ['wins', 'ties', 'losses', 'scoredPairs'] as const)
          expect(s.counts[key]).toBe(only.counts[key]);
        expect(s.meanDelta).toBe(only.meanDelta);
        expect(s.interval).toEqual(only.interval);
        expect(s.signTestPValue).toBe(only.signTestPValue);
        expect(s.verdict).toBe(only.verdict);
        if (s.verdict === 'better') expect(s.interval!.low).toBeGreaterThan(0);
        if (s.verdict === 'worse') expect(s.interval!.high).toBeLessThan(0);
        if (s.counts.scoredPairs < 2) expect(s.verdict).toBe('insufficient');
      }),
    );
  });

  it('refuses a non-finite score or tolerance, naming it', () => {
    expect(() => pairedSummary([pair(0, 1), pair(NaN, 1)])).toThrow(/"pairs\[1\].baseline"/);
    expect(() => pairedSummary([pair(0, Infinity)])).toThrow(/"pairs\[0\].candidate"/);
    expect(() => pairedSummary([pair(-1e308, 1e308)])).toThrow(/"pairs\[0\]"/);
    expect(() => pairedSummary([], { tieTolerance: -1 })).toThrow(/"options.tieTolerance"/);
    expect(() => pairedSummary([pair(0, 1), pair(0, 1)], { resamples: 0 })).toThrow(
      /"options.resamples"/,
    );
  });
});
