import { openTestCore } from '../support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import type { FakeServer } from '../fakes/fake-http';
import { defaultReply } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

let fake: FakeServer;
let core: Core;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

async function importYaml(name: string, content: string, interactionType = 'chat'): Promise<void> {
  await call('datasets.import', { name, format: 'yaml', content, interactionType });
}

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.record = false;
  const dataDir = tempDir('assay-evals-runs-');
  core = await openTestCore(dataDir, {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-evals-runs-0000000000',
  });
});
afterAll(async () => {
  await core.close();
  await fake.close();
});

const inline = (template: string) => ({ template });
const wait = (runs: RunView[]) => Promise.all(runs.map((r) => core.services.runs.wait(r.id)));

describe('eval runs through the contract', () => {
  it('runs one dataset against two models, with totals, paged results and progress events', async () => {
    await importYaml(
      'greetings',
      'test_cases:\n' +
        ['ada', 'bob', 'cy']
          .map(
            (n) => `  - vars: { name: "${n}" }\n    matchers: [{ type: contains, value: "${n}" }]`,
          )
          .join('\n') +
        '\n  - vars: { name: "dee" }\n    matchers: [{ type: contains, value: "nobody" }]\n',
    );
    const progress: unknown[] = [];
    const off = core.events.subscribe(
      (topic, payload) => topic === 'eval.progress' && progress.push(payload),
    );
    const started = await call<{ groupId: string; runs: RunView[] }>('evals.start', {
      dataset: 'greetings',
      prompt: inline('Hello {{name}}'),
      targets: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'openai', model: 'gpt-4o' },
      ],
      concurrency: 2,
    });
    const done = await wait(started.runs);
    off();
    for (const run of done) {
      expect(run).toMatchObject({
        status: 'completed',
        totals: { cases: 4, results: 4, pass: 3, fail: 1, error: 0, passRate: 0.75 },
      });
      expect(run.totals.promptCostUsd).toBeGreaterThan(0);
      expect(run.totals.judgeCostUsd).toBe(0);
      expect(run.totals.latencyP50Ms).not.toBeNull();
    }
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ status: 'completed', done: 4, total: 4 });
    // Eval throughput for Prometheus: each stored result counted once, by status.
    const counted = await core.services.metrics.registry
      .getSingleMetric('assay_eval_results_total')!
      .get();
    expect(Object.fromEntries(counted.values.map((v) => [v.labels.status, v.value]))).toEqual({
      pass: 6,
      fail: 2,
    });
    const failed = await call<{
      total: number;
      results: { status: string; matchers: { reason: string }[]; spanId: string }[];
    }>('evals.results', { runId: done[0]!.id, status: 'fail' });
    expect(failed.total).toBe(1);
    expect(failed.results[0]!.matchers[0]!.reason).toContain('nobody');
    expect((await core.services.llm.span(failed.results[0]!.spanId))?.status).toBe('ok');
    // An eval's calls are shown with its results, not listed among the app's traces.
    const evalSpan = await call<{ traceId: string }>('spans.get', {
      id: failed.results[0]!.spanId,
    });
    const traces = await call<{ items: { id: string }[] }>('traces.list', { limit: 500 });
    expect(traces.items.map((t) => t.id)).not.toContain(evalSpan.traceId);
    const detail = await core.dispatcher.dispatch(
      'traces.get',
      { id: evalSpan.traceId },
      { transport: 'http' },
    );
    expect(detail.ok).toBe(false);
    const list = await call<{ runs: RunView[] }>('evals.list', { groupId: started.groupId });
    expect(list.runs).toHaveLength(2);
  });

  it('keeps at most `concurrency` calls in flight, judge calls included', async () => {
    const cases = Array.from({ length: 12 }, (_, i) => `  - vars: { n: "${i}" }`).join('\n');
    await importYaml('in-flight', `test_cases:\n${cases}\n`);
    const judged = `test_cases:\n${Array.from(
      { length: 12 },
      (_, i) =>
        `  - vars: { n: "${i}" }\n    matchers: [{ type: llm-judge, rubric: "says ${i}", provider: openai, model: gpt-4o-mini }]`,
    ).join('\n')}\n`;
    await importYaml('in-flight-judged', judged);
    fake.latencyMs = 15;
    try {
      for (const dataset of ['in-flight', 'in-flight-judged']) {
        fake.peakInFlight = 0;
        const { runs } = await call<{ runs: RunView[] }>('evals.start', {
          dataset,
          prompt: inline('Say {{n}}'),
          targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
          concurrency: 3,
        });
        const [run] = await wait(runs);
        expect(run!.totals.results).toBe(12);
        // Scoring happens off the case's slot only when no matcher calls a model.
        expect(fake.peakInFlight).toBe(3);
      }
    } finally {
      fake.latencyMs = 0;
    }
  });

  it('reports pass@k and flaky cases over repeats', async () => {
    let n = 0;
    // Every other answer is wrong: a flaky model.
    fake.reply = (req) => ({
      ...defaultReply(req),
      text: n++ % 2 === 0 ? `yes ${req.lastUserText}` : 'no',
    });
    await importYaml(
      'flaky',
      'test_cases:\n  - vars: { q: "a" }\n    matchers: [{ type: starts-with, value: "yes" }]\n  - vars: { q: "b" }\n    matchers: [{ type: starts-with, value: "yes" }]\n',
    );
    const { runs } = await call<{ runs: RunView[] }>('evals.start', {
      dataset: 'flaky',
      prompt: inline('{{q}}'),
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      repeat: 4,
      concurrency: 1,
    });
    const [run] = await wait(runs);
    fake.reply = defaultReply;
    expect(run!.totals).toMatchObject({ results: 8, pass: 4, fail: 4, passAtK: 1, flakyCases: 2 });
  });

  it('builds a confusion matrix with per-class precision, recall and F1 for classification', async () => {
    fake.reply = (req) => ({
      ...defaultReply(req),
      text:
        req.lastUserText.includes('great') || req.lastUserText.includes('fine')
          ? 'positive'
          : 'negative',
    });
    const cases = [
      ['great product', 'positive'],
      ['fine', 'negative'],
      ['awful', 'negative'],
      ['broken', 'positive'],
    ]
      .map(
        ([t, label]) =>
          `  - vars: { text: "${t}" }\n    expected: "${label}"\n    matchers: [{ type: classification, labels: [positive, negative] }]`,
      )
      .join('\n');
    await importYaml(
      'sentiment',
      `interaction_type: classification\ntest_cases:\n${cases}\n`,
      'classification',
    );
    const { runs } = await call<{ runs: RunView[] }>('evals.start', {
      dataset: 'sentiment',
      prompt: inline('Classify: {{text}}'),
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    });
    const [run] = await wait(runs);
    fake.reply = defaultReply;
    const c = run!.totals.classification!;
    expect(c.labels).toEqual(['negative', 'positive']);
    // matrix[predicted][expected]: predicted negative for awful (neg) and broken (pos), positive for great (pos) and fine (neg)
    expect(c.matrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(c.perClass.map((p) => [p.label, p.precision, p.recall, p.f1])).toEqual([
      ['negative', 0.5, 0.5, 0.5],
      ['positive', 0.5, 0.5, 0.5],
    ]);
  });

  it('cancels a running run and resumes it to completion without duplicates', async () => {
    fake.latencyMs = 30;
    await importYaml(
      'slow',
      'test_cases:\n' +
        Array.from(
          { length: 40 },
          (_, i) => `  - vars: { i: "${i}" }\n    matchers: [{ type: contains, value: "${i}" }]`,
        ).join('\n') +
        '\n',
    );
    const { runs } = await call<{ runs: RunView[] }>('evals.start', {
      dataset: 'slow',
      prompt: inline('n {{i}}'),
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      concurrency: 2,
      bypassCache: true,
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(await call('evals.cancel', { runId: runs[0]!.id })).toEqual({ cancelled: true });
    const cancelled = await core.services.runs.wait(runs[0]!.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.totals.results).toBeGreaterThan(0);
    expect(cancelled.totals.results).toBeLessThan(40);
    fake.latencyMs = 0;
    await call('evals.resume', { runId: runs[0]!.id });
    const resumed = await core.services.runs.wait(runs[0]!.id);
    expect(resumed).toMatchObject({ status: 'completed', totals: { results: 40, pass: 40 } });
  });

  it('compares two runs case by case with regressions first', async () => {
    await importYaml(
      'cmp',
      'test_cases:\n  - vars: { w: "alpha" }\n    matchers: [{ type: contains, value: "alpha" }]\n  - vars: { w: "beta" }\n    matchers: [{ type: contains, value: "beta" }]\n',
    );
    const start = (template: string) =>
      call<{ runs: RunView[] }>('evals.start', {
        dataset: 'cmp',
        prompt: inline(template),
        targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      });
    const [base] = await wait((await start('{{w}}')).runs);
    const [cand] = await wait((await start('{{w}} beta')).runs);
    const cmp = await call<{
      counts: Record<string, number>;
      cases: { change: string; vars: { w: string } }[];
      passRateDelta: number;
    }>('evals.compare', { baselineRunId: base!.id, candidateRunId: cand!.id });
    expect(cmp.counts).toMatchObject({ 'unchanged-pass': 2, regression: 0 });
    const reverse = await call<{ counts: Record<string, number> }>('evals.compare', {
      baselineRunId: cand!.id,
      candidateRunId: base!.id,
    });
    expect(reverse.counts.regression).toBe(0);
    const [worse] = await wait((await start('nothing')).runs);
    const regressed = await call<{
      counts: Record<string, number>;
      cases: { change: string }[];
      passRateDelta: number;
    }>('evals.compare', {
      baselineRunId: base!.id,
      candidateRunId: worse!.id,
    });
    expect(regressed.counts.regression).toBe(2);
    expect(regressed.cases[0]!.change).toBe('regression');
    expect(regressed.passRateDelta).toBe(-1);
  });

  it('refuses a missing dataset, an empty one and an unknown prompt with coded errors', async () => {
    const bad = await core.dispatcher.dispatch(
      'evals.start',
      { dataset: 'nope', prompt: inline('x'), targets: [{ provider: 'openai', model: 'm' }] },
      { transport: 'http' },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await call('datasets.create', { name: 'empty' });
    const empty = await core.dispatcher.dispatch(
      'evals.start',
      { dataset: 'empty', prompt: inline('x'), targets: [{ provider: 'openai', model: 'm' }] },
      { transport: 'http' },
    );
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const noPrompt = await core.dispatcher.dispatch(
      'evals.start',
      {
        dataset: 'greetings',
        prompt: { name: 'missing-prompt' },
        targets: [{ provider: 'openai', model: 'm' }],
      },
      { transport: 'http' },
    );
    expect(noPrompt).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
