import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { BULLSEYE_LEVELS } from '../../shared/contract/quality';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

/**
 * Every review channel fed generated input, with real and made-up ids, through the dispatcher
 * every transport shares: each answer is ok or a coded error that is not INTERNAL, names its
 * channel, and (a refusal of the input) names a field.
 */
let core: Core;
const pool = { queues: ['nope'], items: ['nope'], interactions: ['nope'], graders: ['nope'] };

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(res.error.message);
  return res.data as T;
}

beforeAll(async () => {
  core = await openTestCore(tempDir('assay-review-fuzz-'), {});
  for (let i = 0; i < 3; i++)
    pool.interactions.push(
      (await call<{ id: string }>('interactions.create', { type: 't', input: i, output: i })).id,
    );
  for (const [name, scoreConfig] of [
    ['Verdict', { type: 'categorical', levels: BULLSEYE_LEVELS }],
    ['Pass', { type: 'boolean' }],
  ] as const) {
    const grader = await call<{ id: string }>('graders.create', {
      name,
      definition: { kind: 'human', instructions: '' },
      scoreConfig,
    });
    pool.graders.push(grader.id);
    const queue = await call<{ id: string }>('reviewQueues.create', { name, graderId: grader.id });
    pool.queues.push(queue.id);
    await call('reviewQueues.fill', {
      queueId: queue.id,
      source: { kind: 'hand', interactionIds: pool.interactions.slice(1) },
    });
    const items = await call<{ items: { id: string }[] }>('review.items', {
      queueId: queue.id,
      reviewer: 'ann',
    });
    pool.items.push(...items.items.map((i) => i.id));
  }
});
afterAll(() => core.close());

const pick = (list: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...list) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );
const queueId = fc.constant(null).chain(() => pick(pool.queues));
const itemId = fc.constant(null).chain(() => pick(pool.items));
// Mostly valid pieces, so the channels' own checks (not only the schema's) get exercised.
const reviewer = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('ann', 'bob', 'cy') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(121)) },
);
const value = fc.oneof(
  fc.constantFrom(0, 1, 35, 100, -0, true, false),
  fc.double(),
  fc.string({ maxLength: 4 }),
);
const level = fc.constantFrom('Bullseye', 'wrong', 'Meh', '');
const source = fc.oneof(
  fc.record({
    kind: fc.constant('hand'),
    interactionIds: fc.array(
      fc.constant(null).chain(() => pick(pool.interactions)),
      { maxLength: 4 },
    ),
  }),
  fc.record(
    {
      kind: fc.constant('filter'),
      filter: fc.oneof(fc.constant({}), fc.record({ type: fc.constantFrom('t', 'u') })),
      limit: fc.oneof(fc.integer({ min: -1, max: 6_000 }), value),
    },
    { requiredKeys: ['kind', 'filter'] },
  ),
  fc.record(
    {
      kind: fc.constant('rule'),
      rule: fc.record(
        {
          graderId: fc.constant(null).chain(() => pick(pool.graders)),
          op: fc.constantFrom('lte', 'gt', 'le'),
          value,
          source: fc.constantFrom('human', 'grader', 'x'),
        },
        { requiredKeys: ['graderId', 'op', 'value'] },
      ),
      limit: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: ['kind', 'rule'] },
  ),
  fc.anything(),
);

const request = fc.oneof(
  fc.record({
    channel: fc.constant('reviewQueues.list'),
    input: fc.oneof(fc.constant({}), fc.anything()),
  }),
  fc.record({
    channel: fc.constantFrom('reviewQueues.get', 'reviewQueues.agreement'),
    input: fc.record({ id: queueId }),
  }),
  fc.record({
    channel: fc.constant('reviewQueues.create'),
    input: fc.record(
      {
        name: fc.string({ maxLength: 6 }),
        graderId: fc.constant(null).chain(() => pick(pool.graders)),
        instructions: fc.string({ maxLength: 4 }),
      },
      { requiredKeys: ['name'] },
    ),
  }),
  fc.record({
    channel: fc.constant('reviewQueues.archive'),
    input: fc.record({ id: queueId, archived: fc.boolean() }),
  }),
  fc.record({ channel: fc.constant('reviewQueues.fill'), input: fc.record({ queueId, source }) }),
  fc.record({
    channel: fc.constant('reviewQueues.assign'),
    input: fc.record(
      {
        queueId,
        reviewers: fc.oneof(
          fc.uniqueArray(fc.constantFrom('ann', 'bob', 'cy'), { minLength: 1 }),
          fc.array(reviewer, { maxLength: 3 }),
        ),
        perItem: fc.oneof(fc.integer({ min: 0, max: 3 }), value),
      },
      { requiredKeys: ['queueId', 'reviewers'] },
    ),
  }),
  fc.record({
    channel: fc.constantFrom('review.items', 'review.next'),
    input: fc.record(
      { queueId, reviewer, after: itemId },
      { requiredKeys: ['queueId', 'reviewer'] },
    ),
  }),
  fc.record({ channel: fc.constant('review.item'), input: fc.record({ id: itemId }) }),
  fc.record({
    channel: fc.constant('review.submit'),
    input: fc.oneof(
      fc.record({ itemId, reviewer, level }),
      fc.record({ itemId, reviewer, value, comment: fc.constantFrom('ok', 'sk-no') }),
      fc.record(
        { itemId, reviewer, value, level, comment: fc.string({ maxLength: 6 }) },
        { requiredKeys: ['itemId', 'reviewer'] },
      ),
    ),
  }),
  fc.record({ channel: fc.constant('review.skip'), input: fc.record({ itemId, reviewer }) }),
);

describe('review channels under generated input', () => {
  it('answer ok or a coded, non-internal error naming its channel and a field', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ channel, input }) => {
        const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
        if (res.ok) return;
        expect(res.error.code, res.error.message).not.toBe('INTERNAL');
        expect(res.error.message).toMatch(new RegExp(`^${channel.replace('.', '\\.')}: `));
        if (res.error.code === 'VALIDATION_FAILED')
          expect(res.error.message).toMatch(/invalid "[^"]+": /);
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});
