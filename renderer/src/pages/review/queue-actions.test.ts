import { describe, expect, it } from 'vitest';
import { assignFormSchema, assignOf, refillSource, reviewerNames } from './queue-actions';

/** The form's issues by field, as the resolver hands them to react-hook-form. */
function issues(values: { reviewers: string; perItem: number }): Record<string, string> {
  const parsed = assignFormSchema.safeParse(values);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('queue actions', () => {
  it('refills a queue with the rule or filter it keeps, and a hand-filled one with nothing', () => {
    const rule = { graderId: 'g1', op: 'lte' as const, value: 35 };
    expect(refillSource({ rule: { kind: 'rule', rule } })).toEqual({ kind: 'rule', rule });
    expect(refillSource({ rule: { kind: 'filter', filter: { type: 'support' } } })).toEqual({
      kind: 'filter',
      filter: { type: 'support' },
    });
    expect(refillSource({ rule: null })).toBeNull();
  });

  it('reads reviewer names separated by commas or lines', () => {
    expect(reviewerNames(' ann, bob ,\ncara,, \n')).toEqual(['ann', 'bob', 'cara']);
    expect(assignOf({ reviewers: 'ann,bob', perItem: 2 })).toEqual({
      reviewers: ['ann', 'bob'],
      perItem: 2,
    });
  });

  it("refuses what reviewQueues.assign would, at the form's own fields", () => {
    expect(issues({ reviewers: 'ann, bob', perItem: 2 })).toEqual({});
    expect(issues({ reviewers: ' , ', perItem: 1 })).toEqual({
      reviewers: 'name at least one reviewer',
    });
    expect(issues({ reviewers: 'ann, ann', perItem: 1 })).toEqual({
      reviewers: 'name each reviewer once',
    });
    expect(issues({ reviewers: 'ann, bob', perItem: 3 })).toEqual({
      perItem: 'cannot exceed the number of reviewers',
    });
    expect(issues({ reviewers: `ann, ${'x'.repeat(121)}`, perItem: 1 }).reviewers).toMatch(
      /^"x+": /,
    );
    expect(Object.keys(issues({ reviewers: 'ann', perItem: Number.NaN }))).toEqual(['perItem']);
    expect(Object.keys(issues({ reviewers: 'ann', perItem: 0 }))).toEqual(['perItem']);
  });
});
