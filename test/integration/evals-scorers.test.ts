import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatcherTypeView, Preflight, ResultView, RunView } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';
import { openTestCore } from '../support/test-database';

let fake: FakeServer;
let core: Core;

type Answer<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

function dispatch<T>(channel: string, input: unknown): Promise<Answer<T>> {
  return core.dispatcher.dispatch(channel, input, { transport: 'http' }) as Promise<Answer<T>>;
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await dispatch<T>(channel, input);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

const base = {
  dataset: 'scored',
  prompt: { template: 'Say {{word}}' },
  targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
};

beforeAll(async () => {
  fake = await startOpenAiFake();
  core = await openTestCore(tempDir('assay-evals-scorers-'), {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-evals-scorers-00000000',
  });
  await call('datasets.import', {
    name: 'scored',
    format: 'yaml',
    content:
      'test_cases:\n  - vars: { word: "alpha" }\n    matchers: [{ type: contains, value: "alpha" }]\n' +
      '  - vars: { word: "beta" }\n    matchers: [{ type: contains, value: "gamma" }]\n',
  });
});
afterAll(async () => {
  await core.close();
  await fake.close();
});

describe('run-time scorers', () => {
  it('lists matcher types with their option fields', async () => {
    const { types } = await call<{ types: MatcherTypeView[] }>('evals.matcherTypes', {});
    const regex = types.find((t) => t.type === 'regex');
    expect(regex).toMatchObject({ binary: true });
    expect(regex?.fields.find((f) => f.name === 'pattern')).toMatchObject({
      kind: 'string',
      required: true,
    });
    const contains = types.find((t) => t.type === 'contains');
    expect(contains?.fields.find((f) => f.name === 'mode')?.options).toEqual(['all', 'any']);
    expect(types.some((t) => t.type === 'unmapped')).toBe(false);
  });

  it('pre-flight lists the dataset matchers with the keys that switch them off', async () => {
    const check = await call<Preflight>('evals.preflight', base);
    expect(check.datasetMatchers.map((m) => [m.matcher, m.count])).toEqual([
      [{ type: 'contains', value: 'alpha' }, 1],
      [{ type: 'contains', value: 'gamma' }, 1],
    ]);
  });

  it('scores every case with an added matcher, skips a switched-off one, and records both', async () => {
    const check = await call<Preflight>('evals.preflight', base);
    const gamma = check.datasetMatchers.find((m) => m.matcher.value === 'gamma')!;
    const scorers = { skip: [gamma.key], add: [{ type: 'regex', pattern: '^Echo: Say' }] };
    const { runs } = await call<{ runs: RunView[] }>('evals.start', { ...base, scorers });
    const run = await core.services.runs.wait(runs[0]!.id);
    expect(run.scorers).toEqual({
      useDatasetMatchers: true,
      skip: [gamma.key],
      add: scorers.add,
      scorecard: null,
    });
    const { results } = await call<{ results: ResultView[] }>('evals.results', { runId: run.id });
    const byWord = new Map(results.map((r) => [r.vars.word, r]));
    expect(byWord.get('alpha')?.matchers.map((m) => m.type)).toEqual(['contains', 'regex']);
    expect(byWord.get('beta')?.matchers.map((m) => m.type)).toEqual(['regex']);
    expect(run.totals.pass).toBe(2);
  });

  it('without the dataset matchers, only the added ones score', async () => {
    const scorers = { useDatasetMatchers: false, add: [{ type: 'contains', value: 'beta' }] };
    const { runs } = await call<{ runs: RunView[] }>('evals.start', { ...base, scorers });
    const run = await core.services.runs.wait(runs[0]!.id);
    expect(run.totals).toMatchObject({ pass: 1, fail: 1 });
  });

  it('refuses an invalid added matcher with the field named', async () => {
    const res = await dispatch('evals.start', {
      ...base,
      scorers: { add: [{ type: 'regex', pattern: '(' }] },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION_FAILED');
    const { issues } = res.error.details as { issues: { path: string }[] };
    expect(issues[0]?.path).toBe('scorers.add.0.pattern');
  });

  it('pre-flight checks an added matcher that needs a model', async () => {
    const check = await call<Preflight>('evals.preflight', {
      ...base,
      scorers: { add: [{ type: 'llm-judge', rubric: 'is polite' }] },
    });
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatchObject({
      kind: 'matcher-unusable',
      type: 'llm-judge',
      count: 2,
    });
  });
});
