import Table from 'cli-table3';
import type { RunView } from '../../shared/contract';

const usd = (v: number | null): string => (v === null ? 'unpriced' : `$${v.toFixed(4)}`);
const ms = (v: number | null): string => (v === null ? '-' : `${Math.round(v)} ms`);
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** The prompt as run: its version, and the component versions a composition resolved to. */
export function promptLabel(run: RunView): string {
  if (run.components.length === 0) return run.prompt;
  return `${run.prompt} (${run.components.map((c) => `${c.prompt}@${c.version}`).join(', ')})`;
}

/** One row per run: verdict counts with unscored apart, the pass rate over scored results. */
export function summaryTable(runs: readonly RunView[]): string {
  const table = new Table({
    head: [
      'model',
      'prompt',
      'pass',
      'fail',
      'error',
      'unscored',
      'pass rate',
      'prompt cost',
      'judge cost',
      'p50',
      'p95',
      'cache',
    ],
    style: { head: [], border: [] },
  });
  for (const r of runs) {
    const t = r.totals;
    table.push([
      `${r.provider}:${r.model}`,
      promptLabel(r),
      t.pass,
      t.fail,
      t.error,
      t.unscored,
      t.results === t.unscored ? '-' : pct(t.passRate),
      usd(t.promptCostUsd),
      usd(t.judgeCostUsd),
      ms(t.latencyP50Ms),
      ms(t.latencyP95Ms),
      r.useCache ? `on (${t.cachedResults} hit${t.cachedResults === 1 ? '' : 's'})` : 'off',
    ]);
  }
  return table.toString();
}

/**
 * The rate `--fail-under` judges: unscored results count as failing (nothing showed they pass)
 * unless `--allow-unscored` leaves them out, as the pass rate itself does.
 */
export function gatedRate(run: RunView, allowUnscored: boolean): number {
  const t = run.totals;
  if (allowUnscored) return t.passRate;
  return t.results === 0 ? 0 : t.pass / t.results;
}
