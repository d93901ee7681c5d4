import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView, TopicPayload } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { createHeadlessCore } from '../../main/app/create-headless-core';
import type { TeamOptions } from '../../main/team/team-options';
import { startCaseWorker, type CaseWorker } from '../../main/jobs/start-case-worker';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { dropTeamKeys, openTeamCoreIn, testTeam } from '../support/team-workers';
import { adminContext } from '../support/team-core';
import type { CallContext } from '../../main/api/dispatcher';
import { tempDir } from '../support/temp-dir';

/**
 * A worker's progress: it publishes `eval.progress` on its core's bus as results are stored
 * (the server's Redis bridge carries it to every SSE stream), counted over the whole run, and
 * the worker that stores the last result publishes `completed`.
 */
let admin: CallContext;
let fake: FakeServer;
let team: TeamOptions;
let server: Core;
let workerCore: Core;
let worker: CaseWorker;

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.record = false;
  team = testTeam('progress');
  const env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-team-progress-0000' };
  const opened = await openTeamCoreIn(tempDir('assay-team-progress-server-'), team, env);
  server = opened.core;
  // Team cores guard every channel: the test calls as the first admin.
  admin = await adminContext(server);
  workerCore = await createHeadlessCore(
    tempDir('assay-team-progress-worker-'),
    env,
    opened.databaseUrl,
    team,
  );
  worker = startCaseWorker(team, workerCore.services.runs, {
    concurrency: 8,
    lockDurationMs: 5_000,
    stalledIntervalMs: 2_000,
    slotLeaseMs: 5_000,
  });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await workerCore?.close();
  await server?.close();
  await fake?.close();
  if (team) await dropTeamKeys(team);
}, 60_000);

describe('progress of a run executed by a worker', () => {
  it("is published on the worker core's bus, over the whole run, ending completed", async () => {
    const CASES = 40;
    const cases = Array.from({ length: CASES }, (_, i) => `  - vars: { n: "${i}" }`);
    const imported = await server.dispatcher.dispatch(
      'datasets.import',
      { name: 'progress', format: 'yaml', content: `test_cases:\n${cases.join('\n')}\n` },
      admin,
    );
    expect(imported.ok).toBe(true);
    const seen: TopicPayload<'eval.progress'>[] = [];
    workerCore.events.subscribe((topic, payload) => {
      if (topic === 'eval.progress') seen.push(payload as TopicPayload<'eval.progress'>);
    });
    const serverSide: TopicPayload<'eval.progress'>[] = [];
    server.events.subscribe((topic, payload) => {
      if (topic === 'eval.progress') serverSide.push(payload as TopicPayload<'eval.progress'>);
    });
    fake.latencyMs = 30;
    const started = await server.dispatcher.dispatch(
      'evals.start',
      {
        dataset: 'progress',
        prompt: { template: 'case {{n}}' },
        targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
        concurrency: 4,
        bypassCache: true,
      },
      admin,
    );
    if (!started.ok) throw new Error(started.error.message);
    const runId = (started.data as { runs: RunView[] }).runs[0]!.id;
    const view = await server.services.runs.wait(runId);
    expect(view).toMatchObject({
      status: 'completed',
      totals: { results: CASES, unscored: CASES },
    });

    const ofRun = seen.filter((p) => p.runId === runId);
    // Throttled (at most every 100 ms), yet several while it ran: 40 cases at 4 × 30 ms.
    expect(ofRun.length).toBeGreaterThanOrEqual(2);
    const dones = ofRun.map((p) => p.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    expect(ofRun.every((p) => p.total === CASES)).toBe(true);
    expect(ofRun.at(-1)).toMatchObject({ status: 'completed', done: CASES, unscored: CASES });
    // The server published the run's start (its own bus; workers' events reach it by bridge).
    expect(serverSide.find((p) => p.runId === runId)).toMatchObject({
      status: 'running',
      total: CASES,
    });
  }, 60_000);
});
