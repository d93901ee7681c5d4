import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../app/create-core';
import type { FakeServer } from '../../../test/fakes/fake-http';
import { startOpenAiFake } from '../../../test/fakes/openai-fake';
import { coreCall } from '../../../test/support/core-call';
import {
  openSemanticCore,
  semanticStatus as status,
  until,
} from '../../../test/support/semantic-core';
import { spanFixture } from '../../../test/support/span-fixture';
import { tempDir } from '../../../test/support/temp-dir';

/**
 * Semantic search end to end in a core on SQLite (sqlite-vec): the background job embeds
 * ingested traces and interactions through the real openai SDK (the `local` provider) against
 * the fake's deterministic bag-of-words embeddings, then the channels find them by meaning.
 * PostgreSQL without pgvector is test/postgres/semantic-needs-pgvector.test.ts.
 */
let fake: FakeServer;

beforeAll(async () => {
  fake = await startOpenAiFake();
});
afterAll(() => fake.close());

const openCore = (dataDir: string) => openSemanticCore(dataDir, `${fake.url}/v1`);

/** A trace of one LLM span asking `question` and answered `answer`. */
function trace(question: string, answer: string, status: 'ok' | 'error' = 'ok') {
  return spanFixture({
    status,
    requestJson: JSON.stringify({ messages: [{ role: 'user', content: question }] }),
    responseJson: JSON.stringify({ text: answer }),
  });
}

const TRACES = [
  trace('Where is my refund for the broken order?', 'Your refund for the order is on its way.'),
  trace('How do I reset my password?', 'Click forgot password to reset it.'),
  trace('What is the weather in Tokyo today?', 'Rain in Tokyo all day.'),
  trace('Can I get a refund for a damaged order?', 'Yes, a refund for damaged orders.'),
  trace('Translate hello into French', 'Bonjour'),
  trace('Summarise this quarterly sales report', 'Sales grew in the quarter.'),
];

const embeddedAll = (n: number) => (s: Awaited<ReturnType<typeof status>>) =>
  s.embedded.traces + s.embedded.interactions === n && s.pending === 0;

describe('semantic search on SQLite (sqlite-vec)', () => {
  let core: Core;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDir('assay-semantic-');
    core = await openCore(dataDir);
  });
  afterAll(() => core.close());

  it('is off by default, does no work, and says how to turn it on', async () => {
    await core.services.tracing.ingest(TRACES.slice(0, 1), 'api', 'test');
    const off = await status(core);
    expect(off).toMatchObject({ enabled: false, model: null, available: true, pending: 0 });
    expect(off.hint).toMatch(/semantic\.configure/);
    await expect(coreCall(core, 'traces.searchByMeaning', { query: 'refund' })).rejects.toThrow(
      /CONFIG_INVALID .*Semantic search is off.*openai:text-embedding-3-small/,
    );
    expect(fake.requests.filter((r) => r.path.endsWith('/embeddings'))).toHaveLength(0);
  });

  it('refuses a model of a provider without embeddings, naming the field', async () => {
    await expect(
      coreCall(core, 'semantic.configure', { embeddingModel: 'anthropic:claude' }),
    ).rejects.toThrow(/VALIDATION_FAILED.*embeddingModel/);
  });

  it('embeds ingested traces in the background, then finds them by meaning', async () => {
    const on = await coreCall(core, 'semantic.configure', { embeddingModel: 'local:fake-embed' });
    expect(on).toMatchObject({ enabled: true, model: 'local:fake-embed', lastError: null });
    await core.services.tracing.ingest(TRACES.slice(1), 'api', 'test');
    const done = await until(() => status(core), embeddedAll(TRACES.length));
    expect(done.dimensions).toBe(64);
    // Batched: six traces in batches of four, not one request per trace.
    const batches = fake.requests.filter((r) => r.path.endsWith('/embeddings'));
    expect(batches.length).toBeLessThan(TRACES.length);

    const found = await coreCall(core, 'traces.searchByMeaning', {
      query: 'refund for my order',
      limit: 2,
    });
    expect(found.hits.map((h) => h.id).sort()).toEqual(
      [TRACES[0]!.traceId, TRACES[3]!.traceId].sort(),
    );
    expect(found.hits[0]!.distance).toBeLessThanOrEqual(found.hits[1]!.distance);
    expect(found.hits[0]!.inputPreview).toMatch(/refund/i);

    const similar = await coreCall(core, 'traces.similar', {
      traceId: TRACES[0]!.traceId,
      limit: 1,
    });
    expect(similar.hits.map((h) => h.id)).toEqual([TRACES[3]!.traceId]);
  });

  it('narrows a meaning search with filters after the vector search', async () => {
    const failed = trace('Refund for my order never arrived', 'error', 'error');
    await core.services.tracing.ingest([failed], 'api', 'test');
    await until(() => status(core), embeddedAll(TRACES.length + 1));
    const errors = await coreCall(core, 'traces.searchByMeaning', {
      query: 'refund order',
      filter: { status: 'error' },
    });
    expect(errors.hits.map((h) => h.id)).toEqual([failed.traceId]);
  });

  it('embeds interactions (found by the backfill walk) and lists similar ones', async () => {
    const ids: string[] = [];
    for (const [input, output] of [
      ['cancel my subscription please', 'subscription cancelled'],
      ['please cancel the subscription', 'done, cancelled'],
      ['recommend a pasta recipe', 'try carbonara'],
    ]) {
      ids.push((await coreCall(core, 'interactions.create', { type: 'chat', input, output })).id);
    }
    await until(
      () => status(core),
      (s) => s.embedded.interactions === 3 && s.pending === 0,
    );
    const similar = await coreCall(core, 'interactions.similar', {
      interactionId: ids[0]!,
      limit: 2,
    });
    expect(similar.hits.map((h) => h.id)).toEqual([ids[1], ids[2]]);
    expect(similar.hits[0]!.preview).toMatch(/cancel/);
    await expect(
      coreCall(core, 'interactions.similar', { interactionId: 'nobody' }),
    ).rejects.toThrow(/NOT_FOUND/);
  });

  it('finds failing eval results of the same dataset close to one, and production traces', async () => {
    const db = core.store.db;
    const now = new Date().toISOString();
    await db
      .insertInto('eval_run')
      .values({
        id: 'run-sem',
        group_id: 'g',
        name: 'capitals',
        dataset_id: null,
        prompt_version_id: null,
        prompt_label: '',
        frozen_prompt_json: '{}',
        interaction_type: 'generation',
        provider: 'openai',
        model: 'gpt-4o',
        parameters_json: '{}',
        status: 'completed',
        concurrency: 1,
        repeat: 1,
        bypass_cache: 0,
        total_cases: 4,
        created_at: now,
        started_at: now,
        finished_at: now,
        error: null,
      })
      .execute();
    const results: [string, string, string, string][] = [
      ['r-target', 'c1', 'fail', 'the refund for the broken order was refused'],
      ['r-close', 'c2', 'error', 'refund for a damaged order timed out'],
      ['r-far', 'c3', 'fail', 'pasta recipe carbonara'],
      ['r-pass', 'c4', 'pass', 'refund for the broken order granted'],
    ];
    for (const [i, [id, caseKey, status, output]] of results.entries()) {
      await db
        .insertInto('eval_run_case')
        .values({
          run_id: 'run-sem',
          case_key: caseKey,
          position: i,
          revision: 1,
          vars_json: JSON.stringify({ q: output.split(' ').slice(0, 3).join(' ') }),
          expected_json: null,
          matchers_json: '[]',
        })
        .execute();
      await db
        .insertInto('eval_result')
        .values({
          id,
          run_id: 'run-sem',
          case_key: caseKey,
          repeat_index: 0,
          status,
          score: status === 'pass' ? 1 : 0,
          output,
          matchers_json: '[]',
          latency_ms: 1,
          input_tokens: 1,
          output_tokens: 1,
          cost_pico_usd: null,
          judge_cost_pico_usd: 0,
          cached: 0,
          span_id: null,
          error_code: null,
          error_message: null,
          created_at: now,
        })
        .execute();
    }
    const similar = await coreCall(core, 'evals.similarFailures', {
      runId: 'run-sem',
      resultId: 'r-target',
      limit: 5,
    });
    // Only failures (the pass is left out), never the result itself, closest first.
    expect(similar.failures.map((f) => f.resultId)).toEqual(['r-close', 'r-far']);
    expect(similar.failures[0]).toMatchObject({ status: 'error', runName: 'capitals' });
    expect(similar.traces[0]!.inputPreview).toMatch(/refund/i);
    await expect(
      coreCall(core, 'evals.similarFailures', { runId: 'other-run', resultId: 'r-target' }),
    ).rejects.toThrow(/NOT_FOUND/);
  });

  it('starts a new index when the model changes', async () => {
    const before = await status(core);
    await coreCall(core, 'semantic.configure', { embeddingModel: 'local:other-embed' });
    const after = await until(
      () => status(core),
      embeddedAll(before.embedded.traces + before.embedded.interactions),
    );
    expect(after.model).toBe('local:other-embed');
    const bodies = fake.requests
      .filter((r) => r.path.endsWith('/embeddings'))
      .map((r) => (r.body as { model: string }).model);
    expect(bodies).toContain('other-embed');
    const off = await coreCall(core, 'semantic.configure', { embeddingModel: null });
    expect(off).toMatchObject({ enabled: false });
  });
});

describe('the embedding job across restarts and failures', () => {
  it('stops promptly on close and resumes what is pending after a restart', async () => {
    const dataDir = tempDir('assay-semantic-restart-');
    const first = await openCore(dataDir);
    await coreCall(first, 'semantic.configure', { embeddingModel: 'local:fake-embed' });
    await until(
      () => status(first),
      (s) => s.dimensions !== null,
    );
    // Every embedding request now hangs: nothing more is embedded before the close.
    fake.faults.enqueue({ kind: 'delay', ms: 5_000 }, { kind: 'delay', ms: 5_000 });
    await first.services.tracing.ingest(TRACES, 'api', 'test');
    const started = Date.now();
    await first.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    fake.faults.clear();

    const second = await openCore(dataDir);
    try {
      const resumed = await until(() => status(second), embeddedAll(TRACES.length));
      expect(resumed).toMatchObject({ enabled: true, model: 'local:fake-embed', lastError: null });
    } finally {
      await second.close();
    }
  });

  it('backs off while the provider fails, reports the error, and recovers', async () => {
    const dataDir = tempDir('assay-semantic-down-');
    const core = await openCore(dataDir);
    try {
      await core.services.tracing.ingest(TRACES.slice(0, 3), 'api', 'test');
      const failures = Array.from({ length: 12 }, () => ({
        kind: 'status' as const,
        status: 503,
        message: 'embedding server down',
      }));
      fake.faults.enqueue(...failures);
      await coreCall(core, 'semantic.configure', { embeddingModel: 'local:fake-embed' });
      const failing = await until(
        () => status(core),
        (s) => s.lastError !== null,
      );
      expect(failing.lastError).toMatch(/503|down/);
      expect(failing.pending).toBe(3);
      const recovered = await until(() => status(core), embeddedAll(3), 20_000);
      expect(recovered.lastError).toBeNull();
    } finally {
      fake.faults.clear();
      await core.close();
    }
  });
});
