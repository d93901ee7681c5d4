import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { RunView } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';
import { openTestCore } from '../support/test-database';

/**
 * Two Assay processes on one database (two cores here, each with its own connections) resume
 * the same run at once: every case is stored exactly once, and the run ends completed.
 */

const CASES = 60;

let fake: FakeServer;
let first: Core;
let second: Core;

async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.record = false;
  const dataDir = tempDir('assay-evals-shared-resume-');
  const env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-shared-resume-0000' };
  first = await openTestCore(dataDir, env);
  second = await openTestCore(dataDir, env);
});
afterAll(async () => {
  await first.close();
  await second.close();
  await fake.close();
});

describe('one run resumed by two processes at once', () => {
  it('stores each case once and ends completed', async () => {
    const cases = Array.from(
      { length: CASES },
      (_, i) => `  - vars: { n: "${i}" }\n    matchers: [{ type: contains, value: "case ${i}" }]`,
    );
    await call(first, 'datasets.import', {
      name: 'shared',
      format: 'yaml',
      content: `test_cases:\n${cases.join('\n')}\n`,
    });
    fake.latencyMs = 20;
    const { runs } = await call<{ runs: RunView[] }>(first, 'evals.start', {
      dataset: 'shared',
      prompt: { template: 'case {{n}}' },
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      concurrency: 2,
      bypassCache: true,
    });
    const runId = runs[0]!.id;
    await new Promise((r) => setTimeout(r, 100));
    await call(first, 'evals.cancel', { runId });
    const cancelled = await first.services.runs.wait(runId);
    expect(cancelled.totals.results).toBeLessThan(CASES);

    // Both see the same rest of the run and work on it side by side.
    await Promise.all([
      call(first, 'evals.resume', { runId }),
      call(second, 'evals.resume', { runId }),
    ]);
    const [a, b] = await Promise.all([
      first.services.runs.wait(runId),
      second.services.runs.wait(runId),
    ]);
    for (const view of [a, b])
      expect(view).toMatchObject({ status: 'completed', totals: { results: CASES, pass: CASES } });

    const stored = await sql<{ n: number; keys: number }>`
      SELECT count(*) AS n, count(DISTINCT case_key) AS keys FROM eval_result
      WHERE run_id = ${runId}`.execute(first.store.db);
    expect(stored.rows.map((r) => ({ n: Number(r.n), keys: Number(r.keys) }))).toEqual([
      { n: CASES, keys: CASES },
    ]);
    fake.latencyMs = 0;
  });
});
