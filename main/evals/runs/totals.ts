import type { RunTotals } from '../../../shared/contract';
import { picoToUsd } from '../../../shared/money';
import { storedMatchersOf, type ResultRecord } from './run-rows';

/**
 * The nearest-rank percentile of ascending values (the value at rank ceil(q * n)); null when
 * there are none. The run view and the leaderboard both use it, so their figures agree.
 */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Confusion matrix and per-class precision/recall/F1 from classification matcher details. */
function classificationOf(results: readonly ResultRecord[]): RunTotals['classification'] {
  const pairs: [string, string][] = [];
  for (const r of results) {
    // Most runs have no classification matcher: their results need no parse (5,000 of them
    // would allocate ~15,000 matcher objects at the end of the run, its peak of memory).
    if (!r.matchersJson.includes('"classification"')) continue;
    for (const m of storedMatchersOf(r)) {
      if (m.type !== 'classification') continue;
      const { predicted, expected } = m.details ?? {};
      if (typeof predicted === 'string' && typeof expected === 'string')
        pairs.push([predicted, expected]);
    }
  }
  if (pairs.length === 0) return null;
  const labels = [...new Set(pairs.flat())].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  // matrix[predicted][expected]
  const matrix = labels.map(() => labels.map(() => 0));
  for (const [p, e] of pairs) matrix[index.get(p)!]![index.get(e)!]! += 1;
  const perClass = labels.map((label, i) => {
    const tp = matrix[i]![i]!;
    const predicted = matrix[i]!.reduce((a, b) => a + b, 0);
    const actual = matrix.reduce((a, row) => a + row[i]!, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = actual === 0 ? 0 : tp / actual;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1 };
  });
  return { labels, matrix, perClass };
}

/**
 * A run's totals from its stored results. The pass rate is over scored results only; a flaky
 * case is one whose repeats both passed and failed (unscored repeats count for neither). Prompt cost and judge cost stay apart; prompt cost is
 * null only when no answered call had a price (an unpriced model), never silently 0.
 */
export function computeTotals(
  results: readonly ResultRecord[],
  caseCount: number,
  repeat: number,
): RunTotals {
  let pass = 0;
  let fail = 0;
  let error = 0;
  let unscored = 0;
  let cost = 0;
  let priced = 0;
  let unpriced = 0;
  let judge = 0;
  let input = 0;
  let output = 0;
  let cached = 0;
  const latencies: number[] = [];
  const byCase = new Map<string, { pass: number; fail: number }>();
  for (const r of results) {
    if (r.status === 'pass') pass++;
    else if (r.status === 'fail') fail++;
    else if (r.status === 'unscored') unscored++;
    else error++;
    if (r.status !== 'error') {
      if (r.costPicoUsd === null) unpriced++;
      else {
        cost += r.costPicoUsd;
        priced++;
      }
    }
    judge += r.judgeCostPicoUsd;
    input += r.inputTokens;
    output += r.outputTokens;
    if (r.cached) cached++;
    if (r.latencyMs !== null) latencies.push(r.latencyMs);
    const c = byCase.get(r.caseKey) ?? { pass: 0, fail: 0 };
    if (r.status === 'pass') c.pass++;
    else if (r.status !== 'unscored') c.fail++;
    byCase.set(r.caseKey, c);
  }
  latencies.sort((a, b) => a - b);
  // Unscored results are no verdict either way: they stay out of the rate (and are counted apart).
  const scored = results.length - unscored;
  const cases = [...byCase.values()];
  return {
    cases: caseCount,
    results: results.length,
    pass,
    fail,
    error,
    unscored,
    passRate: scored === 0 ? 0 : pass / scored,
    promptCostUsd: priced === 0 && unpriced > 0 ? null : picoToUsd(cost),
    judgeCostUsd: picoToUsd(judge),
    unpricedCalls: unpriced,
    inputTokens: input,
    outputTokens: output,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    cachedResults: cached,
    passAtK:
      repeat > 1 && cases.length > 0 ? cases.filter((c) => c.pass > 0).length / cases.length : null,
    flakyCases: repeat > 1 ? cases.filter((c) => c.pass > 0 && c.fail > 0).length : 0,
    classification: classificationOf(results),
  };
}
