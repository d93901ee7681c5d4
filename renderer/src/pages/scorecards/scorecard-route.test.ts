import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_SPLITS, SCORE_SOURCES } from '../../../../shared/contract';
import {
  SCORECARD_TABS,
  scorecardHref,
  scorecardViewOf,
  type ScorecardView,
} from './scorecard-route';

const text = fc.string({ minLength: 1, maxLength: 30 });
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const view = fc.record<ScorecardView>({
  id: fc.option(text),
  tab: fc.constantFrom(...SCORECARD_TABS),
  version: fc.option(fc.integer({ min: 1, max: 99 })),
  archived: fc.boolean(),
  creating: fc.boolean(),
  editing: fc.boolean(),
  from: fc.option(day),
  to: fc.option(day),
  split: fc.constantFrom(...DASHBOARD_SPLITS),
  source: fc.option(fc.constantFrom(...SCORE_SOURCES)),
  drill: fc.option(
    fc.record({
      grader: text,
      day,
      bucket: fc.option(text),
      // '' is how the address says "no split value": it reads back as null.
      key: fc.oneof(fc.constant(undefined), fc.constant(null), text),
    }),
  ),
});

describe('scorecard addresses', () => {
  it('read back as the view they were made from', () => {
    fc.assert(
      fc.property(view, (v) => {
        expect(scorecardViewOf(scorecardHref(v))).toEqual(v);
      }),
    );
  });

  it('drop what they cannot read', () => {
    expect(
      scorecardViewOf('/scorecards/x?split=weird&from=yesterday&day=2026-01-01'),
    ).toMatchObject({
      id: 'x',
      split: 'none',
      from: null,
      drill: null,
    });
  });
});
