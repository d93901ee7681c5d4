import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADER_TABS, graderHref, graderViewOf, type GraderView } from './grader-route';

const view = fc.record<GraderView>({
  id: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s)),
  tab: fc.constantFrom(...GRADER_TABS),
  version: fc.option(fc.integer({ min: 1, max: 500 })),
  archived: fc.boolean(),
  creating: fc.boolean(),
  editing: fc.boolean(),
  reference: fc.option(fc.string({ minLength: 1, maxLength: 40 })),
});

describe('grader addresses', () => {
  it('read back as the view they were made from', () => {
    fc.assert(
      fc.property(view, (v) => {
        expect(graderViewOf(graderHref(v))).toEqual(v);
      }),
    );
  });

  it('read a bare list and ignore what they cannot read', () => {
    expect(graderViewOf('/graders')).toMatchObject({ id: null, tab: 'overview', version: null });
    expect(graderViewOf('/graders/abc?tab=nope&version=-3')).toMatchObject({
      id: 'abc',
      tab: 'overview',
      version: null,
    });
    expect(graderHref({ id: 'a/b', tab: 'calibration' })).toBe('/graders/a%2Fb?tab=calibration');
  });
});
