import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { BUILT_IN_GRADERS } from '../../main/quality/built-in-graders';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

/**
 * The calibration and dashboard channels fed generated input through the dispatcher every
 * transport shares: each answer is ok or a coded error that is not INTERNAL, names its channel
 * and, for a refusal, a field.
 */
let core: Core;
let cardId = '';
beforeAll(async () => {
  core = await openTestCore(tempDir('assay-quality-insights-fuzz-'), {});
  const res = await core.dispatcher.dispatch(
    'scorecards.create',
    {
      name: 'fuzz card',
      body: {
        items: [
          { graderId: BUILT_IN_GRADERS[0]!.id },
          { graderId: BUILT_IN_GRADERS[5]!.id, graderVersion: 1 },
        ],
        passThreshold: 0.5,
      },
    },
    { transport: 'http' },
  );
  if (!res.ok) throw new Error(res.error.message);
  cardId = (res.data as { id: string }).id;
});
afterAll(() => core.close());

const ids = fc.oneof(
  fc.constantFrom(...BUILT_IN_GRADERS.map((g) => g.id), 'nope', ''),
  fc.constant('card'),
  fc.string({ maxLength: 8 }),
);
const cardIds = () => fc.oneof(fc.constant(cardId), ids);
const days = fc.oneof(
  fc.constantFrom('2026-03-01', '2026-02-30', '2025-01-01', '1970-01-01', '9999-12-31', '2026-3-1'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 10 }),
);
const odd = fc.oneof(
  fc.integer({ min: -2, max: 4 }),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
);
const split = fc.oneof(
  fc.constantFrom('none', 'prompt_version', 'model'),
  fc.string({ maxLength: 5 }),
);
const source = fc.constantFrom('grader', 'human', 'api', 'robot');

const request = fc.oneof(
  fc.record({
    channel: fc.constant('graders.calibration'),
    input: fc.record({ id: ids, referenceGraderId: ids, version: odd }, { requiredKeys: ['id'] }),
  }),
  fc.record({
    channel: fc.constant('graders.calibrationFlags'),
    input: fc.oneof(fc.constant({}), fc.anything()),
  }),
  fc.record({ channel: fc.constant('scorecards.versions'), input: fc.record({ id: cardIds() }) }),
  fc.record({
    channel: fc.constant('scorecards.dashboard'),
    input: fc.record(
      { id: cardIds(), version: odd, from: days, to: days, split, source },
      { requiredKeys: ['id'] },
    ),
  }),
  fc.record({
    channel: fc.constant('scorecards.dashboardTargets'),
    input: fc.record(
      {
        id: cardIds(),
        graderId: ids,
        day: days,
        split,
        splitKey: fc.oneof(fc.constant(null), fc.string({ maxLength: 6 })),
        bucket: fc.constantFrom('Bullseye', 'true', '9', 'unscored', ''),
        limit: odd,
      },
      { requiredKeys: ['id', 'graderId', 'day'] },
    ),
  }),
);

describe('quality insight channels under generated input', () => {
  it('answer ok or a coded, non-internal error naming its channel and a field', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ channel, input }) => {
        const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
        if (res.ok) return;
        expect(res.error.code).not.toBe('INTERNAL');
        expect(res.error.message).toMatch(new RegExp(`^${channel.replace('.', '\\.')}: `));
        if (res.error.code === 'VALIDATION_FAILED')
          expect(res.error.message).toMatch(/invalid "[^"]+": /);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
