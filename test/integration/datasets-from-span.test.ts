import { openTestCore } from '../support/test-database';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { ZERO_USAGE } from '../../main/llm/types';
import { SpanRepository, type SpanRecord } from '../../main/tracing/span-repository';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

let openai: FakeServer;
let core: Core;

beforeAll(async () => {
  openai = await startOpenAiFake();
  const dataDir = tempDir('assay-datasets-span-');
  core = await openTestCore(dataDir, {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-span-test-000000',
  });
});

afterAll(async () => {
  await core.close();
  await openai.close();
});

async function call<C extends Channel>(channel: C, input: ChannelInput<C>) {
  return core.dispatcher.dispatch(channel, input, { transport: 'http' });
}

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

/** A span as the call path writes one, with the given request and response. */
async function insertSpan(
  request: unknown,
  response: unknown,
  kind: SpanRecord['kind'] = 'llm',
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  await new SpanRepository(core.store.db, core.store.dialect).insert({
    id,
    traceId: uuidv7(),
    parentId: null,
    kind,
    name: 'chat',
    provider: 'anthropic',
    model: 'claude-sonnet-4-5',
    status: response === null ? 'error' : 'ok',
    errorClass: null,
    errorMessage: null,
    requestJson: JSON.stringify(request),
    responseJson: response === null ? null : JSON.stringify(response),
    usage: ZERO_USAGE,
    costPicoUsd: null,
    latencyMs: 10,
    ttftMs: null,
    attempts: 1,
    cacheHit: false,
    providerRequestId: null,
    attributes: null,
    source: 'assay',
    sessionId: null,
    userId: null,
    tags: [],
    promptVersionId: null,
    rerunOf: null,
    startedAt: now,
    endedAt: now,
  });
  return id;
}

describe('cases.fromSpan (steal as eval)', () => {
  it('turns a traced call into a case: last user message, system, reply, span link', async () => {
    await ok('datasets.create', { name: 'stolen' });
    const reply = await ok('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'what is the refund window' },
      ],
    });
    const stolen = await ok('cases.fromSpan', {
      spanId: reply.spanId,
      dataset: 'stolen',
      tags: ['prod'],
    });
    expect(stolen).toMatchObject({
      vars: { input: 'what is the refund window', system: 'Be brief.' },
      expected: reply.text,
      sourceSpanId: reply.spanId,
      tags: ['prod'],
      revision: 1,
      description: `From span ${reply.spanId} (openai:gpt-4o-mini)`,
    });
    expect(reply.text).toBe('Echo: what is the refund window');

    const withExpected = await ok('cases.fromSpan', {
      spanId: reply.spanId,
      dataset: 'stolen',
      expected: { intent: 'refund' },
      matchers: [{ type: 'equals-json' }],
    });
    expect(withExpected).toMatchObject({
      expected: { intent: 'refund' },
      matchers: [{ type: 'equals-json' }],
    });
    expect((await ok('datasets.get', { name: 'stolen' })).total).toBe(2);
    // The exported file carries the case's content; the span link stays in this workspace.
    expect((await ok('datasets.export', { name: 'stolen', format: 'jsonl' })).content).toContain(
      '"input":"what is the refund window"',
    );
  });

  it('reads tool-call replies, error spans and refuses spans it cannot use', async () => {
    await ok('datasets.create', { name: 'edge' });
    const tools = await insertSpan(
      {
        provider: 'anthropic',
        model: 'claude',
        messages: [{ role: 'user', content: 'weather in Oslo?' }],
      },
      { text: '', toolCalls: [{ id: 't1', name: 'get_weather', arguments: '{"city":"Oslo"}' }] },
    );
    expect(await ok('cases.fromSpan', { spanId: tools, dataset: 'edge' })).toMatchObject({
      vars: { input: 'weather in Oslo?' },
      expected: [{ name: 'get_weather', arguments: { city: 'Oslo' } }],
    });
    const failed = await insertSpan({ messages: [{ role: 'user', content: 'boom' }] }, null);
    const noReply = await ok('cases.fromSpan', { spanId: failed, dataset: 'edge' });
    expect(noReply).not.toHaveProperty('expected');

    const noUser = await insertSpan(
      { messages: [{ role: 'system', content: 'x' }] },
      { text: 'y' },
    );
    const tool = await insertSpan({ query: 'select 1' }, { rows: [] }, 'tool');
    for (const [spanId, message] of [
      [noUser, 'has no user message'],
      [tool, 'holds no chat request'],
    ] as const) {
      const result = await call('cases.fromSpan', { spanId, dataset: 'edge' });
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining(message),
      });
    }
    const missing = await call('cases.fromSpan', { spanId: 'nope', dataset: 'edge' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const noDataset = await call('cases.fromSpan', { spanId: tools, dataset: 'absent' });
    expect(noDataset.ok ? null : noDataset.error.code).toBe('NOT_FOUND');
    expect((await ok('datasets.get', { name: 'edge' })).total).toBe(2);
  });
});

describe('cases.draftFromSpan and an edited "to dataset"', () => {
  it("keeps an eval case's variables, not the rendered messages", async () => {
    await ok('datasets.import', {
      name: 'geo-cases',
      format: 'yaml',
      content:
        'test_cases:\n  - vars: { city: Paris, tone: dry }\n    matchers: [{ type: contains, value: Paris }]\n',
    });
    const { runs } = await ok('evals.start', {
      dataset: 'geo-cases',
      prompt: { template: 'Describe {{city}} in a {{tone}} tone.' },
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    });
    await core.services.runs.wait(runs[0]!.id);
    const [result] = (await ok('evals.results', { runId: runs[0]!.id })).results;
    const draft = await ok('cases.draftFromSpan', { spanId: result!.spanId! });
    expect(draft).toMatchObject({
      source: 'eval-case',
      prompt: 'inline prompt',
      vars: { city: 'Paris', tone: 'dry' },
      expected: 'Echo: Describe Paris in a dry tone.',
    });
    expect(draft.vars).not.toHaveProperty('input');

    // The edit step: another dataset, the expected output and matchers as the user set them.
    await ok('datasets.create', { name: 'regressions' });
    const saved = await ok('cases.fromSpan', {
      spanId: result!.spanId!,
      dataset: 'regressions',
      vars: { ...draft.vars, tone: 'warm' },
      expected: 'Paris, warmly',
      matchers: [{ type: 'contains', value: 'Paris' }],
      description: 'Tone regression',
    });
    expect(saved).toMatchObject({
      vars: { city: 'Paris', tone: 'warm' },
      expected: 'Paris, warmly',
      matchers: [{ type: 'contains', value: 'Paris' }],
      description: 'Tone regression',
      sourceSpanId: result!.spanId,
    });
  });

  it('keeps the variables a playground run rendered its prompt with', async () => {
    const run = await ok('playground.run', {
      messages: [{ role: 'user', content: 'Hello Ada' }],
      promptName: 'greeter',
      promptVersion: 'v1.2',
      variables: { name: 'Ada' },
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      streamPrefix: 'draft-test',
    });
    const spanId = run.columns[0]!.result!.spanId;
    expect(await ok('cases.draftFromSpan', { spanId })).toMatchObject({
      source: 'playground',
      prompt: 'greeter@v1.2',
      vars: { name: 'Ada' },
      expected: 'Echo: Hello Ada',
    });
    await ok('datasets.create', { name: 'from-playground' });
    const saved = await ok('cases.fromSpan', { spanId, dataset: 'from-playground' });
    expect(saved.vars).toEqual({ name: 'Ada' });
  });

  it('falls back to the messages when no variables were kept, and names an unknown span', async () => {
    const spanId = await insertSpan(
      { messages: [{ role: 'user', content: 'Plain question' }] },
      { text: 'Plain answer' },
    );
    expect(await ok('cases.draftFromSpan', { spanId })).toMatchObject({
      source: 'messages',
      prompt: null,
      vars: { input: 'Plain question' },
      expected: 'Plain answer',
    });
    const missing = await call('cases.draftFromSpan', { spanId: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
