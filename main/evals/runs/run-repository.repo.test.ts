import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import { RunRepository } from './run-repository';
import type { ResultRecord, RunCaseRecord, RunRecord } from './run-rows';

let store: Store;
let repo: RunRepository;

beforeAll(async () => {
  store = await openTestStore();
  repo = new RunRepository(store.db);
});

afterAll(async () => {
  await store.close();
});

function run(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: newId(),
    groupId: newId(),
    name: 'suite · inline prompt · openai:gpt-4o-mini',
    datasetId: null,
    promptVersionId: null,
    promptLabel: 'inline prompt',
    frozen: {
      promptVersion: 'inline',
      text: null,
      messages: [{ role: 'user', template: 'Say {{n}}' }],
      defaults: {},
      config: {},
      components: [],
    },
    interactionType: 'chat',
    provider: 'openai',
    model: 'gpt-4o-mini',
    parameters: { temperature: 0.2, judgeModel: { provider: 'openai', model: 'gpt-4o' } },
    status: 'queued',
    concurrency: 4,
    repeat: 1,
    bypassCache: false,
    totalCases: 0,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
    error: null,
    ...overrides,
  };
}

function snapshots(runId: string, count: number): RunCaseRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    runId,
    caseKey: `k${String(i).padStart(4, '0')}`,
    position: i + 1,
    revision: 1,
    vars: { n: String(i) },
    expected: i % 2 === 0 ? undefined : { answer: i },
    matchers: [{ type: 'contains', value: String(i) }],
  }));
}

function result(
  runId: string,
  caseKey: string,
  overrides: Partial<ResultRecord> = {},
): ResultRecord {
  return {
    id: newId(),
    runId,
    caseKey,
    repeatIndex: 0,
    status: 'pass',
    score: 1,
    output: `out ${caseKey}`,
    matchersJson: JSON.stringify([
      { type: 'contains', pass: true, score: 1, reason: 'ok', costPicoUsd: null },
    ]),
    latencyMs: 12,
    inputTokens: 10,
    outputTokens: 3,
    costPicoUsd: 1_000,
    judgeCostPicoUsd: 0,
    cached: false,
    spanId: null,
    errorCode: null,
    errorMessage: null,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A stored run with `cases` snapshots. */
async function storedRun(cases: number, overrides: Partial<RunRecord> = {}): Promise<RunRecord> {
  const r = run({ totalCases: cases, ...overrides });
  await repo.createRuns([{ run: r, cases: snapshots(r.id, cases) }]);
  return r;
}

describe('RunRepository', () => {
  it('stores a run with 1,000 case snapshots and reads both back as they were written', async () => {
    const r = await storedRun(1_000);
    expect(await repo.get(r.id)).toEqual(r);
    const cases = await repo.cases(r.id);
    expect(cases).toHaveLength(1_000);
    expect(cases.map((c) => c.position)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
    expect(cases[0]).toEqual(snapshots(r.id, 1)[0]);
    expect(cases[1]).toMatchObject({ expected: { answer: 1 }, vars: { n: '1' } });
    expect(await repo.caseByKey(r.id, 'k0999')).toMatchObject({ position: 1_000 });
    expect(await repo.caseByKey(r.id, 'nope')).toBeUndefined();
    expect(await repo.get('no-such-run')).toBeUndefined();
  });

  it('stores a group whole or not at all', async () => {
    const good = run();
    const clash = run({ id: good.id });
    await expect(
      repo.createRuns([
        { run: good, cases: snapshots(good.id, 3) },
        { run: clash, cases: snapshots(clash.id, 3) },
      ]),
    ).rejects.toThrow();
    expect(await repo.get(good.id)).toBeUndefined();
    expect(await repo.cases(good.id)).toEqual([]);
  });

  it('inserts a result once: a second one for the same case and repeat is ignored', async () => {
    const r = await storedRun(2);
    const first = result(r.id, 'k0000');
    expect(await repo.insertResult(first)).toBe(true);
    expect(await repo.insertResult(result(r.id, 'k0000', { status: 'fail', score: 0 }))).toBe(
      false,
    );
    expect(await repo.insertResult(result(r.id, 'k0000', { repeatIndex: 1 }))).toBe(true);
    const stored = await repo.allResults(r.id);
    expect(stored).toHaveLength(2);
    expect(stored.find((x) => x.repeatIndex === 0)).toEqual(first);
    expect(await repo.doneKeys(r.id)).toEqual(new Set(['k0000#0', 'k0000#1']));
  });

  it('keeps one result when concurrent writers race through the write queue', async () => {
    const r = await storedRun(1);
    const outcomes: boolean[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () =>
        store.writes.run(async (tx) => {
          outcomes.push(await new RunRepository(tx).insertResult(result(r.id, 'k0000')));
        }),
      ),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await repo.resultCount(r.id)).toBe(1);
  });

  it('counts results by status, unscored included, with the priced cost', async () => {
    const r = await storedRun(6);
    const empty = await repo.resultCounts(r.id);
    expect(empty).toEqual({ pass: 0, fail: 0, error: 0, unscored: 0, costPico: 0, priced: 0 });
    await repo.insertResult(result(r.id, 'k0000', { costPicoUsd: 1_000, judgeCostPicoUsd: 50 }));
    await repo.insertResult(result(r.id, 'k0001', { costPicoUsd: 2_000 }));
    await repo.insertResult(result(r.id, 'k0002', { status: 'fail', score: 0, costPicoUsd: null }));
    await repo.insertResult(
      result(r.id, 'k0003', { status: 'error', score: null, costPicoUsd: null, errorCode: 'X' }),
    );
    await repo.insertResult(result(r.id, 'k0004', { status: 'unscored', score: null }));
    await repo.insertResult(result(r.id, 'k0005', { status: 'unscored', score: null }));
    expect(await repo.resultCounts(r.id)).toEqual({
      pass: 2,
      fail: 1,
      error: 1,
      unscored: 2,
      costPico: 1_000 + 50 + 2_000 + 1_000 + 1_000,
      priced: 4,
    });
    expect(await repo.resultCount(r.id)).toBe(6);
  });

  it('pages results in case order, filtered by status, with their case snapshots', async () => {
    const r = await storedRun(10, { repeat: 2 });
    // Stored out of order: the page follows the cases' positions, then the repeat.
    for (let i = 9; i >= 0; i--)
      for (const repeatIndex of [1, 0])
        await repo.insertResult(
          result(r.id, `k000${i}`, {
            repeatIndex,
            status: i % 3 === 0 ? 'fail' : 'pass',
            score: i % 3 === 0 ? 0 : 1,
          }),
        );
    const all = await repo.resultsPage(r.id, null, 0, 100);
    expect(all.total).toBe(20);
    expect(all.rows.map((x) => [x.snapshot.position, x.result.repeatIndex])).toEqual(
      Array.from({ length: 20 }, (_, i) => [Math.floor(i / 2) + 1, i % 2]),
    );
    const failed = await repo.resultsPage(r.id, 'fail', 1, 3);
    expect(failed.total).toBe(8);
    expect(failed.rows.map((x) => `${x.result.caseKey}#${x.result.repeatIndex}`)).toEqual([
      'k0000#1',
      'k0003#0',
      'k0003#1',
    ]);
    expect(failed.rows[1]!.snapshot).toEqual(snapshots(r.id, 4)[3]);
    expect(failed.rows.every((x) => x.result.status === 'fail')).toBe(true);
    expect(await repo.resultsPage(r.id, 'error', 0, 10)).toEqual({ total: 0, rows: [] });
  });

  it('deletes a run with its case snapshots and results, and nothing else', async () => {
    const kept = await storedRun(3);
    const gone = await storedRun(3);
    for (const r of [kept, gone]) await repo.insertResult(result(r.id, 'k0000'));
    expect(await repo.deleteRun(gone.id)).toBe(true);
    expect(await repo.get(gone.id)).toBeUndefined();
    expect(await repo.cases(gone.id)).toEqual([]);
    expect(await repo.resultCount(gone.id)).toBe(0);
    expect(await repo.deleteRun(gone.id)).toBe(false);
    expect(await repo.cases(kept.id)).toHaveLength(3);
    expect(await repo.resultCount(kept.id)).toBe(1);
  });

  it('tells when the newest result was stored', async () => {
    const r = await storedRun(3);
    expect(await repo.lastWriteAt(r.id)).toBeNull();
    await repo.insertResult(result(r.id, 'k0001', { createdAt: '2026-12-06T10:00:02.000Z' }));
    await repo.insertResult(result(r.id, 'k0000', { createdAt: '2026-12-06T10:00:01.000Z' }));
    expect(await repo.lastWriteAt(r.id)).toBe('2026-12-06T10:00:02.000Z');
  });

  it('moves runs between statuses only from the state a race expects', async () => {
    const r = await storedRun(1);
    expect(await repo.finish(r.id, 'completed', { finishedAt: 'x' })).toBe(false);
    expect(await repo.markRunning(r.id, '2026-12-06T10:00:00.000Z')).toBe(true);
    // Resumed: the first start stays, the end and error of the last attempt go.
    expect(await repo.finish(r.id, 'failed', { finishedAt: 'f', error: 'boom' })).toBe(true);
    expect(await repo.markRunning(r.id, '2026-12-06T11:00:00.000Z')).toBe(true);
    expect(await repo.get(r.id)).toMatchObject({
      status: 'running',
      startedAt: '2026-12-06T10:00:00.000Z',
      finishedAt: null,
      error: null,
    });
    expect(await repo.finish(r.id, 'completed', { finishedAt: '2026-12-06T11:00:01.000Z' })).toBe(
      true,
    );
    // Another process that ends or reopens the run afterwards changes nothing.
    expect(await repo.finish(r.id, 'cancelled', { finishedAt: 'later' })).toBe(false);
    expect(await repo.markRunning(r.id, 'later')).toBe(false);
    expect(await repo.get(r.id)).toMatchObject({
      status: 'completed',
      finishedAt: '2026-12-06T11:00:01.000Z',
    });
  });

  it('lists runs newest first, by group', async () => {
    const groupId = newId();
    const older = await storedRun(1, { groupId, createdAt: '2026-12-06T09:00:00.000Z' });
    const newer = await storedRun(1, { groupId, createdAt: '2026-12-06T09:00:01.000Z' });
    const listed = await repo.list({ groupId, limit: 10 });
    expect(listed.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(await repo.list({ groupId, limit: 1 })).toEqual([newer]);
  });
});
