import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, type LabelPair } from './agreement';

function pairs(counts: [reference: string, judge: string, count: number][]): LabelPair[] {
  let n = 0;
  return counts.flatMap(([reference, judge, count]) =>
    Array.from({ length: count }, () => ({ targetId: `t${n++}`, reference, judge })),
  );
}

describe('agreement', () => {
  it('matches a hand-computed kappa on two levels', () => {
    // 50 targets: both yes 20, reference yes/judge no 5, reference no/judge yes 10, both no 15.
    // observed = 35/50 = 0.7; chance = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5 = 0.4.
    const a = agreement(
      pairs([
        ['yes', 'yes', 20],
        ['yes', 'no', 5],
        ['no', 'yes', 10],
        ['no', 'no', 15],
      ]),
      ['yes', 'no'],
    );
    expect(a.n).toBe(50);
    expect(a.exact).toBeCloseTo(0.7, 12);
    expect(a.kappa).toBeCloseTo(0.4, 12);
    expect(a.confusion).toEqual([
      [20, 5],
      [10, 15],
    ]);
    expect(a.disagreements).toHaveLength(15);
    expect(a.flagged).toBe(true);
  });

  it('matches a hand-computed kappa on the four Bullseye levels', () => {
    // Rows (reference) x columns (judge), levels B, O, R, W; n = 40.
    // diagonal 8+7+6+9 = 30 -> observed 0.75.
    // row sums 10,10,10,10; column sums 10,10,9,11 -> chance = (10*10+10*10+10*9+10*11)/1600 = 0.25.
    // kappa = (0.75 - 0.25) / 0.75 = 2/3.
    const a = agreement(
      pairs([
        ['Bullseye', 'Bullseye', 8],
        ['Bullseye', 'One hop short', 2],
        ['One hop short', 'One hop short', 7],
        ['One hop short', 'Right area', 3],
        ['Right area', 'Right area', 6],
        ['Right area', 'Wrong', 2],
        ['Right area', 'Bullseye', 2],
        ['Wrong', 'Wrong', 9],
        ['Wrong', 'One hop short', 1],
      ]),
      ['Bullseye', 'One hop short', 'Right area', 'Wrong'],
    );
    expect(a.exact).toBeCloseTo(0.75, 12);
    expect(a.kappa).toBeCloseTo(2 / 3, 12);
    expect(a.flagged).toBe(false);
    expect(a.confusion[2]).toEqual([2, 0, 6, 2]);
  });

  it('says nothing rather than 1 or 0 when kappa is undefined', () => {
    expect(agreement([], ['a', 'b'])).toMatchObject({
      n: 0,
      exact: null,
      kappa: null,
      flagged: false,
    });
    const same = agreement(pairs([['a', 'a', 5]]), ['a', 'b']);
    expect(same).toMatchObject({ exact: 1, kappa: null, flagged: false });
  });

  it('keeps a label off the scale as its own column', () => {
    const a = agreement(
      pairs([
        ['a', 'maybe', 1],
        ['a', 'a', 1],
      ]),
      ['a', 'b'],
    );
    expect(a.levels).toEqual(['a', 'b', 'maybe']);
    expect(a.confusion[0]).toEqual([1, 0, 1]);
  });

  it('holds for any labels: counts add up, kappa <= 1, perfect agreement is 1 when defined', () => {
    const label = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { maxLength: 200 }), (raw) => {
        const ps = raw.map(([reference, judge], i) => ({ targetId: String(i), reference, judge }));
        const a = agreement(ps, ['a', 'b', 'c', 'd']);
        expect(a.confusion.flat().reduce((x, y) => x + y, 0)).toBe(ps.length);
        if (a.kappa !== null) expect(a.kappa).toBeLessThanOrEqual(1 + 1e-12);
        const perfect = agreement(
          ps.map((p) => ({ ...p, judge: p.reference })),
          ['a', 'b', 'c', 'd'],
        );
        if (perfect.kappa !== null) expect(perfect.kappa).toBeCloseTo(1, 12);
        // Swapping the raters transposes the matrix and keeps kappa.
        const swapped = agreement(
          ps.map((p) => ({ ...p, judge: p.reference, reference: p.judge })),
          ['a', 'b', 'c', 'd'],
        );
        if (a.kappa === null) expect(swapped.kappa).toBeNull();
        else expect(swapped.kappa).toBeCloseTo(a.kappa, 10);
      }),
    );
  });
});
