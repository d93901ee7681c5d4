/**
 * The Pareto frontier of points to maximize in `y` (a score) and minimize in `x` (a cost, a
 * latency): a point is on it unless another point is at least as good on both axes and better
 * on one. Identical points are all on it (neither beats the other). Points missing either
 * value are on no frontier: they are not compared, so the answer for them is null.
 *
 * Kept here until the stats module's frontier (main/quality/backtests/stats/) is merged; the
 * lead unifies them then.
 */
export interface FrontierPoint {
  readonly x: number | null;
  readonly y: number | null;
}

/** For each point, in the order given: on the frontier (true), dominated (false), or null. */
export function paretoFlags(points: readonly FrontierPoint[]): (boolean | null)[] {
  const flags: (boolean | null)[] = points.map(() => null);
  const known = points
    .map((p, i) => ({ x: p.x, y: p.y, i }))
    .filter((p): p is { x: number; y: number; i: number } => p.x !== null && p.y !== null)
    // Cheapest first, and of equal cost the best first: then a point is on the frontier
    // exactly when it beats every cheaper-or-equal point's score, or ties the one that set it.
    .sort((a, b) => a.x - b.x || b.y - a.y);
  let bestY = -Infinity;
  let bestX = NaN;
  for (const p of known) {
    if (p.y > bestY) {
      bestY = p.y;
      bestX = p.x;
      flags[p.i] = true;
    } else flags[p.i] = p.y === bestY && p.x === bestX;
  }
  return flags;
}
