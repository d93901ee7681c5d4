import type { BoardSortKeyName } from '../../../shared/contract';
import { paretoFlags } from './frontier';
import type { BoardEntry } from './sources';

/**
 * A leaderboard: one row per (prompt version, model) of a scope, its latest completed entry,
 * with where it stands on the Pareto frontiers of score against cost and against latency.
 */

export type BoardSortKey = BoardSortKeyName;
export interface BoardSort {
  readonly key: BoardSortKey;
  readonly direction: 'asc' | 'desc';
}
export const DEFAULT_SORT: BoardSort = { key: 'score', direction: 'desc' };

/** Where a row stands: on the frontier (true), dominated (false), or not compared (null). */
export interface FrontierFlags {
  /** Score against cost per 1,000 (a row without a score or a known cost: null). */
  readonly cost: boolean | null;
  readonly latencyP50: boolean | null;
  readonly latencyP95: boolean | null;
}

export interface BoardRow extends BoardEntry {
  /** The (prompt version, model) this row is the latest entry of. */
  readonly key: string;
  /** Entries of this pair in the scope (the row shows the latest). */
  readonly entries: number;
  /** `results - scored`: shown, never counted as 0 or as a failure. */
  readonly unscored: number;
  /**
   * Mean cost of a priced call x 1,000, in pico-dollars. Over the priced results only: an
   * unpriced call is unknown, not free. Null when no call was priced.
   */
  readonly costPer1kPicoUsd: number | null;
  readonly frontier: FrontierFlags;
}

/**
 * A run of an inline prompt (no registry version) is a row of its own: two inline runs need
 * not be the same prompt.
 */
export function pairKey(e: BoardEntry): string {
  const prompt = e.promptVersionId ?? `${e.source}:${e.runId}`;
  return `${prompt}|${e.provider}:${e.model}`;
}

export function costPer1k(e: BoardEntry): number | null {
  if (e.costPicoUsd === null || e.pricedResults === 0) return null;
  return Math.round((e.costPicoUsd / e.pricedResults) * 1000);
}

/** Latest entry per pair (by completion time, then run id), with the pair's entry count. */
export function latestPerPair(
  entries: readonly BoardEntry[],
): { entry: BoardEntry; key: string; count: number }[] {
  const byKey = new Map<string, { entry: BoardEntry; key: string; count: number }>();
  for (const entry of entries) {
    const key = pairKey(entry);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { entry, key, count: 1 });
    else {
      seen.count++;
      if (
        entry.at > seen.entry.at ||
        (entry.at === seen.entry.at && entry.runId > seen.entry.runId)
      )
        seen.entry = entry;
    }
  }
  return [...byKey.values()];
}

/** The frontier flags of rows, in their order. */
export function frontierFlagsOf(
  rows: readonly { entry: BoardEntry; cost: number | null }[],
): FrontierFlags[] {
  const score = (r: { entry: BoardEntry }) => r.entry.meanScore;
  const cost = paretoFlags(rows.map((r) => ({ x: r.cost, y: score(r) })));
  const p50 = paretoFlags(rows.map((r) => ({ x: r.entry.latencyP50Ms, y: score(r) })));
  const p95 = paretoFlags(rows.map((r) => ({ x: r.entry.latencyP95Ms, y: score(r) })));
  return rows.map((_, i) => ({ cost: cost[i]!, latencyP50: p50[i]!, latencyP95: p95[i]! }));
}

export function buildBoard(
  entries: readonly BoardEntry[],
  sort: BoardSort = DEFAULT_SORT,
): BoardRow[] {
  const latest = latestPerPair(entries).map((l) => ({ ...l, cost: costPer1k(l.entry) }));
  const flags = frontierFlagsOf(latest);
  const rows: BoardRow[] = latest.map((l, i) => ({
    ...l.entry,
    key: l.key,
    entries: l.count,
    unscored: l.entry.results - l.entry.scored,
    costPer1kPicoUsd: l.cost,
    frontier: flags[i]!,
  }));
  return sortRows(rows, sort);
}

function sortValue(row: BoardRow, key: BoardSortKey): number | string | null {
  switch (key) {
    case 'score':
      return row.meanScore;
    case 'passRate':
      return row.passRate;
    case 'costPer1k':
      return row.costPer1kPicoUsd;
    case 'latencyP50':
      return row.latencyP50Ms;
    case 'latencyP95':
      return row.latencyP95Ms;
    case 'results':
      return row.results;
    case 'at':
      return row.at;
    case 'prompt':
      return row.label;
    case 'model':
      return `${row.provider}:${row.model}`;
  }
}

/**
 * Sorted by the key in the direction asked; rows without the value come last either way (an
 * unknown score or cost is not the lowest one). Ties: by prompt, then model, then key.
 */
export function sortRows(rows: readonly BoardRow[], sort: BoardSort): BoardRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compare(va, vb);
      if (c !== 0) return sign * c;
    }
    return (
      compare(a.label, b.label) ||
      compare(`${a.provider}:${a.model}`, `${b.provider}:${b.model}`) ||
      compare(a.key, b.key)
    );
  });
}
