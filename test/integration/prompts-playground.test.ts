import { openTestCore } from '../support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput, TopicPayload } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import type { FakeServer } from '../fakes/fake-http';
import { defaultReply } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

let openai: FakeServer;
let core: Core;

beforeAll(async () => {
  openai = await startOpenAiFake({ streamGapMs: 5 });
  // gpt-4o answers at length, so a test can cancel it mid-stream while gpt-4o-mini finishes.
  openai.reply = (request) => {
    const reply = defaultReply(request);
    return request.model === 'gpt-4o' ? { ...reply, text: 'word '.repeat(400) } : reply;
  };
  const dataDir = tempDir('assay-playground-');
  core = await openTestCore(dataDir, {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-playground-test-0000',
  });
});

afterAll(async () => {
  await core.close();
  await openai.close();
});

type Run = ChannelOutput<'playground.run'>;

describe('playground.run', () => {
  it('streams each column, cancels one alone, records spans and keeps the run', async () => {
    const deltas = new Map<string, number>();
    const unsubscribe = core.events.subscribe((topic, payload) => {
      if (topic !== 'llm.delta') return;
      const { streamId } = payload as TopicPayload<'llm.delta'>;
      deltas.set(streamId, (deltas.get(streamId) ?? 0) + 1);
      if (streamId === 'pg-1:1' && deltas.get(streamId) === 1)
        void core.dispatcher.dispatch('llm.cancel', { streamId }, { transport: 'ipc' });
    });
    const result = await core.dispatcher.dispatch(
      'playground.run',
      {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'compare these two models please' },
        ],
        promptName: 'team/bot',
        promptVersion: 'v1.2',
        variables: { topic: 'otters' },
        targets: [
          { provider: 'openai', model: 'gpt-4o-mini', temperature: 0.2 },
          { provider: 'openai', model: 'gpt-4o', maxTokens: 4000 },
        ],
        streamPrefix: 'pg-1',
        bypassCache: true,
      },
      { transport: 'ipc' },
    );
    unsubscribe();
    expect(result.ok).toBe(true);
    const run = (result as { data: Run }).data;
    expect(run.columns.map((c) => c.status)).toEqual(['ok', 'cancelled']);
    expect(run.columns[0]!.result).toMatchObject({
      text: 'Echo: compare these two models please',
      cacheHit: false,
    });
    expect(run.columns[0]!.error).toBeNull();
    expect(run.columns[1]).toMatchObject({ result: null, error: { code: 'CANCELLED' } });
    expect(deltas.get('pg-1:0')).toBeGreaterThan(1);
    expect(deltas.get('pg-1:1')).toBeGreaterThanOrEqual(1);

    const spans = await core.services.llm.spansOfTrace(run.columns[0]!.result!.traceId);
    expect(spans.map((s) => [s.model, s.status, s.errorClass, s.attributes])).toEqual([
      ['gpt-4o-mini', 'ok', null, { playgroundRunId: run.id, column: 0 }],
    ]);
    const stored = await core.store.db
      .selectFrom('span')
      .select(['id', 'model', 'status', 'error_class'])
      .where('name', '=', 'playground')
      .orderBy('model')
      .execute();
    expect(stored.map((s) => [s.model, s.status, s.error_class])).toEqual([
      ['gpt-4o', 'error', 'aborted'],
      ['gpt-4o-mini', 'ok', null],
    ]);
    const attributes = await Promise.all(
      stored.map(async (s) => (await core.services.llm.span(s.id))?.attributes),
    );
    expect(attributes).toEqual([
      { playgroundRunId: run.id, column: 1 },
      { playgroundRunId: run.id, column: 0 },
    ]);
    expect((await core.services.llm.span(run.columns[0]!.result!.spanId))?.status).toBe('ok');

    const history = await core.dispatcher.dispatch('playground.history', {}, { transport: 'ipc' });
    expect(history).toMatchObject({ ok: true, data: { runs: [run] } });
  });

  it('reports a failing column in its place and keeps the others', async () => {
    const result = await core.dispatcher.dispatch(
      'playground.run',
      {
        messages: [{ role: 'user', content: 'second run' }],
        targets: [
          { provider: 'anthropic', model: 'claude-sonnet-4-5' },
          { provider: 'openai', model: 'gpt-4o-mini' },
        ],
        streamPrefix: 'pg-2',
      },
      { transport: 'ipc' },
    );
    const run = (result as { data: Run }).data;
    expect(run.columns.map((c) => c.status)).toEqual(['error', 'ok']);
    expect(run.columns[0]!.error?.code).toBe('PROVIDER_AUTH');
    expect(run).toMatchObject({ promptName: null, promptVersion: null, variables: {} });

    const history = await core.dispatcher.dispatch(
      'playground.history',
      { limit: 1 },
      { transport: 'ipc' },
    );
    expect((history as { data: { runs: Run[] } }).data.runs.map((r) => r.id)).toEqual([run.id]);
  });

  it('refuses more than six columns', async () => {
    const target = { provider: 'openai' as const, model: 'gpt-4o-mini' };
    const result = await core.dispatcher.dispatch(
      'playground.run',
      {
        messages: [{ role: 'user', content: 'x' }],
        targets: Array(7).fill(target),
        streamPrefix: 'pg-3',
      },
      { transport: 'ipc' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
