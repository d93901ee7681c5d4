import type { ComparisonView, RunView } from '../../../shared/contract';
import type { ResultRow, RunCaseRow } from './run-store';

type Change = ComparisonView['cases'][number]['change'];

const ORDER: Record<Change, number> = {
  regression: 0,
  improvement: 1,
  new: 2,
  removed: 3,
  'unchanged-fail': 4,
  'unchanged-pass': 5,
};

interface CaseOutcome {
  readonly status: string;
  readonly score: number;
  readonly output: string | null;
  readonly matchers: readonly { type: string; pass: boolean }[];
}

/** With repeats, a case passes when most of its repeats passed; score is their mean. */
function outcomes(results: readonly ResultRow[]): Map<string, CaseOutcome> {
  const groups = new Map<string, ResultRow[]>();
  for (const r of results) groups.set(r.case_key, [...(groups.get(r.case_key) ?? []), r]);
  const out = new Map<string, CaseOutcome>();
  for (const [key, rows] of groups) {
    const passes = rows.filter((r) => r.status === 'pass').length;
    const errors = rows.filter((r) => r.status === 'error').length;
    const status = passes * 2 > rows.length ? 'pass' : errors === rows.length ? 'error' : 'fail';
    const first = rows.sort((a, b) => a.repeat_index - b.repeat_index)[0]!;
    out.set(key, {
      status,
      score: rows.reduce((s, r) => s + r.score, 0) / rows.length,
      output: first.output,
      matchers: JSON.parse(first.matchers_json) as { type: string; pass: boolean }[],
    });
  }
  return out;
}

/**
 * Baseline vs candidate aligned by case key: a regression is a case the baseline passed and the
 * candidate does not; an improvement the reverse. Cases only in one run are new or removed.
 */
export function compareRuns(
  baseline: { view: RunView; cases: readonly RunCaseRow[]; results: readonly ResultRow[] },
  candidate: { view: RunView; cases: readonly RunCaseRow[]; results: readonly ResultRow[] },
): ComparisonView {
  const before = outcomes(baseline.results);
  const after = outcomes(candidate.results);
  const caseInfo = new Map<string, RunCaseRow>();
  for (const c of baseline.cases) caseInfo.set(c.case_key, c);
  for (const c of candidate.cases) caseInfo.set(c.case_key, c);
  const counts: Record<Change, number> = {
    regression: 0,
    improvement: 0,
    new: 0,
    removed: 0,
    'unchanged-fail': 0,
    'unchanged-pass': 0,
  };
  const cases: ComparisonView['cases'] = [];
  for (const [key, info] of caseInfo) {
    const b = before.get(key) ?? null;
    const a = after.get(key) ?? null;
    if (!b && !a) continue;
    let change: Change;
    if (!b) change = 'new';
    else if (!a) change = 'removed';
    else if (b.status === 'pass' && a.status !== 'pass') change = 'regression';
    else if (b.status !== 'pass' && a.status === 'pass') change = 'improvement';
    else change = a.status === 'pass' ? 'unchanged-pass' : 'unchanged-fail';
    counts[change]++;
    cases.push({
      caseKey: key,
      position: info.position,
      change,
      vars: JSON.parse(info.vars_json) as Record<string, string>,
      baseline: b && { status: b.status, score: b.score, output: b.output },
      candidate: a && { status: a.status, score: a.score, output: a.output },
      scoreDelta: (a?.score ?? 0) - (b?.score ?? 0),
    });
  }
  cases.sort(
    (x, y) =>
      ORDER[x.change] - ORDER[y.change] || x.scoreDelta - y.scoreDelta || x.position - y.position,
  );

  // Per matcher type (cases carry different matcher lists, so positions do not line up).
  const matcherRates = (map: Map<string, CaseOutcome>): Map<string, number> => {
    const counts = new Map<string, { pass: number; n: number }>();
    for (const o of map.values()) {
      for (const m of o.matchers) {
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
    passRateDelta: ct.passRate - bt.passRate,
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
