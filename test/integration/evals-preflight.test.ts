import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { openTestCore } from '../support/test-database';
import type { ComparisonView, Preflight, RunView } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

/**
 * Through the contract (what the workbench and HTTP use): evals.preflight reports what would
 * stop a run, evals.start refuses the same and calls nothing, and a run records the component
 * versions its composition resolved to, so two runs of one version never look identical.
 */
let fake: FakeServer;
let core: Core;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
  return res.data as T;
}

beforeAll(async () => {
  fake = await startOpenAiFake();
  core = await openTestCore(tempDir('assay-evals-preflight-'), {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-preflight-000000000000',
  });
  await call('datasets.import', {
    name: 'geo',
    format: 'yaml',
    content: [
      'test_cases:',
      '  - vars: { city: Paris }',
      '    matchers: [{ type: contains, value: Paris }]',
      '  - vars: { town: Lyon }',
      '    matchers: [{ type: llm-judge, rubric: "names a city" }]',
      '  - vars: { city: Rome, country: Italy }',
      '    matchers: [{ type: similarity, value: Rome }]',
    ].join('\n'),
  });
});
afterAll(async () => {
  await core.close();
  await fake.close();
});

const target = [{ provider: 'openai', model: 'gpt-4o-mini' }];

describe('evals.preflight', () => {
  it('names the variables the dataset lacks and the matchers that have no model', async () => {
    const check = await call<Preflight>('evals.preflight', {
      dataset: 'geo',
      prompt: { template: 'Where is {{city}} in {{country}}?' },
      targets: target,
    });
    expect(check.ok).toBe(false);
    expect(check.promptVariables).toEqual(['city', 'country']);
    expect(check.datasetVariables).toEqual(['city', 'country', 'town']);
    expect(check.problems).toEqual([
      { kind: 'missing-variables', names: ['country'], cases: [0], positions: [0], count: 1 },
      {
        kind: 'missing-variables',
        names: ['city', 'country'],
        cases: [1],
        positions: [1],
        count: 1,
      },
      expect.objectContaining({ kind: 'matcher-unusable', type: 'llm-judge', cases: [1] }),
      expect.objectContaining({ kind: 'matcher-unusable', type: 'similarity', cases: [2] }),
    ]);
  });

  it('is ok with defaults for the variables and models for the matchers', async () => {
    const check = await call<Preflight>('evals.preflight', {
      dataset: 'geo',
      prompt: { template: 'Where is {{city}}?' },
      targets: target,
      judgeModel: { provider: 'openai', model: 'gpt-4o-mini' },
      embeddingModel: { provider: 'openai', model: 'text-embedding-3-small' },
    });
    // Case 1 still lacks "city": only the variables remain.
    expect(check.problems).toEqual([
      { kind: 'missing-variables', names: ['city'], cases: [1], positions: [1], count: 1 },
    ]);
  });

  it('makes evals.start refuse the run whole, store nothing and call no model', async () => {
    fake.requests.length = 0;
    const before = await call<{ runs: RunView[] }>('evals.list', {});
    const err = await call('evals.start', {
      dataset: 'geo',
      prompt: { template: 'Where is {{city}}?' },
      targets: target,
    }).catch((e: unknown) => e as { code: string; message: string; details: unknown });
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(
        /^evals\.start: the run cannot start: 1 case \(#1\) lacks the variable "city" that the prompt uses \(and 2 more\)$/,
      ),
    });
    expect((await call<{ runs: RunView[] }>('evals.list', {})).runs).toEqual(before.runs);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('runs record the component versions they rendered', () => {
  it('shows two runs of geo/chat@v1.0 apart when its system component moved', async () => {
    await call('prompts.create', {
      name: 'geo/sys',
      kind: 'system',
      content: { text: 'Answer in one word.' },
      labels: ['production'],
    });
    await call('prompts.create', {
      name: 'geo/chat',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', ref: { prompt: 'geo/sys', label: 'production' } },
          { role: 'user', content: 'Where is {{city}}?' },
        ],
      },
    });
    await call('datasets.import', {
      name: 'cities',
      format: 'yaml',
      content:
        'test_cases:\n  - vars: { city: Paris }\n    matchers: [{ type: contains, value: Paris }]\n',
    });
    const start = async () => {
      const { runs } = await call<{ runs: RunView[] }>('evals.start', {
        dataset: 'cities',
        prompt: { name: 'geo/chat', version: 'v1.0' },
        targets: target,
      });
      return core.services.runs.wait(runs[0]!.id);
    };
    const first = await start();
    await call('prompts.update', { name: 'geo/sys', content: { text: 'Answer in two words.' } });
    await call('prompts.setLabel', { name: 'geo/sys', label: 'production', version: 'v1.1' });
    const second = await start();

    expect(first.prompt).toBe('geo/chat@v1.0');
    expect(second.prompt).toBe('geo/chat@v1.0');
    expect(first.components).toEqual([{ prompt: 'geo/sys', version: 'v1.0' }]);
    expect(second.components).toEqual([{ prompt: 'geo/sys', version: 'v1.1' }]);
    // The system message each run sent is the one its components say.
    const systems = fake.requests
      .map((r) => r.body as { messages: { role: string; content: string }[] })
      .map((b) => b.messages.find((m) => m.role === 'system')?.content);
    expect(systems.slice(-2)).toEqual(['Answer in one word.', 'Answer in two words.']);
    const cmp = await call<ComparisonView>('evals.compare', {
      baselineRunId: first.id,
      candidateRunId: second.id,
    });
    expect(cmp.baseline.components).not.toEqual(cmp.candidate.components);
    expect((await call<RunView>('evals.get', { runId: first.id })).components).toEqual(
      first.components,
    );
    expect(first.useCache).toBe(true);
  });
});
