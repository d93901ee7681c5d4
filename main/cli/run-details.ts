import Table from 'cli-table3';
import type { ResultView, RunView } from '../../shared/contract';
import { promptLabel } from './eval-summary';

/** How `assay runs list` and `assay runs show` print runs and results for a person. */

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
/** Four decimals; an amount under $0.0001 keeps two significant digits, never reading as $0. */
const usd = (v: number): string =>
  v === 0 || v >= 0.0001 ? `$${v.toFixed(4)}` : `$${v.toPrecision(2)}`;
const ms = (v: number | null): string => (v === null ? '-' : `${Math.round(v)} ms`);
/** `2026-12-06T14:03:27.123Z` → `2026-12-06 14:03:27Z`: sortable, and short enough for a table. */
const when = (iso: string | null): string =>
  iso === null ? '-' : `${iso.slice(0, 19).replace('T', ' ')}Z`;

/** The pass rate over scored results; none scored is "-", never a 0% that reads as a verdict. */
export function passRateText(run: RunView): string {
  const t = run.totals;
  return t.results === t.unscored ? '-' : pct(t.passRate);
}

/** Prompt and judge cost together; unpriced when a call had no price (never shown as $0). */
export function costText(run: RunView): string {
  const t = run.totals;
  if (t.promptCostUsd === null) return 'unpriced';
  const total = usd(t.promptCostUsd + t.judgeCostUsd);
  return t.unpricedCalls > 0 ? `${total} + unpriced` : total;
}

/** One row per run, newest first. */
export function runsTable(runs: readonly RunView[]): string {
  const table = new Table({
    head: [
      'id',
      'created',
      'status',
      'dataset',
      'prompt',
      'model',
      'pass',
      'fail',
      'error',
      'unscored',
      'pass rate',
      'cost',
    ],
    style: { head: [], border: [] },
  });
  for (const r of runs) {
    const t = r.totals;
    table.push([
      r.id,
      when(r.createdAt),
      r.status,
      r.dataset ?? '-',
      promptLabel(r),
      `${r.provider}:${r.model}`,
      t.pass,
      t.fail,
      t.error,
      t.unscored,
      passRateText(r),
      costText(r),
    ]);
  }
  return table.toString();
}

const modelRef = (m: RunView['judgeModel']): string => (m ? `${m.provider}:${m.model}` : '-');

/** The run's header: what ran (prompt with component versions, model, cache, judges) and totals. */
export function runHeader(run: RunView): string {
  const t = run.totals;
  const repeat = run.repeat > 1 ? ` × ${run.repeat} repeats` : '';
  const judgeCost = t.judgeCostUsd > 0 ? ` (judging ${usd(t.judgeCostUsd)})` : '';
  const card = run.scorers?.scorecard;
  const scorecard: [string, string][] = card
    ? [['scorecard', `${card.name} v${card.version}`]]
    : [];
  const rows: [string, string][] = [
    ['run', `${run.id} (${run.name})`],
    ['status', run.error ? `${run.status}: ${run.error}` : run.status],
    ['created', `${when(run.createdAt)} · finished ${when(run.finishedAt)}`],
    ['dataset', `${run.dataset ?? '-'} · ${t.cases} cases${repeat}`],
    ['prompt', promptLabel(run)],
    ['model', `${run.provider}:${run.model}`],
    ['cache', run.useCache ? `on (${t.cachedResults} cached results)` : 'off'],
    ['judge', modelRef(run.judgeModel)],
    ['embedding', modelRef(run.embeddingModel)],
    ...scorecard,
    [
      'totals',
      `${t.results} results: ${t.pass} pass, ${t.fail} fail, ${t.error} error, ${t.unscored} unscored · pass rate ${passRateText(run)}`,
    ],
    [
      'cost',
      `${costText(run)}${judgeCost} · ${t.inputTokens} in / ${t.outputTokens} out tokens · p50 ${ms(t.latencyP50Ms)} · p95 ${ms(t.latencyP95Ms)}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** Why a result is not a pass: its error, or the failed and unscored matchers with reasons. */
export function resultReasons(r: ResultView): string {
  if (r.error) return `${r.error.code}: ${r.error.message}`;
  const failed = r.matchers.filter((m) => !m.pass && !m.unscored);
  const unscored = r.matchers.filter((m) => m.unscored);
  const lines = [
    ...failed.map((m) => `${m.type}: ${m.reason}`),
    ...unscored.map((m) => `${m.type} (unscored): ${m.reason}`),
  ];
  if (r.status === 'unscored' && r.matchers.length === 0) lines.push('no matchers');
  return lines.join('\n');
}

/** One row per result: case number (and repeat), status, score and the reasons. */
export function resultsTable(run: RunView, results: readonly ResultView[]): string {
  const table = new Table({
    head: ['case', 'status', 'score', 'reasons'],
    style: { head: [], border: [] },
    colWidths: [null, null, null, 80],
    wordWrap: true,
  });
  for (const r of results)
    table.push([
      run.repeat > 1 ? `#${r.position} (${r.repeatIndex + 1})` : `#${r.position}`,
      r.status,
      r.score === null ? '-' : r.score.toFixed(2),
      resultReasons(r),
    ]);
  return table.toString();
}
