import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { BUILT_IN_GRADERS } from '../../main/quality/built-in-graders';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

/**
 * Every quality channel fed generated input through the dispatcher every transport shares: each
 * answer is ok or a coded error that is not INTERNAL, and a refusal names a field.
 */
let core: Core;
beforeAll(async () => {
  core = await openTestCore(tempDir('assay-quality-fuzz-'), {});
});
afterAll(() => core.close());

const ids = fc.oneof(
  fc.constantFrom(...BUILT_IN_GRADERS.map((g) => g.id), 'nope', ''),
  fc.string({ maxLength: 8 }),
);
const value = fc.oneof(
  fc.double(),
  fc.boolean(),
  fc.constantFrom(0, 1, 35, 65, 100, -0),
  fc.string({ maxLength: 6 }),
  fc.constant(null),
);
const level = fc.oneof(
  fc.constantFrom('Bullseye', 'wrong', 'RIGHT AREA', ''),
  fc.string({ maxLength: 8 }),
);
const scoreConfig = fc.oneof(
  fc.record({ type: fc.constant('numeric'), min: value, max: value }, { requiredKeys: ['type'] }),
  fc.record({
    type: fc.constant('categorical'),
    levels: fc.array(fc.record({ name: level, value }), { maxLength: 4 }),
  }),
  fc.constant({ type: 'boolean' }),
  fc.anything(),
);
const definition = fc.oneof(
  fc.record({
    kind: fc.constant('deterministic'),
    check: fc.oneof(
      fc.record({
        type: fc.constant('matcher'),
        matcher: fc.oneof(
          fc.record({ type: fc.constantFrom('contains', 'regex', 'equals', 'json-schema', 'x') }),
          fc.record({ type: fc.constant('regex'), pattern: fc.string({ maxLength: 6 }) }),
          fc.record({ type: fc.constant('contains'), value: fc.string({ maxLength: 6 }) }),
        ),
      }),
      fc.record(
        {
          type: fc.constant('metric'),
          metric: fc.constantFrom('latency_ms', 'json_valid', 'cost_usd', 'x'),
          min: value,
          max: value,
        },
        { requiredKeys: ['type', 'metric'] },
      ),
    ),
  }),
  fc.record({
    kind: fc.constant('llm_judge'),
    prompt: fc.record(
      { name: fc.constantFrom('assay-judge-x', 'Bad Name'), version: fc.constantFrom('v1.2', 3) },
      { requiredKeys: ['name'] },
    ),
    model: fc.record({
      provider: fc.constantFrom('openai', 'nope'),
      model: fc.string({ maxLength: 6 }),
    }),
  }),
  fc.record({ kind: fc.constant('human'), instructions: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('code'), source: fc.string({ maxLength: 6 }) }),
);
const target = fc.record({
  type: fc.constantFrom('interaction', 'span', 'eval_result', 'trace'),
  id: ids,
});
const item = fc.record(
  { graderId: ids, graderVersion: fc.oneof(fc.integer({ min: -1, max: 3 }), value), weight: value },
  { requiredKeys: ['graderId'] },
);

const request = fc.oneof(
  fc.record({
    channel: fc.constantFrom('graders.list', 'scorecards.list'),
    input: fc.oneof(fc.constant({}), fc.anything()),
  }),
  fc.record({
    channel: fc.constantFrom('graders.get', 'scorecards.get'),
    input: fc.record({ id: ids }),
  }),
  fc.record({
    channel: fc.constant('graders.create'),
    input: fc.record(
      {
        name: fc.string({ maxLength: 6 }),
        definition,
        scoreConfig,
        rubric: fc.string({ maxLength: 6 }),
      },
      { requiredKeys: ['name'] },
    ),
  }),
  fc.record({
    channel: fc.constant('graders.update'),
    input: fc.record(
      { id: ids, definition, scoreConfig, rubric: fc.string({ maxLength: 6 }) },
      { requiredKeys: ['id'] },
    ),
  }),
  fc.record({
    channel: fc.constantFrom('graders.archive', 'scorecards.archive'),
    input: fc.record({ id: ids, archived: fc.boolean() }),
  }),
  fc.record({
    channel: fc.constantFrom('scorecards.create', 'scorecards.update'),
    input: fc.record(
      {
        id: ids,
        name: fc.string({ maxLength: 6 }),
        body: fc.record({ items: fc.array(item, { maxLength: 4 }), passThreshold: value }),
      },
      { requiredKeys: ['body'] },
    ),
  }),
  fc.record({
    channel: fc.constant('scores.create'),
    input: fc.record(
      {
        target,
        graderId: ids,
        name: fc.string({ maxLength: 6 }),
        value,
        level,
        source: fc.constantFrom('api', 'human', 'grader'),
        idempotencyKey: fc.string({ maxLength: 4 }),
      },
      { requiredKeys: ['target'] },
    ),
  }),
  fc.record({
    channel: fc.constant('scores.list'),
    input: fc.record({ target, graderId: ids, limit: value }, { requiredKeys: [] }),
  }),
);

describe('quality channels under generated input', () => {
  it('answer ok or a coded, non-internal error naming a field', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ channel, input }) => {
        const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
        if (res.ok) return;
        expect(res.error.code).not.toBe('INTERNAL');
        expect(res.error.message).toMatch(new RegExp(`^${channel.replace('.', '\\.')}: `));
        if (res.error.code === 'VALIDATION_FAILED')
          expect(res.error.message).toMatch(/invalid "[^"]+": /);
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});
