import { describe, expect, it } from 'vitest';
import type { ResultRecord } from './run-rows';
import { computeTotals } from './totals';

const row = (key: string, repeat: number, status: ResultRecord['status']): ResultRecord => ({
  id: `${key}-${repeat}`,
  runId: 'r',
  caseKey: key,
  repeatIndex: repeat,
  status,
  score: status === 'pass' ? 1 : status === 'fail' ? 0 : null,
  output: status === 'error' ? null : 'o',
  matchersJson: '[]',
  latencyMs: 5,
  inputTokens: 1,
  outputTokens: 1,
  costPicoUsd: status === 'error' ? null : 10,
  judgeCostPicoUsd: 0,
  cached: false,
  spanId: null,
  errorCode: null,
  errorMessage: null,
  createdAt: '2026-12-06T00:00:00Z',
});

describe('computeTotals', () => {
  it('counts unscored results apart and leaves them out of the pass rate', () => {
    const t = computeTotals(
      [row('a', 0, 'pass'), row('b', 0, 'fail'), row('c', 0, 'unscored'), row('d', 0, 'error')],
      4,
      1,
    );
    expect(t).toMatchObject({ results: 4, pass: 1, fail: 1, error: 1, unscored: 1 });
    expect(t.passRate).toBeCloseTo(1 / 3);
    // An all-unscored run has no verdict: rate 0, never 100%.
    expect(computeTotals([row('a', 0, 'unscored')], 1, 1)).toMatchObject({
      unscored: 1,
      passRate: 0,
    });
  });

  it('counts an unscored repeat neither as a pass nor as a failure for flakiness', () => {
    const t = computeTotals(
      [row('a', 0, 'pass'), row('a', 1, 'unscored'), row('b', 0, 'pass'), row('b', 1, 'fail')],
      2,
      2,
    );
    expect(t.flakyCases).toBe(1);
    expect(t.passAtK).toBe(1);
  });
});
