import { describe, expect, it } from 'vitest';
import type { ResultRow } from './run-store';
import { computeTotals } from './totals';

const row = (key: string, repeat: number, status: ResultRow['status']): ResultRow => ({
  id: `${key}-${repeat}`,
  run_id: 'r',
  case_key: key,
  repeat_index: repeat,
  status,
  score: status === 'pass' ? 1 : status === 'fail' ? 0 : null,
  output: status === 'error' ? null : 'o',
  matchers_json: '[]',
  latency_ms: 5,
  input_tokens: 1,
  output_tokens: 1,
  cost_pico_usd: status === 'error' ? null : 10,
  judge_cost_pico_usd: 0,
  cached: 0,
  span_id: null,
  error_code: null,
  error_message: null,
  created_at: '2026-12-06T00:00:00Z',
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
