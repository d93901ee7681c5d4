import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewerAgreement } from '../calibration/reviewer-agreement';
import { reviewersFor } from './assign-items';
import { queueAgreement } from './queue-agreement';
import type { ScoredItem } from './item-repository';

describe('reviewersFor', () => {
  it('gives each item perItem distinct reviewers and spreads items evenly', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.integer({ min: 1, max: n }),
              fc.integer({ min: 0, max: 60 }),
            ),
          ),
        ([n, perItem, items]) => {
          const reviewers = Array.from({ length: n }, (_, i) => `r${i}`);
          const load = new Map<string, number>();
          for (let i = 0; i < items; i++) {
            const chosen = reviewersFor(i, reviewers, perItem);
            expect(new Set(chosen).size).toBe(perItem);
            for (const r of chosen) load.set(r, (load.get(r) ?? 0) + 1);
          }
          // Handed out in turn, nobody holds more than one item above anybody else.
          const loads = reviewers.map((r) => load.get(r) ?? 0);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

const scored = fc.array(
  fc.record({
    targetId: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
    assignee: fc.constantFrom('ann', 'bob', 'cy'),
    value: fc.option(fc.constantFrom(0, 1), { nil: null }),
    level: fc.constant(null),
  }),
  { maxLength: 12 },
);

describe('queueAgreement', () => {
  it("is the calibration module's alpha over each interaction's labels, with exact agreement in 0..1", () => {
    fc.assert(
      fc.property(scored, (rows: ScoredItem[]) => {
        const result = queueAgreement(rows);
        const byTarget = new Map<string, string[]>();
        for (const r of rows)
          if (r.value !== null)
            byTarget.set(r.targetId, [...(byTarget.get(r.targetId) ?? []), String(r.value)]);
        expect(result.alpha).toBe(reviewerAgreement([...byTarget.values()]).alpha);
        expect(result.scoredItems).toBe(byTarget.size);
        if (result.pairableItems === 0) expect(result.exactAgreement).toBeNull();
        else {
          expect(result.exactAgreement).toBeGreaterThanOrEqual(0);
          expect(result.exactAgreement).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('reads a categorical score by its level and counts unanimous items', () => {
    const row = (targetId: string, assignee: string, level: string, value: number) => ({
      targetId,
      assignee,
      level,
      value,
    });
    const result = queueAgreement([
      row('a', 'ann', 'Bullseye', 100),
      row('a', 'bob', 'Bullseye', 100),
      row('b', 'ann', 'Wrong', 0),
      row('b', 'bob', 'Right area', 35),
      row('c', 'cy', 'Wrong', 0),
    ]);
    expect(result).toMatchObject({
      reviewers: ['ann', 'bob', 'cy'],
      scoredItems: 3,
      pairableItems: 2,
      exactAgreement: 0.5,
    });
  });
});
