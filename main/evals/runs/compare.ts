import type { ComparisonView, RunView } from '../../../shared/contract';
import {
  storedMatchersOf,
  type ResultRecord,
  type RunCaseRecord,
  type StoredMatcher,
} from './run-rows';

type Change = ComparisonView['cases'][number]['change'];

const ORDER: Record<Change, number> = {
  regression: 0,
  improvement: 1,
  new: 2,
  removed: 3,
  unscored: 4,
  'unchanged-fail': 5,
  'unchanged-pass': 6,
};

interface CaseOutcome {
  readonly status: string;
  readonly score: number | null;
  readonly output: string | null;
  readonly matchers: readonly StoredMatcher[];
}

/** A new or removed case counts from 0; a side with no score (unscored, all errors) has no delta. */
function scoreDelta(before: CaseOutcome | null, after: CaseOutcome | null): number | null {
  if (before?.score === null || after?.score === null) return null;
  return (after?.score ?? 0) - (before?.score ?? 0);
}

/**
 * With repeats, a case passes when most of its repeats passed, and is unscored when most were;
 * its score is the mean of the repeats that have one (null when none has).
 */
function outcomes(results: readonly ResultRecord[]): Map<string, CaseOutcome> {
  const groups = new Map<string, ResultRecord[]>();
  for (const r of results) groups.set(r.caseKey, [...(groups.get(r.caseKey) ?? []), r]);
  const out = new Map<string, CaseOutcome>();
  for (const [key, rows] of groups) {
    const count = (status: ResultRecord['status']) =>
      rows.filter((r) => r.status === status).length;
    const status =
      count('pass') * 2 > rows.length
        ? 'pass'
        : count('unscored') * 2 >= rows.length
          ? 'unscored'
          : count('error') === rows.length
            ? 'error'
            : 'fail';
    const scores = rows.flatMap((r) => (r.score === null ? [] : [r.score]));
    const first = rows.sort((a, b) => a.repeatIndex - b.repeatIndex)[0]!;
    out.set(key, {
      status,
      score: scores.length === 0 ? null : scores.reduce((s, x) => s + x, 0) / scores.length,
      output: first.output,
      matchers: storedMatchersOf(first),
    });
  }
  return out;
}

/**
 * Baseline vs candidate aligned by case key: a regression is a case the baseline passed and the
 * candidate does not; an improvement the reverse. Cases only in one run are new or removed; a
 * case unscored on either side has no verdict to compare and is counted as `unscored`.
 */
export function compareRuns(
  baseline: { view: RunView; cases: readonly RunCaseRecord[]; results: readonly ResultRecord[] },
  candidate: { view: RunView; cases: readonly RunCaseRecord[]; results: readonly ResultRecord[] },
): ComparisonView {
  const before = outcomes(baseline.results);
  const after = outcomes(candidate.results);
  const caseInfo = new Map<string, RunCaseRecord>();
  for (const c of baseline.cases) caseInfo.set(c.caseKey, c);
  for (const c of candidate.cases) caseInfo.set(c.caseKey, c);
  const counts: Record<Change, number> = {
    regression: 0,
    improvement: 0,
    new: 0,
    removed: 0,
    'unchanged-fail': 0,
    'unchanged-pass': 0,
    unscored: 0,
  };
  const cases: ComparisonView['cases'] = [];
  for (const [key, info] of caseInfo) {
    const b = before.get(key) ?? null;
    const a = after.get(key) ?? null;
    if (!b && !a) continue;
    let change: Change;
    if (!b) change = 'new';
    else if (!a) change = 'removed';
    else if (b.status === 'unscored' || a.status === 'unscored') change = 'unscored';
    else if (b.status === 'pass' && a.status !== 'pass') change = 'regression';
    else if (b.status !== 'pass' && a.status === 'pass') change = 'improvement';
    else change = a.status === 'pass' ? 'unchanged-pass' : 'unchanged-fail';
    counts[change]++;
    cases.push({
      caseKey: key,
      position: info.position,
      change,
      vars: info.vars,
      baseline: b && { status: b.status, score: b.score, output: b.output },
      candidate: a && { status: a.status, score: a.score, output: a.output },
      scoreDelta: scoreDelta(b, a),
    });
  }
  cases.sort(
    (x, y) =>
      ORDER[x.change] - ORDER[y.change] ||
      (x.scoreDelta ?? 0) - (y.scoreDelta ?? 0) ||
      x.position - y.position,
  );

  // Per matcher type (cases carry different matcher lists, so positions do not line up); a
  // matcher that could not judge is no verdict on the output, so it is out of the rate.
  const matcherRates = (map: Map<string, CaseOutcome>): Map<string, number> => {
    const counts = new Map<string, { pass: number; n: number }>();
    for (const o of map.values()) {
      for (const m of o.matchers) {
        if (m.unscored === true) continue;
        const c = counts.get(m.type) ?? { pass: 0, n: 0 };
        c.n++;
        if (m.pass) c.pass++;
        counts.set(m.type, c);
      }
    }
    return new Map([...counts].map(([type, c]) => [type, c.n === 0 ? 0 : c.pass / c.n]));
  };
  const mb = matcherRates(before);
  const ma = matcherRates(after);
  const types = [...new Set([...mb.keys(), ...ma.keys()])];
  const matchers = types.map((type, index) => ({
    index,
    type,
    baselinePassRate: mb.get(type) ?? 0,
    candidatePassRate: ma.get(type) ?? 0,
  }));
  const bt = baseline.view.totals;
  const ct = candidate.view.totals;
  return {
    baseline: baseline.view,
    candidate: candidate.view,
    counts,
    // A run that scored nothing has no pass rate (its 0 is no verdict): no delta either.
    passRateDelta:
      bt.results === bt.unscored || ct.results === ct.unscored ? null : ct.passRate - bt.passRate,
    costDeltaUsd:
      bt.promptCostUsd === null || ct.promptCostUsd === null
        ? null
        : ct.promptCostUsd - bt.promptCostUsd,
    latencyP50DeltaMs:
      bt.latencyP50Ms === null || ct.latencyP50Ms === null
        ? null
        : ct.latencyP50Ms - bt.latencyP50Ms,
    matchers,
    cases,
  };
}
