import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../shared/contract';
import { openTestCore } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

let fake: FakeServer;
let core: Core;

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function dispatch<T>(channel: string, input: unknown): Promise<Answer<T>> {
  return core.dispatcher.dispatch(channel, input, { transport: 'http' }) as Promise<Answer<T>>;
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await dispatch<T>(channel, input);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

async function count(table: 'eval_run_case' | 'eval_result', runId: string): Promise<number> {
  const row = await core.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function startRun(bypassCache = false): Promise<RunView> {
  const { runs } = await call<{ runs: RunView[] }>('evals.start', {
    dataset: 'to-delete',
    prompt: { template: 'Say {{word}}' },
    targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    bypassCache,
  });
  return runs[0]!;
}

beforeAll(async () => {
  fake = await startOpenAiFake();
  core = await openTestCore(tempDir('assay-evals-delete-'), {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-evals-delete-00000000',
  });
  await call('datasets.import', {
    name: 'to-delete',
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

describe('evals.delete', () => {
  it('deletes a run with its case snapshots and results, and keeps its spans and other runs', async () => {
    const kept = await core.services.runs.wait((await startRun()).id);
    const run = await core.services.runs.wait((await startRun()).id);
    const { results } = await call<{ results: { spanId: string | null }[] }>('evals.results', {
      runId: run.id,
    });
    const spanIds = results.map((r) => r.spanId!);
    expect(spanIds).toHaveLength(2);
    expect(await count('eval_run_case', run.id)).toBe(2);

    expect(await call('evals.delete', { runId: run.id })).toEqual({ deleted: true });

    expect(await count('eval_run_case', run.id)).toBe(0);
    expect(await count('eval_result', run.id)).toBe(0);
    const gone = await dispatch('evals.get', { runId: run.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const id of spanIds) expect(await core.services.llm.span(id)).not.toBeNull();
    const { runs } = await call<{ runs: RunView[] }>('evals.list', { dataset: 'to-delete' });
    expect(runs.map((r) => r.id)).toEqual([kept.id]);
    expect(await count('eval_result', kept.id)).toBe(2);
  });

  it('answers NOT_FOUND for an unknown run', async () => {
    const res = await dispatch('evals.delete', { runId: 'no-such-run' });
    expect(res).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'evals.delete: no run with id "no-such-run"' },
    });
  });

  it('refuses a run another process may be executing until it has been quiet a while', async () => {
    const run = await core.services.runs.wait((await startRun()).id);
    // As another process executing it would leave it: stored as running, results just written.
    await core.store.db
      .updateTable('eval_run')
      .set({ status: 'running', finished_at: null })
      .where('id', '=', run.id)
      .execute();
    const res = await dispatch('evals.delete', { runId: run.id });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((res as { error: { message: string } }).error.message).toContain(
      'another Assay process',
    );
    // Ten minutes without a write: interrupted, not executing.
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    await core.store.db
      .updateTable('eval_result')
      .set({ created_at: old })
      .where('run_id', '=', run.id)
      .execute();
    expect(await call('evals.delete', { runId: run.id })).toEqual({ deleted: true });
  });

  it('refuses a run that is executing with CONFLICT, and deletes it once it is done', async () => {
    fake.latencyMs = 400;
    try {
      // Past the cache: earlier tests' answers would let the run end before the delete arrives.
      const run = await startRun(true);
      const res = await dispatch('evals.delete', { runId: run.id });
      expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect((res as { error: { message: string } }).error.message).toContain('is executing');
      await core.services.runs.wait(run.id);
      expect(await call('evals.delete', { runId: run.id })).toEqual({ deleted: true });
    } finally {
      fake.latencyMs = 0;
    }
  });
});
