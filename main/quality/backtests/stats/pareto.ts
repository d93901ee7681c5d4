import { invalidInput } from './invalid-input';

/**
 * The Pareto frontier of a leaderboard: higher score is better, lower cost (or latency) is
 * better. A point dominates another when it is at least as good on both and strictly better on
 * one; equal points do not dominate each other (both can be on the frontier). A point whose
 * score or cost is unknown (null) can be neither judged nor used to judge: it is flagged
 * `unknown`, never `dominated`, never on the frontier, and never listed as dominating.
 *
 * O(n log n): one sort by cost (ties: higher score first), one sweep, and a binary search per
 * dominated point for the frontier points that dominate it.
 */

export type ParetoEntry<T> = {
  point: T;
  /** The point's index in the input. */
  index: number;
  score: number | null;
  cost: number | null;
  /** Score or cost is null: not judged either way. */
  unknown: boolean;
  onFrontier: boolean;
  dominated: boolean;
  /**
   * Input indexes of the frontier points that dominate this one, in cost order; empty unless
   * dominated. Only frontier points are listed: whatever dominates a point is itself on the
   * frontier or dominated by a frontier point that then dominates the point too, so these are
   * the ones worth naming. (All of them, so the list can be as long as the frontier.)
   */
  dominatedBy: number[];
};

export type ParetoResult<T> = {
  /** One entry per input point, in input order. */
  entries: ParetoEntry<T>[];
  /**
   * The frontier, by cost ascending (then input order): for a step line. Along it cost is
   * non-decreasing and score strictly increasing, except that equal points sit side by side.
   */
  frontier: ParetoEntry<T>[];
};

function read(value: number | null, index: number, field: 'score' | 'cost'): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value))
    throw invalidInput(
      'paretoFrontier',
      `points[${index}].${field}`,
      'must be a finite number or null',
    );
  return value;
}

/** The first position in [from, to) where `test` turns true (it is false, then true). */
function firstTrue(from: number, to: number, test: (i: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function paretoFrontier<T>(
  points: readonly T[],
  score: (p: T) => number | null,
  cost: (p: T) => number | null,
): ParetoResult<T> {
  const entries: ParetoEntry<T>[] = points.map((point, index) => {
    const s = read(score(point), index, 'score');
    const c = read(cost(point), index, 'cost');
    return {
      point,
      index,
      score: s,
      cost: c,
      unknown: s === null || c === null,
      onFrontier: false,
      dominated: false,
      dominatedBy: [],
    };
  });
  type Known = ParetoEntry<T> & { score: number; cost: number };
  const known = entries.filter((e): e is Known => !e.unknown);
  known.sort((a, b) => a.cost - b.cost || b.score - a.score || a.index - b.index);

  // Sweep groups of equal cost. Within a group only the best score can survive (a lower one
  // loses to it at the same cost); the best survives when it beats every cheaper point.
  const frontier: Known[] = [];
  let bestCheaper = -Infinity;
  for (let start = 0; start < known.length;) {
    const groupCost = known[start]!.cost;
    let end = start;
    while (end < known.length && known[end]!.cost === groupCost) end++;
    const groupBest = known[start]!.score;
    for (let i = start; i < end; i++) {
      const e = known[i]!;
      if (e.score === groupBest && groupBest > bestCheaper) {
        e.onFrontier = true;
        frontier.push(e);
      } else e.dominated = true;
    }
    bestCheaper = Math.max(bestCheaper, groupBest);
    start = end;
  }

  // The frontier points dominating e: cost ≤ e.cost (a prefix of the frontier) and score ≥
  // e.score (a suffix of that prefix, scores rising along it). None equals e on both: a point
  // equal to a dominated one would be dominated too.
  for (const e of known) {
    if (!e.dominated) continue;
    const end = firstTrue(0, frontier.length, (i) => frontier[i]!.cost > e.cost);
    const from = firstTrue(0, end, (i) => frontier[i]!.score >= e.score);
    for (let i = from; i < end; i++) e.dominatedBy.push(frontier[i]!.index);
  }
  return { entries, frontier };
}
