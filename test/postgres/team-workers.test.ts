import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import type { TeamOptions } from '../../main/team/team-options';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { dropTeamKeys, openTeamCoreIn, testTeam, workerEnv } from '../support/team-workers';
import { adminContext } from '../support/team-core';
import type { CallContext } from '../../main/api/dispatcher';
import { tempDir } from '../support/temp-dir';
import { startWorker, type WorkerProcess } from '../support/worker-process';

/**
 * Team mode end to end: a server core enqueues a run's cases on Redis and three `assay worker`
 * processes (the built CLI) run them on the same PostgreSQL. One worker is killed by SIGKILL
 * mid-run: its jobs come back (stalled-job detection) and every case ends with one result.
 */

let admin: CallContext;
let fake: FakeServer;
let team: TeamOptions;
let server: Core;
let workers: WorkerProcess[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await server.dispatcher.dispatch(channel, input, admin);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

async function importDataset(name: string, count: number): Promise<void> {
  const cases = Array.from(
    { length: count },
    (_, i) => `  - vars: { n: "${i}" }\n    matchers: [{ type: contains, value: "case ${i}" }]`,
  );
  await call('datasets.import', {
    name,
    format: 'yaml',
    content: `test_cases:\n${cases.join('\n')}\n`,
  });
}

async function startRun(dataset: string, concurrency: number): Promise<string> {
  const { runs } = await call<{ runs: RunView[] }>('evals.start', {
    dataset,
    prompt: { template: 'case {{n}}' },
    targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    concurrency,
    bypassCache: true,
  });
  return runs[0]!.id;
}

async function stored(runId: string): Promise<{ n: number; keys: number }> {
  const { rows } = await sql<{ n: string; keys: string }>`
    SELECT count(*) AS n, count(DISTINCT (case_key, repeat_index)) AS keys FROM eval_result
    WHERE run_id = ${runId}`.execute(server.store.db);
  return { n: Number(rows[0]!.n), keys: Number(rows[0]!.keys) };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.record = false;
  team = testTeam('workers');
  const dataDir = tempDir('assay-team-server-');
  const opened = await openTeamCoreIn(dataDir, team);
  server = opened.core;
  // Team cores guard every channel: the test calls as the first admin.
  admin = await adminContext(server);
  const env = workerEnv(team, opened.databaseUrl, {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-team-workers-0000',
  });
  // Short locks: a killed worker's jobs come back within about two seconds.
  const args = ['--concurrency', '4', '--lock-duration', '1500', '--stalled-interval', '500'];
  workers = await Promise.all(
    [0, 1, 2].map((i) => startWorker(tempDir(`assay-team-worker-${i}-`), env, args)),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGTERM')));
  await server?.close();
  await fake?.close();
  if (team) await dropTeamKeys(team);
}, 60_000);

describe('a run spread over the worker processes', () => {
  it("holds the run's concurrency across workers and records a failing provider's errors", async () => {
    const CASES = 24;
    await importDataset('limited', CASES);
    fake.latencyMs = 60;
    fake.peakInFlight = 0;
    // Three workers of four jobs each, but the run allows 3 calls at once in all.
    const limited = await startRun('limited', 3);
    const view = await server.services.runs.wait(limited);
    expect(view).toMatchObject({ status: 'completed', totals: { results: CASES, pass: CASES } });
    expect(fake.peakInFlight).toBeLessThanOrEqual(3);
    expect(fake.peakInFlight).toBeGreaterThanOrEqual(2);

    // The provider answers 500 to everything (retried by the call path, then given up).
    await importDataset('failing', 6);
    fake.latencyMs = 0;
    fake.faults.setRandom(1, [{ kind: 'status', status: 500 }]);
    try {
      const failing = await startRun('failing', 6);
      const failed = await server.services.runs.wait(failing);
      expect(failed).toMatchObject({
        status: 'completed',
        totals: { results: 6, pass: 0, error: 6 },
      });
      const page = await call<{ results: { status: string; errorCode: string | null }[] }>(
        'evals.results',
        { runId: failing },
      );
      expect(page.results.map((r) => r.status)).toEqual(Array(6).fill('error'));
    } finally {
      fake.faults.clear();
    }
  }, 120_000);

  it('cancels across workers (waiting jobs withdrawn, nothing more stored) and resumes the rest', async () => {
    const CASES = 150;
    await importDataset('cancel', CASES);
    fake.latencyMs = 50;
    const runId = await startRun('cancel', 6);
    await until(async () => (await stored(runId)).n >= 15, 60_000, 'the first results');
    expect(await call('evals.cancel', { runId })).toEqual({ cancelled: true });
    const cancelled = await server.services.runs.wait(runId);
    expect(cancelled.status).toBe('cancelled');
    // Calls in flight at the cancel are aborted by their workers within a status check.
    await new Promise((r) => setTimeout(r, 1_500));
    const after = await stored(runId);
    expect(after.n).toBeLessThan(CASES);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stored(runId)).toEqual(after);
    expect((await server.caseQueue!.depth()).waiting).toBe(0);

    await call('evals.resume', { runId });
    const resumed = await server.services.runs.wait(runId);
    expect(resumed).toMatchObject({ status: 'completed', totals: { results: CASES, pass: CASES } });
    expect(await stored(runId)).toEqual({ n: CASES, keys: CASES });
  }, 120_000);

  it('finishes with exactly one result per case when one worker is killed mid-run', async () => {
    const CASES = 240;
    await importDataset('spread', CASES);
    fake.latencyMs = 40;
    const runId = await startRun('spread', 12);
    await until(async () => (await stored(runId)).n >= 40, 60_000, 'the first results');
    // A crash, not a stop: the worker's running jobs are neither finished nor given back.
    expect(await workers[0]!.stop('SIGKILL')).toBeNull();
    // Killed mid-run: most of the run was still to do (its jobs in flight among them).
    expect((await stored(runId)).n).toBeLessThan(CASES / 2);
    const view = await Promise.race([
      server.services.runs.wait(runId),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('run hung')), 90_000)),
    ]);
    expect(view).toMatchObject({ status: 'completed', totals: { results: CASES, pass: CASES } });
    expect(await stored(runId)).toEqual({ n: CASES, keys: CASES });
  }, 120_000);
});
