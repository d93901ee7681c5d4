import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { buildSpanTree } from '../../renderer/src/pages/traces/span-tree';
import { spanFixture } from '../support/span-fixture';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';

let core: Core;
let openai: FakeServer;

beforeAll(async () => {
  openai = await startOpenAiFake();
  core = await openTestCore(tempDir('assay-traces-page-'), {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-traces-page-0123456789',
  });
});

afterAll(async () => {
  await core.close();
  await openai.close();
});

async function dispatch<C extends Channel>(channel: C, input: ChannelInput<C>) {
  return core.dispatcher.dispatch(channel, input, { transport: 'http' });
}

async function ok<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

describe('the channels the Traces page reads', () => {
  it('traces.facets lists the providers and models seen; traces.promptVersion names a version', async () => {
    const created = await ok('prompts.create', {
      name: 'support/reply',
      kind: 'chat',
      content: { messages: [{ role: 'user', content: '{{q}}' }] },
    });
    const traceId = '0194aaaa-0000-7000-8000-000000000001';
    // A root, a child, and a grandchild whose parent arrives in the same batch after it.
    const root = spanFixture({
      id: 'root',
      traceId,
      kind: 'chain',
      name: 'agent',
      model: null,
      provider: null,
      costPicoUsd: null,
      startedAt: '2026-12-06T10:00:00.000Z',
      endedAt: '2026-12-06T10:00:01.000Z',
    });
    const child = spanFixture({
      id: 'child',
      traceId,
      parentId: 'root',
      model: 'claude-sonnet-4',
      provider: 'anthropic',
      promptVersionId: created.id,
      startedAt: '2026-12-06T10:00:00.100Z',
      endedAt: '2026-12-06T10:00:00.600Z',
    });
    const grand = spanFixture({
      id: 'grand',
      traceId,
      parentId: 'child',
      kind: 'tool',
      name: 'lookup',
      model: null,
      provider: null,
      costPicoUsd: null,
      startedAt: '2026-12-06T10:00:00.200Z',
      endedAt: '2026-12-06T10:00:00.300Z',
    });
    await core.services.tracing.ingest([grand, root, child], 'api', 'test');
    await core.services.tracing.ingest(
      [spanFixture({ model: 'gpt-4o', provider: 'openai' })],
      'api',
      'test',
    );

    await expect(ok('traces.facets', {})).resolves.toEqual({
      providers: ['anthropic', 'openai'],
      models: ['claude-sonnet-4', 'gpt-4o'],
    });
    await expect(ok('traces.promptVersion', { id: created.id })).resolves.toEqual({
      versionId: created.id,
      name: 'support/reply',
      version: 'v1.0',
    });

    // The detail the page builds its tree from nests the three spans.
    const detail = await ok('traces.get', { id: traceId });
    expect(buildSpanTree(detail.spans).map((r) => `${r.depth}:${r.span.id}`)).toEqual([
      '0:root',
      '1:child',
      '2:grand',
    ]);
  });

  it('traces.promptVersion refuses a name@label and answers NOT_FOUND for an unknown id', async () => {
    const labelled = await dispatch('traces.promptVersion', { id: 'support/reply@production' });
    expect(labelled.ok ? null : labelled.error.code).toBe('VALIDATION_FAILED');
    const unknown = await dispatch('traces.promptVersion', { id: 'no-such-version' });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });

  it("publishes traces.ingested once an Assay call's span is stored (the list refreshes live)", async () => {
    const seen: unknown[] = [];
    const stop = core.services.events.subscribe((topic, payload) => {
      if (topic === 'traces.ingested') seen.push(payload);
    });
    try {
      const result = await ok('llm.call', {
        provider: 'openai',
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'ping' }],
      });
      expect(seen).toEqual([{ source: 'assay', spans: 1, traceIds: [result.traceId] }]);
      // By then the span is readable: the refresh the event causes finds it.
      await expect(ok('spans.get', { id: result.spanId })).resolves.toMatchObject({
        id: result.spanId,
      });
    } finally {
      stop();
    }
  });
});
