import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewerAgreement } from './reviewer-agreement';

describe('reviewerAgreement', () => {
  it("matches Krippendorff's own worked example (4 coders, 12 units, missing values): 0.743", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal data;
    // null = the coder did not code the unit.
    const coders = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const items = coders[0]!.map((_, unit) =>
      coders.flatMap((c) => (c[unit] === null ? [] : [String(c[unit])])),
    );
    const result = reviewerAgreement(items);
    expect(result.pairableItems).toBe(11);
    expect(result.alpha).toBeCloseTo(0.743, 3);
  });

  it('is 1 when every reviewer agrees on varied items, null when nothing varies or pairs', () => {
    expect(
      reviewerAgreement([
        ['a', 'a'],
        ['b', 'b', 'b'],
        ['a', 'a'],
      ]).alpha,
    ).toBeCloseTo(1, 12);
    expect(
      reviewerAgreement([
        ['a', 'a'],
        ['a', 'a'],
      ]).alpha,
    ).toBeNull();
    expect(reviewerAgreement([['a'], ['b']])).toEqual({ pairableItems: 0, alpha: null });
  });

  it('does not depend on the order of items or of labels within an item', () => {
    const label = fc.constantFrom('x', 'y', 'z');
    fc.assert(
      fc.property(fc.array(fc.array(label, { maxLength: 4 }), { maxLength: 30 }), (items) => {
        const a = reviewerAgreement(items).alpha;
        const b = reviewerAgreement([...items].reverse().map((i) => [...i].reverse())).alpha;
        if (a === null) expect(b).toBeNull();
        else {
          expect(b).toBeCloseTo(a, 9);
          expect(a).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
    );
  });
});
