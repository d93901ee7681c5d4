import { describe, expect, it } from 'vitest';
import type { RunView } from '../../../shared/contract';
import { compareRuns } from './compare';
import type { ResultRecord, RunCaseRecord } from './run-rows';
import { computeTotals } from './totals';

const caseRow = (key: string, position: number): RunCaseRecord => ({
  runId: 'r',
  caseKey: key,
  position,
  revision: 1,
  vars: { q: key },
  expected: undefined,
  matchers: [],
});

const result = (
  key: string,
  status: ResultRecord['status'],
  score: number | null,
): ResultRecord => ({
  id: `${key}-${status}`,
  runId: 'r',
  caseKey: key,
  repeatIndex: 0,
  status,
  score,
  output: 'o',
  matchersJson: '[]',
  latencyMs: 1,
  inputTokens: 0,
  outputTokens: 0,
  costPicoUsd: 0,
  judgeCostPicoUsd: 0,
  cached: false,
  spanId: null,
  errorCode: null,
  errorMessage: null,
  createdAt: '2026-12-06T00:00:00Z',
});

function side(results: ResultRecord[]) {
  const cases = results.map((r, i) => caseRow(r.caseKey, i));
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
