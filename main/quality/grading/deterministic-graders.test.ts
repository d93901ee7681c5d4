import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graderDefinitionSchema, scoreConfigSchema } from '../../../shared/contract/quality';
import { isValidValue } from '../scoring/normalize';
import { gradeTarget } from './grade-target';
import { graderConfigIssue } from './grader-config-check';
import { gradingTarget } from './grading-target';
import { BOOLEAN, BULLSEYE, fullTarget, grader } from './test-support';

const matcher = (spec: Record<string, unknown>) => ({
  kind: 'deterministic',
  check: { type: 'matcher', matcher: spec },
});
const metric = (name: string, bounds: { min?: number; max?: number } = {}) => ({
  kind: 'deterministic',
  check: { type: 'metric', metric: name, ...bounds },
});
const unit = { type: 'numeric', min: 0, max: 1 };

describe('matcher graders', () => {
  it('scores with the eval matcher: pass/fail on a boolean config', async () => {
    const exact = grader(matcher({ type: 'exact', ignoreCase: true, trim: true }), BOOLEAN);
    expect(await gradeTarget(exact, fullTarget({ output: ' paris ' }))).toEqual({
      status: 'scored',
      value: 1,
      level: null,
      reason: expect.any(String),
      costUsd: 0,
    });
    expect(await gradeTarget(exact, fullTarget({ output: 'Lyon' }))).toMatchObject({
      status: 'scored',
      value: 0,
    });
    // `not` and the threshold are the matcher's own rules.
    const notContains = grader(matcher({ type: 'not-contains', value: 'sorry' }), BOOLEAN);
    expect((await gradeTarget(notContains, fullTarget({ output: 'Sorry, I cannot.' }))).value).toBe(
      1,
    );
  });

  it('maps a graded matcher score onto a numeric range, flipped when lower is better', async () => {
    const lev = { type: 'levenshtein', value: 'abcdefghij' };
    const target = gradingTarget({ output: 'abcdefghXY' });
    expect((await gradeTarget(grader(matcher(lev), unit), target)).value).toBeCloseTo(0.8, 12);
    expect(
      (await gradeTarget(grader(matcher(lev), { type: 'numeric', min: 0, max: 10 }), target)).value,
    ).toBeCloseTo(8, 12);
    // 0 best, 10 worst: a 0.8 match reads 2.
    const flipped = { type: 'numeric', min: 0, max: 10, higherIsBetter: false };
    expect((await gradeTarget(grader(matcher(lev), flipped), target)).value).toBeCloseTo(2, 12);
  });

  it('is unscored, never passed, without what the matcher needs', async () => {
    const exact = grader(matcher({ type: 'exact' }), BOOLEAN);
    expect(await gradeTarget(exact, fullTarget({ expected: null }))).toEqual({
      status: 'unscored',
      value: null,
      level: null,
      reason: 'no expected value: set value on the matcher or an expected output on the test case',
      costUsd: 0,
    });
    const notContains = grader(matcher({ type: 'not-contains', value: 'x' }), BOOLEAN);
    expect(await gradeTarget(notContains, fullTarget({ output: null }))).toMatchObject({
      status: 'unscored',
      reason: 'no output to grade',
    });
    const latency = grader(matcher({ type: 'latency', maxMs: 1000 }), BOOLEAN);
    expect(await gradeTarget(latency, fullTarget({ latencyMs: null }))).toMatchObject({
      status: 'unscored',
      reason: 'no latency recorded for this target',
    });
    // Call matchers need no output.
    expect(await gradeTarget(latency, fullTarget({ output: null }))).toMatchObject({
      status: 'scored',
      value: 1,
    });
    const cost = grader(matcher({ type: 'not-cost', maxUsd: 0.01 }), BOOLEAN);
    expect(await gradeTarget(cost, fullTarget({ costUsd: null }))).toMatchObject({
      status: 'unscored',
      reason: expect.stringMatching(/^unpriced/),
    });
    expect(await gradeTarget(cost, fullTarget({ costUsd: 0.02 }))).toMatchObject({
      status: 'scored',
      value: 1,
    });
  });

  it('reads a structured expected value and the target’s variables', async () => {
    const fields = grader(matcher({ type: 'equals-json' }), BOOLEAN);
    expect(
      await gradeTarget(
        fields,
        gradingTarget({ output: '{"a": [1, 2]}', expected: { a: [1, 2] } }),
      ),
    ).toMatchObject({ status: 'scored', value: 1 });
    const templated = grader(matcher({ type: 'contains', value: '{{city}}' }), BOOLEAN);
    expect(
      await gradeTarget(
        templated,
        gradingTarget({ output: 'It is Paris.', vars: { city: 'Paris' } }),
      ),
    ).toMatchObject({ status: 'scored', value: 1 });
  });

  it('hands model-calling matchers the eval seam and reports their cost apart', async () => {
    const judge = () =>
      Promise.resolve({ text: '{"pass": true, "reason": "ok"}', costPicoUsd: 5e9 });
    const llm = grader(
      matcher({ type: 'llm-judge', rubric: 'polite', provider: 'openai', model: 'gpt-4o-mini' }),
      BOOLEAN,
    );
    expect(await gradeTarget(llm, fullTarget(), { matcherContext: { judge } })).toMatchObject({
      status: 'scored',
      value: 1,
      costUsd: 0.005,
    });
    const unpriced = () => Promise.resolve({ text: '{"pass": false}', costPicoUsd: null });
    expect(
      await gradeTarget(llm, fullTarget(), { matcherContext: { judge: unpriced } }),
    ).toMatchObject({ status: 'scored', value: 0, costUsd: null });
    expect(await gradeTarget(llm, fullTarget())).toMatchObject({
      status: 'unscored',
      reason: 'no judge configured: llm-judge needs a model to call',
    });
  });

  it('refuses a matcher on levels and an invalid matcher as errors', async () => {
    expect(
      await gradeTarget(grader(matcher({ type: 'exact' }), BULLSEYE), fullTarget()),
    ).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('numeric or boolean score config'),
    });
    expect(
      await gradeTarget(grader(matcher({ type: 'regex', pattern: '(' }), BOOLEAN), fullTarget()),
    ).toMatchObject({ status: 'error', reason: expect.stringMatching(/^invalid regex matcher: /) });
    expect(
      await gradeTarget(grader(matcher({ type: 'no-such' }), BOOLEAN), fullTarget()),
    ).toMatchObject({ status: 'error', reason: expect.stringContaining('unknown matcher type') });
  });
});

describe('metric graders', () => {
  it('says whether a metric lies within its bounds (boolean)', async () => {
    const fast = grader(metric('latency_ms', { max: 500 }), BOOLEAN);
    expect(await gradeTarget(fast, fullTarget({ latencyMs: 420 }))).toEqual({
      status: 'scored',
      value: 1,
      level: null,
      reason: 'latency 420 ms is within at most 500',
      costUsd: 0,
    });
    expect((await gradeTarget(fast, fullTarget({ latencyMs: 501 }))).value).toBe(0);
    const band = grader(metric('output_chars', { min: 3, max: 6 }), BOOLEAN);
    // Characters are code points: four emoji are 4, not the 8 UTF-16 units they take.
    expect((await gradeTarget(band, gradingTarget({ output: 'ab🙂🙂🙂🙂' }))).value).toBe(1);
    expect((await gradeTarget(band, gradingTarget({ output: 'ab🙂🙂🙂🙂🙂' }))).value).toBe(0);
    expect((await gradeTarget(band, gradingTarget({ output: 'ab' }))).value).toBe(0);
    const tools = grader(metric('tool_call_count', { min: 1 }), BOOLEAN);
    expect(await gradeTarget(tools, fullTarget({ toolCallCount: 2 }))).toMatchObject({
      value: 1,
      reason: '2 tool calls is within at least 1',
    });
  });

  it('uses the metric as the score when unbounded, refusing values off the range', async () => {
    const latency = grader(metric('latency_ms'), {
      type: 'numeric',
      min: 0,
      max: 10_000,
      higherIsBetter: false,
    });
    expect(await gradeTarget(latency, fullTarget({ latencyMs: 2500 }))).toMatchObject({
      status: 'scored',
      value: 2500,
    });
    expect(await gradeTarget(latency, fullTarget({ latencyMs: 12_000 }))).toEqual({
      status: 'unscored',
      value: null,
      level: null,
      reason: 'latency 12000 ms: 12000 is outside the score range 0..10000',
      costUsd: 0,
    });
    const cost = grader(metric('cost_usd'), { type: 'numeric', min: 0, max: 1 });
    expect(await gradeTarget(cost, fullTarget({ costUsd: 0.000125 }))).toMatchObject({
      status: 'scored',
      value: 0.000125,
      reason: 'cost $0.000125',
    });
  });

  it('is unscored when the metric is unavailable', async () => {
    const cost = grader(metric('cost_usd', { max: 0.01 }), BOOLEAN);
    expect(await gradeTarget(cost, fullTarget({ costUsd: null }))).toMatchObject({
      status: 'unscored',
      reason: expect.stringMatching(/^unpriced/),
    });
    for (const [name, field] of [
      ['latency_ms', { latencyMs: null }],
      ['output_chars', { output: null }],
      ['tool_call_count', { toolCallCount: null }],
      ['json_valid', { output: null }],
    ] as const) {
      const g =
        name === 'json_valid'
          ? grader(metric(name), BOOLEAN)
          : grader(metric(name, { max: 5 }), BOOLEAN);
      expect((await gradeTarget(g, fullTarget(field))).status).toBe('unscored');
    }
  });

  it('checks JSON validity strictly, as the is-json matcher does', async () => {
    const json = grader(metric('json_valid'), BOOLEAN);
    expect(await gradeTarget(json, gradingTarget({ output: '{"a": 1}' }))).toMatchObject({
      value: 1,
      reason: 'output is valid JSON',
    });
    expect(await gradeTarget(json, gradingTarget({ output: 'Here: {"a": 1}' }))).toMatchObject({
      status: 'scored',
      value: 0,
      reason: expect.stringMatching(/^output is not valid JSON/),
    });
  });
});

describe('graderConfigIssue', () => {
  const issue = (definition: unknown, config: unknown) =>
    graderConfigIssue(graderDefinitionSchema.parse(definition), scoreConfigSchema.parse(config));

  it('pairs metrics with the config their reading needs', () => {
    expect(issue(metric('latency_ms', { max: 5 }), BOOLEAN)).toBeNull();
    expect(issue(metric('latency_ms'), unit)).toBeNull();
    expect(issue(metric('latency_ms', { max: 5 }), unit)).toMatch(/give it a boolean score config/);
    expect(issue(metric('latency_ms'), BOOLEAN)).toMatch(/give it a numeric score config/);
    expect(issue(metric('json_valid'), unit)).toMatch(/give it a boolean score config/);
    expect(issue(metric('json_valid', { max: 1 }), BOOLEAN)).toMatch(/takes no min or max/);
    expect(issue(metric('output_chars', { min: 10, max: 5 }), BOOLEAN)).toBe(
      'metric output_chars: min 10 is above max 5',
    );
  });

  it('lets judges, code and people use any config', () => {
    for (const config of [BOOLEAN, BULLSEYE, unit]) {
      expect(issue({ kind: 'code', source: 'return 1' }, config)).toBeNull();
      expect(issue({ kind: 'human', instructions: '' }, config)).toBeNull();
      expect(
        issue(
          {
            kind: 'llm_judge',
            prompt: { name: 'judges/accuracy' },
            model: { provider: 'openai', model: 'gpt-4o-mini' },
          },
          config,
        ),
      ).toBeNull();
    }
  });
});

describe('deterministic grading properties', () => {
  const GRADERS = [
    grader(matcher({ type: 'contains', value: 'a' }), BOOLEAN),
    grader(matcher({ type: 'exact', trim: true }), BOOLEAN),
    grader(matcher({ type: 'levenshtein', value: 'hello' }), { type: 'numeric', min: -3, max: 3 }),
    grader(matcher({ type: 'is-json', extract: true }), unit),
    grader(matcher({ type: 'latency', maxMs: 100 }), BOOLEAN),
    grader(metric('output_chars', { max: 20 }), BOOLEAN),
    grader(metric('output_chars'), { type: 'numeric', min: 0, max: 50 }),
    grader(metric('latency_ms'), { type: 'numeric', min: 0, max: 1000, higherIsBetter: false }),
    grader(metric('cost_usd', { max: 0.001 }), BOOLEAN),
    grader(metric('tool_call_count', { min: 1, max: 3 }), BOOLEAN),
    grader(metric('json_valid'), BOOLEAN),
  ];
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const targets = fc.record({
    input: maybe(fc.string()),
    output: maybe(fc.oneof(fc.string(), fc.json())),
    expected: maybe(fc.oneof(fc.string(), fc.jsonValue())),
    context: maybe(fc.array(fc.string(), { maxLength: 3 })),
    instructions: maybe(fc.string()),
    latencyMs: maybe(fc.double({ min: 0, max: 5000, noNaN: true })),
    costUsd: maybe(fc.double({ min: 0, max: 0.01, noNaN: true })),
    toolCallCount: maybe(fc.nat(10)),
    vars: fc.constant({}),
  });

  it('never throws; a scored result holds a value its config holds, any other none', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GRADERS), targets, async (g, target) => {
        const result = await gradeTarget(g, target);
        expect(result.reason.length).toBeGreaterThan(0);
        if (result.status === 'scored')
          expect(isValidValue(g.scoreConfig, result.value!)).toBe(true);
        else expect(result).toMatchObject({ value: null, level: null });
      }),
    );
  });
});
