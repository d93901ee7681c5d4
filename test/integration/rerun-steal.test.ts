import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput, TopicPayload } from '../../shared/contract';
import { pricePerMillionToPicoPerToken, picoToUsd } from '../../shared/money';
import type { Core } from '../../main/app/create-core';
import { newId } from '../../main/kit/ids';
import { applyPromptVersion } from '../../main/tracing/actions/apply-prompt';
import { rerunRequest } from '../../main/tracing/actions/rerun-request';
import type { SpanRecord } from '../../main/tracing/span-record';
import type { FakeServer } from '../fakes/fake-http';
import { startAnthropicFake } from '../fakes/anthropic-fake';
import { startOpenAiFake } from '../fakes/openai-fake';
import { spanFixture } from '../support/span-fixture';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

const OPENAI_KEY = 'sk-rerun-test-0000000000';
let openai: FakeServer;
let anthropic: FakeServer;
let core: Core;

beforeAll(async () => {
  openai = await startOpenAiFake();
  anthropic = await startAnthropicFake();
  core = await openTestCore(tempDir('assay-rerun-'), {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: OPENAI_KEY,
    ANTHROPIC_BASE_URL: anthropic.url,
    ANTHROPIC_API_KEY: 'sk-ant-rerun-test-00000000',
  });
});

afterAll(async () => {
  await core.close();
  await openai.close();
  await anthropic.close();
});

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

async function fail<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.data)}`);
  return result.error;
}

/** A span as the gateway stores one: normalized request, source gateway. */
async function ingest(overrides: Partial<SpanRecord>, source: SpanRecord['source'] = 'gateway') {
  const span = spanFixture({ source, ...overrides });
  await core.services.tracing.ingest([span], source, 'test');
  return span;
}

/** The catalog's price of a call, by hand from prices.list (USD per 1M tokens). */
async function priceOf(provider: string, model: string, input: number, output: number) {
  const { prices } = await ok('prices.list', {});
  const price = prices.find((p) => p.provider === provider && p.model === model)!;
  const pico =
    input * pricePerMillionToPicoPerToken(price.input)! +
    output * pricePerMillionToPicoPerToken(price.output)!;
  return picoToUsd(pico);
}

describe('spans.rerun', () => {
  it('reruns a call with another model: a linked span in a new trace, exact cost, deltas', async () => {
    const original = await ok('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'what is the refund window' },
      ],
    });
    const anthropicCalls = anthropic.requests.length;
    const result = await ok('spans.rerun', {
      spanId: original.spanId,
      model: { provider: 'anthropic', model: 'claude-haiku-4-5-20251001' },
    });
    expect(anthropic.requests.length).toBe(anthropicCalls + 1);
    const { rerun, comparison } = result;
    expect(rerun).toMatchObject({
      rerunOf: original.spanId,
      provider: 'anthropic',
      model: 'claude-haiku-4-5-20251001',
      name: 'rerun of openai:gpt-4o-mini',
      status: 'ok',
      cacheHit: false,
    });
    expect(rerun.traceId).not.toBe(original.traceId);
    expect(rerun.parentId).toBeNull();
    expect(result.promptApplied).toBe('none');
    // The same messages went out.
    expect(rerun.request).toMatchObject({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'what is the refund window' },
      ],
    });
    const cost = await priceOf(
      'anthropic',
      'claude-haiku-4-5-20251001',
      rerun.usage.inputTokens,
      rerun.usage.outputTokens,
    );
    expect(rerun.costUsd).toBeCloseTo(cost, 15);
    expect(comparison.costDeltaUsd).toBeCloseTo(rerun.costUsd! - original.costUsd!, 15);
    expect(comparison.latencyDeltaMs).toBe(rerun.latencyMs - original.latencyMs);
    expect(comparison.inputTokensDelta).toBe(
      rerun.usage.inputTokens - result.original.usage.inputTokens,
    );
    expect(comparison.outputTokensDelta).toBe(
      rerun.usage.outputTokens - result.original.usage.outputTokens,
    );
    expect(comparison.totalTokensDelta).toBe(
      comparison.inputTokensDelta + comparison.outputTokensDelta,
    );
    expect(comparison).toMatchObject({
      originalText: 'Echo: what is the refund window',
      rerunText: 'Echo: what is the refund window',
      sameText: true,
    });

    const listed = await ok('spans.reruns', { spanId: original.spanId });
    expect(listed.reruns.map((r) => r.rerun.id)).toEqual([rerun.id]);
    expect(listed.reruns[0]!.comparison.costDeltaUsd).toBeCloseTo(comparison.costDeltaUsd!, 15);
  });

  it('calls the model even when the same request is cached, with the parameters asked for', async () => {
    const request = {
      provider: 'openai' as const,
      model: 'gpt-4o',
      messages: [{ role: 'user' as const, content: 'cache me' }],
    };
    const first = await ok('llm.call', request);
    expect((await ok('llm.call', request)).cacheHit).toBe(true);
    const before = openai.requests.length;
    const result = await ok('spans.rerun', {
      spanId: first.spanId,
      parameters: { temperature: 0.3, maxTokens: 50, topP: 0.9 },
    });
    expect(openai.requests.length).toBe(before + 1);
    expect(result.rerun.cacheHit).toBe(false);
    expect(result.rerun.request).toMatchObject({ temperature: 0.3, maxTokens: 50, topP: 0.9 });
    expect(openai.requests.at(-1)!.body).toMatchObject({ temperature: 0.3, top_p: 0.9 });
  });

  it('reruns gateway and OTLP spans from their normalized request', async () => {
    const gateway = await ingest({
      name: 'POST /gateway/openai/v1/chat/completions',
      model: 'gpt-4o-mini',
      requestJson: JSON.stringify({
        provider: 'openai',
        model: 'gpt-4o-mini',
        stream: true,
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'ping from the gateway', name: 'app-user' },
        ],
        temperature: 1,
      }),
    });
    const result = await ok('spans.rerun', { spanId: gateway.id });
    expect(result.rerun).toMatchObject({
      rerunOf: gateway.id,
      source: 'assay',
      provider: 'openai',
      model: 'gpt-4o-mini',
    });
    expect(result.comparison.rerunText).toBe('Echo: ping from the gateway');
    expect(result.comparison.originalText).toBe('hello');
    expect(result.comparison.sameText).toBe(false);
    expect(result.comparison.costDeltaUsd).toBeCloseTo(
      result.rerun.costUsd! - picoToUsd(gateway.costPicoUsd!),
      15,
    );

    // OTLP content can arrive as structured parts: it is sent again as JSON text.
    const otlp = await ingest(
      {
        provider: 'gemini',
        model: 'gemini-2.5-pro',
        costPicoUsd: null,
        requestJson: JSON.stringify({
          messages: [{ role: 'user', content: [{ type: 'text', text: 'parts' }] }],
        }),
      },
      'otlp',
    );
    const unpriced = await fail('spans.rerun', { spanId: otlp.id });
    expect(unpriced.code).toBe('VALIDATION_FAILED');
    expect(unpriced.message).toContain('"gemini"');
    expect(unpriced.message).toContain('choose a model');
    const moved = await ok('spans.rerun', {
      spanId: otlp.id,
      model: { provider: 'openai', model: 'gpt-4o-mini' },
    });
    expect(moved.comparison.rerunText).toBe('Echo: [{"type":"text","text":"parts"}]');
    // The original had no price: there is no cost delta, never a made-up one.
    expect(moved.comparison.costDeltaUsd).toBeNull();
  });

  it('refuses unknown spans, non-LLM spans and requests it cannot send, with coded errors', async () => {
    expect(await fail('spans.rerun', { spanId: newId() })).toMatchObject({ code: 'NOT_FOUND' });
    const tool = await ingest({ kind: 'tool', requestJson: '{"input":"x"}' });
    const toolError = await fail('spans.rerun', { spanId: tool.id });
    expect(toolError.code).toBe('VALIDATION_FAILED');
    expect(toolError.message).toContain('tool span');
    const garbled = await ingest({ requestJson: '{"input":{"question":1}}' });
    const garbledError = await fail('spans.rerun', { spanId: garbled.id });
    expect(garbledError.code).toBe('VALIDATION_FAILED');
    expect(garbledError.message).toContain('no chat request');
    const badRole = await ingest({
      requestJson: JSON.stringify({ messages: [{ role: 'wizard', content: 'x' }] }),
    });
    expect((await fail('spans.rerun', { spanId: badRole.id })).message).toContain('messages.0');
    expect((await fail('spans.reruns', { spanId: newId() })).code).toBe('NOT_FOUND');
  });

  it('answers a failed rerun with the provider error, and keeps its span linked', async () => {
    const original = await ingest({
      requestJson: JSON.stringify({ messages: [{ role: 'user', content: 'will fail' }] }),
    });
    openai.faults.enqueue({ kind: 'status', status: 400 });
    const error = await fail('spans.rerun', { spanId: original.id });
    expect(error.code).toBe('PROVIDER_REJECTED');
    const listed = await ok('spans.reruns', { spanId: original.id });
    expect(listed.reruns.map((r) => r.rerun.status)).toEqual(['error']);
    expect(listed.reruns[0]!.comparison.rerunText).toBe('');
  });

  it('swaps the system message of a prompt version when the variables are unknown', async () => {
    await ok('prompts.create', {
      name: 'support',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', content: 'You are support for {{company}}.' },
          { role: 'user', content: '{{question}}' },
        ],
        variables: [{ name: 'company', default: 'Acme' }],
      },
    });
    const gateway = await ingest({
      requestJson: JSON.stringify({
        messages: [
          { role: 'system', content: 'old system' },
          { role: 'user', content: 'where is my order' },
        ],
      }),
    });
    const result = await ok('spans.rerun', {
      spanId: gateway.id,
      promptVersion: 'support@latest',
    });
    expect(result.promptApplied).toBe('system');
    expect(result.rerun.request).toMatchObject({
      messages: [
        { role: 'system', content: 'You are support for Acme.' },
        { role: 'user', content: 'where is my order' },
      ],
    });
    const version = await ok('prompts.get', { name: 'support', label: 'latest' });
    expect(result.rerun.promptVersionId).toBe(version.version.id);
    expect(
      (await fail('spans.rerun', { spanId: gateway.id, promptVersion: 'nope@latest' })).code,
    ).toBe('NOT_FOUND');
  });

  it('renders the prompt version with the original variables when they are known', async () => {
    const span = spanFixture({
      requestJson: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }),
    });
    const request = rerunRequest(span, {}, 'test');
    const applied = await applyPromptVersion(
      span,
      request,
      'support@latest',
      {
        prompts: core.services.prompts,
        variables: () =>
          Promise.resolve({ vars: { question: 'refund?' }, prompt: null, source: 'playground' }),
      },
      'test',
    );
    expect(applied.applied).toBe('variables');
    expect(applied.request.messages).toEqual([
      { role: 'system', content: 'You are support for Acme.' },
      { role: 'user', content: 'refund?' },
    ]);
    expect(applied.request.model).toBe('gpt-4o');
  });
});

describe('traces.rerun and interactions.rerun', () => {
  it('reruns every LLM span of a trace into one new trace, with progress', async () => {
    const traceId = newId();
    const root = spanFixture({ traceId, kind: 'chain', name: 'agent', requestJson: '{"input":1}' });
    const a = spanFixture({
      traceId,
      parentId: root.id,
      requestJson: JSON.stringify({ messages: [{ role: 'user', content: 'step one' }] }),
    });
    const b = spanFixture({
      traceId,
      parentId: root.id,
      requestJson: JSON.stringify({ messages: [{ role: 'user', content: 'step two' }] }),
    });
    const unsendable = spanFixture({ traceId, parentId: root.id, requestJson: '{}' });
    await core.services.tracing.ingest([root, a, b, unsendable], 'otlp', 'test');
    const progress: TopicPayload<'reruns.progress'>[] = [];
    const unsubscribe = core.events.subscribe((topic, payload) => {
      if (topic === 'reruns.progress') progress.push(payload as TopicPayload<'reruns.progress'>);
    });
    const batch = await ok('traces.rerun', {
      traceId,
      model: { provider: 'openai', model: 'gpt-4o-mini' },
    });
    unsubscribe();
    expect(batch.pairs.map((p) => p.original.id).sort()).toEqual([a.id, b.id].sort());
    expect(batch.pairs.map((p) => p.comparison.rerunText).sort()).toEqual([
      'Echo: step one',
      'Echo: step two',
    ]);
    expect(batch.failures).toEqual([
      expect.objectContaining({ spanId: unsendable.id, code: 'VALIDATION_FAILED' }),
    ]);
    expect(new Set(batch.pairs.map((p) => p.rerun.traceId))).toEqual(new Set([batch.traceId]));
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(progress.every((p) => p.of === traceId && p.total === 3)).toBe(true);
    const detail = await ok('traces.get', { id: batch.traceId });
    expect(detail.trace.llmCount).toBe(2);
    // The original trace's totals are untouched by its reruns.
    expect((await ok('traces.get', { id: traceId })).trace.llmCount).toBe(3);
  });

  it("reruns an interaction's linked spans", async () => {
    const span = await ingest({
      requestJson: JSON.stringify({ messages: [{ role: 'user', content: 'interaction call' }] }),
    });
    const interaction = await ok('interactions.create', {
      type: 'chat',
      input: 'interaction call',
      output: 'hello',
      spanIds: [span.id],
    });
    const batch = await ok('interactions.rerun', { interactionId: interaction.id });
    expect(batch.pairs).toHaveLength(1);
    expect(batch.pairs[0]!.rerun.rerunOf).toBe(span.id);
    expect((await fail('interactions.rerun', { interactionId: newId() })).code).toBe('NOT_FOUND');
  });
});

describe('steal as eval', () => {
  it('steals a gateway span: messages as variables, the reply as expected', async () => {
    const span = await ingest({
      requestJson: JSON.stringify({
        provider: 'openai',
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 'Route tickets.' },
          { role: 'user', content: 'my card 4111 1111 1111 1111 was charged twice' },
        ],
      }),
      responseJson: JSON.stringify({ text: 'billing', toolCalls: [], finishReason: 'stop' }),
    });
    const draft = await ok('cases.draftFromSpan', { spanId: span.id });
    expect(draft).toMatchObject({
      source: 'messages',
      vars: { input: 'my card 4111 1111 1111 1111 was charged twice', system: 'Route tickets.' },
      expected: 'billing',
    });
    const preview = await ok('cases.redactionPreview', {
      vars: draft.vars,
      expected: draft.expected,
    });
    expect(preview.vars.input).toBe('my card [CARD] was charged twice');
    expect(preview.findings).toEqual([{ field: 'vars.input', kind: 'card', count: 1 }]);
    await ok('datasets.create', { name: 'stolen-gateway' });
    const saved = await ok('cases.fromSpan', {
      spanId: span.id,
      dataset: 'stolen-gateway',
      vars: preview.vars,
    });
    expect(saved).toMatchObject({
      vars: { input: 'my card [CARD] was charged twice', system: 'Route tickets.' },
      expected: 'billing',
      sourceSpanId: span.id,
    });
  });

  it('steals an interaction after a redaction preview; nothing is saved before', async () => {
    await ok('datasets.create', { name: 'stolen-interactions' });
    const interaction = await ok('interactions.create', {
      type: 'extraction',
      input: { email: 'write to ann@example.com or +1 415 555 0100', key: OPENAI_KEY },
      output: { name: 'Ann' },
    });
    const draft = await ok('cases.draftFromInteraction', { interactionId: interaction.id });
    // The configured key never reached the database: interactions.create cut it out.
    expect(draft).toMatchObject({
      interactionId: interaction.id,
      vars: { email: 'write to ann@example.com or +1 415 555 0100', key: '[REDACTED]' },
      expected: { name: 'Ann' },
      prompt: null,
    });
    const preview = await ok('cases.redactionPreview', {
      vars: draft.vars,
      expected: draft.expected,
    });
    expect(preview.vars).toEqual({
      email: 'write to [EMAIL] or [PHONE]',
      key: '[REDACTED]',
    });
    expect(preview.findings).toEqual(
      expect.arrayContaining([
        { field: 'vars.email', kind: 'email', count: 1 },
        { field: 'vars.email', kind: 'phone', count: 1 },
      ]),
    );
    expect((await ok('datasets.get', { name: 'stolen-interactions' })).total).toBe(0);

    const masked = await ok('cases.fromInteraction', {
      interactionId: interaction.id,
      dataset: 'stolen-interactions',
      vars: preview.vars,
    });
    expect(masked).toMatchObject({ vars: preview.vars, expected: { name: 'Ann' } });
    // Keeping the original text is the user's choice too.
    const original = await ok('cases.fromInteraction', {
      interactionId: interaction.id,
      dataset: 'stolen-interactions',
      expected: null,
    });
    expect(original.vars).toEqual(draft.vars);
    expect(original.expected).toBeUndefined();
    expect((await ok('datasets.get', { name: 'stolen-interactions' })).total).toBe(2);
  });

  it('takes a string input as `input`, and refuses interactions without input', async () => {
    await ok('datasets.create', { name: 'strings' });
    const plain = await ok('interactions.create', {
      type: 'chat',
      input: 'hello there',
      output: 'hi',
    });
    expect(
      await ok('cases.fromInteraction', { interactionId: plain.id, dataset: 'strings' }),
    ).toMatchObject({ vars: { input: 'hello there' }, expected: 'hi' });
    const odd = await ok('interactions.create', { type: 'chat', input: { 'not a name': 1 } });
    expect((await ok('cases.draftFromInteraction', { interactionId: odd.id })).vars).toEqual({
      input: '{"not a name":1}',
    });
    const empty = await ok('interactions.create', { type: 'chat', input: null });
    const error = await fail('cases.draftFromInteraction', { interactionId: empty.id });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(error.message).toContain('no input');
    expect(
      (await fail('cases.fromInteraction', { interactionId: newId(), dataset: 'strings' })).code,
    ).toBe('NOT_FOUND');
  });
});
