import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFlags, type FrontierPoint } from './frontier';

/** The definition, pairwise: dominated when another is no worse on both and better on one. */
function dominated(p: FrontierPoint, all: readonly FrontierPoint[]): boolean {
  return all.some(
    (q) => q.x !== null && q.y !== null && q.x <= p.x! && q.y >= p.y! && (q.x < p.x! || q.y > p.y!),
  );
}

describe('paretoFlags', () => {
  it('keeps the cheapest of each score level and drops what a cheaper, better point beats', () => {
    const points = [
      { x: 1, y: 0.5 },
      { x: 2, y: 0.7 },
      { x: 3, y: 0.6 }, // beaten by (2, 0.7)
      { x: 2, y: 0.4 }, // beaten by (1, 0.5) and (2, 0.7)
      { x: 5, y: 0.9 },
      { x: 5, y: 0.9 }, // identical: both stay
      { x: null, y: 0.99 },
      { x: 1, y: null },
    ];
    expect(paretoFlags(points)).toEqual([true, true, false, false, true, true, null, null]);
  });

  it('agrees with the pairwise definition on any points', () => {
    const value = fc.option(fc.integer({ min: 0, max: 20 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ x: value, y: value }), { maxLength: 40 }), (points) => {
        const flags = paretoFlags(points);
        points.forEach((p, i) => {
          if (p.x === null || p.y === null) expect(flags[i]).toBeNull();
          else expect(flags[i]).toBe(!dominated(p, points));
        });
      }),
    );
  });
});
