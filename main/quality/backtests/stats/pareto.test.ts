import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFrontier } from './pareto';

type Model = { name: string; score: number | null; cost: number | null };
const frontierOf = (models: readonly Model[]) =>
  paretoFrontier(
    models,
    (m) => m.score,
    (m) => m.cost,
  );

/** a dominates b: no worse on both, strictly better on one (the O(n²) definition). */
const dominates = (a: Model, b: Model) =>
  a.score !== null &&
  a.cost !== null &&
  b.score !== null &&
  b.cost !== null &&
  a.score >= b.score &&
  a.cost <= b.cost &&
  (a.score > b.score || a.cost < b.cost);

describe('paretoFrontier', () => {
  it('finds the frontier of a small leaderboard, by hand', () => {
    const models: Model[] = [
      { name: 'a', score: 0.5, cost: 1 }, // loses to f: cheaper, as good
      { name: 'b', score: 0.7, cost: 2 },
      { name: 'c', score: 0.6, cost: 2 }, // loses to b at the same cost
      { name: 'd', score: 0.7, cost: 3 }, // loses to b (and b's twin g): as good, dearer
      { name: 'e', score: 0.9, cost: null }, // price unknown
      { name: 'f', score: 0.5, cost: 0.5 },
      { name: 'g', score: 0.7, cost: 2 }, // b's twin: neither dominates the other
      { name: 'h', score: 0.95, cost: 10 },
      { name: 'i', score: null, cost: 0.1 }, // never scored
    ];
    const { entries, frontier } = frontierOf(models);
    expect(frontier.map((e) => e.point.name)).toEqual(['f', 'b', 'g', 'h']);
    const by = Object.fromEntries(entries.map((e) => [e.point.name, e]));
    expect(by.a).toMatchObject({ dominated: true, onFrontier: false, dominatedBy: [5] });
    expect(by.c).toMatchObject({ dominated: true, dominatedBy: [1, 6] });
    expect(by.d).toMatchObject({ dominated: true, dominatedBy: [1, 6] });
    for (const name of ['e', 'i'])
      expect(by[name]).toMatchObject({
        unknown: true,
        dominated: false,
        onFrontier: false,
        dominatedBy: [],
      });
    for (const name of ['b', 'f', 'g', 'h'])
      expect(by[name]).toMatchObject({ unknown: false, dominated: false, onFrontier: true });
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('has nothing to judge in an empty or all-unknown leaderboard', () => {
    expect(frontierOf([])).toEqual({ entries: [], frontier: [] });
    const unknown = frontierOf([{ name: 'x', score: null, cost: null }]);
    expect(unknown.frontier).toEqual([]);
    expect(unknown.entries[0]).toMatchObject({ unknown: true, dominated: false });
  });

  it('agrees with the O(n²) definition of domination', () => {
    // Small integer grids, so equal scores, equal costs and equal points are common.
    const model = fc.record({
      name: fc.constant('m'),
      score: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 6 }),
      cost: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 6 }),
    });
    fc.assert(
      fc.property(fc.array(model, { maxLength: 40 }), (models) => {
        const { entries, frontier } = frontierOf(models);
        for (const e of entries) {
          const me = models[e.index]!;
          expect(e.point).toBe(me);
          expect(e.unknown).toBe(me.score === null || me.cost === null);
          const dominators = models.flatMap((m, j) => (dominates(m, me) ? [j] : []));
          // On the frontier: known and dominated by nobody (unknowns dominate nobody).
          expect(e.onFrontier).toBe(!e.unknown && dominators.length === 0);
          expect(e.dominated).toBe(dominators.length > 0);
          // dominatedBy: exactly the frontier points among its dominators, in frontier (cost)
          // order, and some whenever it is dominated.
          const frontierDominators = frontier
            .filter((f) => dominators.includes(f.index))
            .map((f) => f.index);
          expect(e.dominatedBy).toEqual(frontierDominators);
          if (e.dominated) expect(e.dominatedBy.length).toBeGreaterThan(0);
        }
        // The frontier: every frontier point, by cost; score strictly rises with cost, and
        // points side by side at the same cost are equal.
        expect(frontier.map((e) => e.index).sort((a, b) => a - b)).toEqual(
          entries.filter((e) => e.onFrontier).map((e) => e.index),
        );
        for (let i = 1; i < frontier.length; i++) {
          const [prev, next] = [frontier[i - 1]!, frontier[i]!];
          if (next.cost === prev.cost) expect(next.score).toBe(prev.score);
          else {
            expect(next.cost!).toBeGreaterThan(prev.cost!);
            expect(next.score!).toBeGreaterThan(prev.score!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a non-finite score or cost, naming the point', () => {
    expect(() =>
      frontierOf([
        { name: 'x', score: 1, cost: 1 },
        { name: 'y', score: NaN, cost: 1 },
      ]),
    ).toThrow(/"points\[1\].score"/);
    expect(() => frontierOf([{ name: 'x', score: 1, cost: Infinity }])).toThrow(
      /"points\[0\].cost"/,
    );
  });
});
