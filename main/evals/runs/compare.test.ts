import { describe, expect, it } from 'vitest';
import type { RunView } from '../../../shared/contract';
import { compareRuns } from './compare';
import type { ResultRow, RunCaseRow } from './run-store';
import { computeTotals } from './totals';

const caseRow = (key: string, position: number): RunCaseRow => ({
  run_id: 'r',
  case_key: key,
  position,
  revision: 1,
  vars_json: JSON.stringify({ q: key }),
  expected_json: null,
  matchers_json: '[]',
});

const result = (key: string, status: ResultRow['status'], score: number | null): ResultRow => ({
  id: `${key}-${status}`,
  run_id: 'r',
  case_key: key,
  repeat_index: 0,
  status,
  score,
  output: 'o',
  matchers_json: '[]',
  latency_ms: 1,
  input_tokens: 0,
  output_tokens: 0,
  cost_pico_usd: 0,
  judge_cost_pico_usd: 0,
  cached: 0,
  span_id: null,
  error_code: null,
  error_message: null,
  created_at: '2026-12-06T00:00:00Z',
});

function side(results: ResultRow[]) {
  const cases = results.map((r, i) => caseRow(r.case_key, i));
  const view = { totals: computeTotals(results, cases.length, 1) } as RunView;
  return { view, cases, results };
}

describe('compareRuns with unscored results', () => {
  it('compares no case that is unscored on either side, and gives no score delta for it', () => {
    const cmp = compareRuns(
      side([result('a', 'pass', 1), result('b', 'pass', 1), result('c', 'unscored', null)]),
      side([result('a', 'unscored', null), result('b', 'fail', 0), result('c', 'pass', 1)]),
    );
    expect(cmp.counts).toMatchObject({ regression: 1, improvement: 0, unscored: 2 });
    const byKey = Object.fromEntries(cmp.cases.map((c) => [c.caseKey, c]));
    expect(byKey.a).toMatchObject({ change: 'unscored', scoreDelta: null });
    expect(byKey.b).toMatchObject({ change: 'regression', scoreDelta: -1 });
    expect(byKey.c).toMatchObject({ change: 'unscored', scoreDelta: null });
    // Both runs scored something: their rates (over scored results) compare.
    expect(cmp.passRateDelta).toBe(0.5 - 1);
  });

  it('has no pass-rate delta when a run scored nothing', () => {
    const cmp = compareRuns(side([result('a', 'pass', 1)]), side([result('a', 'unscored', null)]));
    expect(cmp.passRateDelta).toBeNull();
    expect(cmp.counts.regression).toBe(0);
  });
});
