import type { Contribution } from './sources';

/**
 * Authors of prompt versions ranked by the score change their versions brought on backtest
 * sets. Each (version, set) counts once, with its latest backtest. An author's change is the
 * mean over all their scored pairs (each version's mean delta weighted by its scored pairs),
 * so a version measured on ten interactions weighs less than one measured on a thousand.
 * Authors with no scored pair have no change: they come last, unranked, never as 0.
 */
export interface ContributorRow {
  /** Null: versions whose author is not known. */
  readonly author: string | null;
  /** 1 for the largest mean change; null when the author has no scored pair. */
  readonly rank: number | null;
  readonly meanDelta: number | null;
  readonly versions: number;
  readonly scoredPairs: number;
  /** Each (version, set) counted, best change first. */
  readonly contributions: readonly Contribution[];
}

export function rankContributors(all: readonly Contribution[], setId?: string): ContributorRow[] {
  const latest = new Map<string, Contribution>();
  for (const c of all) {
    if (setId !== undefined && c.setId !== setId) continue;
    const key = `${c.promptVersionId}|${c.setId}`;
    const seen = latest.get(key);
    if (!seen || c.at > seen.at) latest.set(key, c);
  }
  const byAuthor = new Map<string | null, Contribution[]>();
  for (const c of latest.values()) {
    const list = byAuthor.get(c.author) ?? [];
    list.push(c);
    byAuthor.set(c.author, list);
  }
  const rows = [...byAuthor.entries()].map(([author, list]) => {
    let pairs = 0;
    let sum = 0;
    for (const c of list)
      if (c.meanDelta !== null && c.scoredPairs > 0) {
        pairs += c.scoredPairs;
        sum += c.meanDelta * c.scoredPairs;
      }
    const byDelta = (a: Contribution, b: Contribution) =>
      a.meanDelta === null || b.meanDelta === null
        ? Number(a.meanDelta === null) - Number(b.meanDelta === null)
        : b.meanDelta - a.meanDelta;
    return {
      author,
      meanDelta: pairs === 0 ? null : sum / pairs,
      versions: new Set(list.map((c) => c.promptVersionId)).size,
      scoredPairs: pairs,
      contributions: [...list].sort(byDelta),
    };
  });
  const name = (a: string | null) => a ?? '\uffff';
  rows.sort((a, b) => {
    if (a.meanDelta === null || b.meanDelta === null) {
      if (a.meanDelta !== b.meanDelta) return a.meanDelta === null ? 1 : -1;
    } else if (a.meanDelta !== b.meanDelta) return b.meanDelta - a.meanDelta;
    return name(a.author) < name(b.author) ? -1 : name(a.author) > name(b.author) ? 1 : 0;
  });
  let rank = 0;
  return rows.map((r) => ({ ...r, rank: r.meanDelta === null ? null : ++rank }));
}
