import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../../shared/contract';
import type { FakeServer } from '../../../test/fakes/fake-http';
import { defaultReply } from '../../../test/fakes/fake-reply';
import { startOpenAiFake } from '../../../test/fakes/openai-fake';
import { coreCall } from '../../../test/support/core-call';
import { openTestCore } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-dir';
import type { Core } from '../../app/create-core';
import { newId } from '../../kit/ids';
import { RunRepository } from '../../evals/runs/run-repository';
import type { ResultRecord, RunRecord } from '../../evals/runs/run-rows';

let fake: FakeServer;
let core: Core;

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.record = false;
  // gpt-4o answers wrong: dearer and worse than gpt-4o-mini, so dominated on cost.
  fake.reply = (req) =>
    req.model === 'gpt-4o' ? { ...defaultReply(req), text: 'no idea' } : defaultReply(req);
  core = await openTestCore(tempDir('assay-boards-'), {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-boards-0000000000',
  });
  await coreCall(core, 'prompts.create', {
    name: 'greeter',
    kind: 'text',
    content: { text: 'Hello {{name}}' },
  });
  const cases = ['ada', 'bob', 'cy', 'dee']
    .map((n) => `  - vars: { name: "${n}" }\n    matchers: [{ type: contains, value: "${n}" }]`)
    .join('\n');
  await coreCall(core, 'datasets.import', {
    name: 'greetings',
    format: 'yaml',
    content: `test_cases:\n${cases}\n`,
    interactionType: 'chat',
  });
});

afterAll(async () => {
  await core?.close();
  await fake?.close();
});

const SCOPE = { kind: 'dataset' as const, dataset: 'greetings' };

async function runBoth(): Promise<RunView[]> {
  const { runs } = await coreCall(core, 'evals.start', {
    dataset: 'greetings',
    prompt: { name: 'greeter' },
    targets: [
      { provider: 'openai', model: 'gpt-4o-mini' },
      { provider: 'openai', model: 'gpt-4o' },
    ],
    // Called again, not answered from the cache (whose answers cost nothing).
    bypassCache: true,
  });
  return Promise.all(runs.map((r) => core.services.runs.wait(r.id)));
}

async function summaryCount(): Promise<number> {
  const row = await core.store.db
    .selectFrom('eval_run_summary')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('leaderboards over eval runs', () => {
  it('ranks the runs of a dataset, stored once when they completed, with a frontier', async () => {
    const runs = await runBoth();
    expect(runs.map((r) => r.status)).toEqual(['completed', 'completed']);
    // Stored as the runs completed, before any board read.
    expect(await summaryCount()).toBe(2);

    const board = await coreCall(core, 'leaderboards.get', { scope: SCOPE });
    expect(
      board.rows.map((r) => [r.model, r.meanScore, r.passRate, r.results, r.unscored]),
    ).toEqual([
      ['gpt-4o-mini', 1, 1, 4, 0],
      ['gpt-4o', 0, 0, 4, 0],
    ]);
    const [mini, big] = board.rows;
    expect(mini).toMatchObject({
      label: 'greeter@v1.0',
      promptName: 'greeter',
      promptVersion: 'v1.0',
      source: 'eval_run',
      entries: 1,
      frontier: { cost: true },
    });
    expect(big!.frontier.cost).toBe(false);
    expect(mini!.author).toEqual(expect.any(String));
    // Cost per 1,000 = the mean priced call x 1,000; the same as the run's own total.
    const miniRun = runs.find((r) => r.model === 'gpt-4o-mini')!;
    expect(mini!.costUsd).toBeCloseTo(miniRun.totals.promptCostUsd!, 12);
    expect(mini!.costPer1kUsd).toBeCloseTo((miniRun.totals.promptCostUsd! / 4) * 1000, 9);
    expect(big!.costPer1kUsd!).toBeGreaterThan(mini!.costPer1kUsd!);
    expect(mini!.latencyP50Ms).toBe(miniRun.totals.latencyP50Ms);
    expect(mini!.latencyP95Ms).toBe(miniRun.totals.latencyP95Ms);

    const { scopes } = await coreCall(core, 'leaderboards.scopes', {});
    expect(scopes).toEqual([
      expect.objectContaining({ kind: 'dataset', name: 'greetings', entries: 2 }),
    ]);
  });

  it('shows the latest run of a pair, and the board over time', async () => {
    await runBoth();
    const board = await coreCall(core, 'leaderboards.get', {
      scope: SCOPE,
      sort: { key: 'costPer1k', direction: 'asc' },
    });
    expect(board.rows.map((r) => [r.model, r.entries])).toEqual([
      ['gpt-4o-mini', 2],
      ['gpt-4o', 2],
    ]);
    const { points } = await coreCall(core, 'leaderboards.history', { scope: SCOPE });
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.at(-1)).toMatchObject({ rows: 2, bestScore: 1, frontierSize: 1 });
    expect(points.flatMap((p) => p.completed)).toHaveLength(4);
  });

  it('makes the summary of a run completed before summaries existed, once, and reuses it', async () => {
    const dataset = await core.services.datasets.find('greetings', 'test');
    const run: RunRecord = {
      id: newId(),
      groupId: newId(),
      name: 'old run',
      datasetId: dataset.id,
      promptVersionId: null,
      promptLabel: 'inline prompt',
      frozen: {
        promptVersion: 'inline',
        text: null,
        messages: [{ role: 'user', template: 'Hi {{name}}' }],
        defaults: {},
        config: {},
        components: [],
      },
      interactionType: 'chat',
      provider: 'openai',
      model: 'old-model',
      parameters: {},
      status: 'completed',
      concurrency: 1,
      repeat: 1,
      bypassCache: false,
      totalCases: 5,
      createdAt: '2026-01-01T00:00:00.000Z',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:01:00.000Z',
      error: null,
    };
    const repo = new RunRepository(core.store.db);
    await repo.createRuns([{ run, cases: [] }]);
    const result = (i: number, over: Partial<ResultRecord>): ResultRecord => ({
      id: newId(),
      runId: run.id,
      caseKey: `k${i}`,
      repeatIndex: 0,
      status: 'pass',
      score: 1,
      output: 'x',
      matchersJson: '[]',
      latencyMs: 100 * (i + 1),
      inputTokens: 1,
      outputTokens: 1,
      costPicoUsd: 2_000_000,
      judgeCostPicoUsd: 0,
      cached: false,
      spanId: null,
      errorCode: null,
      errorMessage: null,
      createdAt: '2026-01-01T00:00:30.000Z',
      ...over,
    });
    for (const r of [
      result(0, {}),
      result(1, { status: 'fail', score: 0.5 }),
      result(2, { status: 'unscored', score: null, costPicoUsd: null }),
      result(3, { status: 'error', score: null, latencyMs: null, costPicoUsd: null }),
      result(4, { status: 'fail', score: 0 }),
    ])
      await repo.insertResult(r);
    const before = await summaryCount();

    const read = async () =>
      (await coreCall(core, 'leaderboards.get', { scope: SCOPE })).rows.find(
        (r) => r.runId === run.id,
      )!;
    const row = await read();
    expect(await summaryCount()).toBe(before + 1);
    expect(row).toMatchObject({
      label: 'inline prompt',
      promptVersionId: null,
      author: null,
      results: 5,
      scored: 3,
      unscored: 2,
      errors: 1,
      passRate: 1 / 3,
      unpricedResults: 1,
      latencyP50Ms: 200,
      latencyP95Ms: 500,
    });
    expect(row.meanScore).toBeCloseTo(0.5, 12);
    expect(row.costPer1kUsd).toBeCloseTo(2_000_000 * 1000 * 1e-12, 15);
    // The history starts with it: it completed first.
    const { points } = await coreCall(core, 'leaderboards.history', { scope: SCOPE });
    expect(points[0]!.completed[0]!.runId).toBe(run.id);

    // Read again: the stored summary, not the results (a result added behind the run's back
    // would change a recomputation; a completed run never gains one, so none is made).
    await repo.insertResult(result(9, { status: 'fail', score: 0 }));
    expect(await read()).toEqual(row);
    expect(await summaryCount()).toBe(before + 1);

    // Deleting the run deletes its summary with it.
    await core.services.runs.delete(run.id);
    expect(await summaryCount()).toBe(before);
  });

  it('refuses an unknown dataset with a coded error', async () => {
    const res = await core.dispatcher.dispatch(
      'leaderboards.get',
      { scope: { kind: 'dataset', dataset: 'nope' } },
      { transport: 'http' },
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('NOT_FOUND');
    const backtests = await coreCall(core, 'leaderboards.get', {
      scope: { kind: 'backtest_set', setId: 'none-yet' },
    });
    expect(backtests.rows).toEqual([]);
    const { contributors } = await coreCall(core, 'leaderboards.contributors', {});
    expect(contributors).toEqual([]);
  });
});
