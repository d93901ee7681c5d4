import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_ANTHROPIC_MODELS, startAnthropicFake } from '../../../../test/fakes/anthropic-fake';
import type { FakeServer } from '../../../../test/fakes/fake-http';
import { defaultReply } from '../../../../test/fakes/fake-reply';
import type { ChatRequest, StreamDelta } from '../../types';
import { createAnthropicProvider } from './provider';

// Real SDK against the fake on 127.0.0.1; baseUrl is explicit so ANTHROPIC_BASE_URL cannot leak in.
const MODEL = FAKE_ANTHROPIC_MODELS[1].id;
const GAP_MS = 15;
let fake: FakeServer;
let provider: ReturnType<typeof createAnthropicProvider>;

beforeAll(async () => {
  fake = await startAnthropicFake({ streamGapMs: GAP_MS });
  provider = createAnthropicProvider({ apiKey: 'sk-ant-test', baseUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.faults.clear();
  fake.reply = defaultReply;
});

const ask = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  provider: 'anthropic',
  model: MODEL,
  messages: [{ role: 'user', content }],
  ...extra,
});
const weather = [{ name: 'weather', description: 'Weather now', parameters: { type: 'object' } }];
const body = (i = 0) => fake.requests[i]!.body as Record<string, unknown>;

/** Runs a streamed chat, keeping each delta with the time it arrived. */
async function streamed(request: ChatRequest) {
  const deltas: { at: number; delta: StreamDelta }[] = [];
  const response = await provider.chat(request, {
    onDelta: (delta) => deltas.push({ at: Date.now(), delta }),
  });
  return { response, deltas, endedAt: Date.now() };
}

describe('anthropic provider against the fake', () => {
  it('answers a plain request with text, request id and usage', async () => {
    const res = await provider.chat(ask('hello there'));
    expect(res).toMatchObject({ text: 'Echo: hello there', toolCalls: [], model: MODEL });
    expect(res).toMatchObject({ finishReason: 'stop', rawFinishReason: 'end_turn' });
    expect(res.providerRequestId).toMatch(/^req_/);
    expect(res.usage).toEqual({
      inputTokens: 3,
      outputTokens: 5,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
    expect(body().stream).not.toBe(true);
  });

  it('streams text deltas that add up to the final text, the first well before the end', async () => {
    const { response, deltas, endedAt } = await streamed(ask('one two three four five six'));
    expect(body().stream).toBe(true);
    const texts = deltas.map((d) => (d.delta.type === 'text' ? d.delta.text : ''));
    expect(deltas.length).toBeGreaterThan(2);
    expect(texts.join('')).toBe(response.text);
    expect(response.text).toBe('Echo: one two three four five six');
    expect(endedAt - deltas[0]!.at).toBeGreaterThanOrEqual(GAP_MS * 3);
    expect(response.providerRequestId).toMatch(/^req_/);
    expect(response.finishReason).toBe('stop');
  });

  it('returns tool calls without streaming', async () => {
    const res = await provider.chat(ask('please use weather', { tools: weather }));
    expect(res.finishReason).toBe('tool_calls');
    expect(res.toolCalls).toEqual([
      {
        id: expect.stringMatching(/^toolu_/),
        name: 'weather',
        arguments: '{"city":"Paris","unit":"celsius"}',
      },
    ]);
  });

  it('assembles streamed input_json_delta chunks into valid JSON arguments', async () => {
    const { response, deltas } = await streamed(ask('please use weather', { tools: weather }));
    const calls = deltas.flatMap((d) => (d.delta.type === 'tool_call' ? [d.delta] : []));
    expect(calls[0]).toMatchObject({ index: 0, id: response.toolCalls[0]!.id, name: 'weather' });
    const pieces = calls.map((c) => c.argumentsDelta ?? '');
    expect(pieces.filter((p) => p !== '').length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(response.toolCalls[0]!.arguments);
    expect(JSON.parse(response.toolCalls[0]!.arguments)).toEqual({
      city: 'Paris',
      unit: 'celsius',
    });
    expect(response.finishReason).toBe('tool_calls');
  });

  it.each([false, true])('reports cache read and write tokens (streaming: %s)', async (stream) => {
    const usage = {
      inputTokens: 12,
      outputTokens: 7,
      cacheReadTokens: 300,
      cacheWriteTokens: 40,
      reasoningTokens: 2,
    };
    fake.reply = () => ({ text: 'cached answer', toolCalls: [], usage });
    const res = stream ? (await streamed(ask('x'))).response : await provider.chat(ask('x'));
    expect(res.usage).toEqual(usage);
  });

  it('maps finish reasons max_tokens and stop_sequence', async () => {
    const long = await provider.chat(ask('a'.repeat(200), { maxTokens: 5 }));
    expect(long).toMatchObject({ finishReason: 'length', rawFinishReason: 'max_tokens' });
    const cut = await provider.chat(ask('alpha STOP beta', { stop: ['STOP'] }));
    expect(cut).toMatchObject({ text: 'Echo: alpha ', finishReason: 'stop' });
    expect(cut.rawFinishReason).toBe('stop_sequence');
    expect(body(1).stop_sequences).toEqual(['STOP']);
  });

  it('lists live models with display names', async () => {
    const models = await provider.listModels();
    expect(models.map((m) => m.id)).toEqual(FAKE_ANTHROPIC_MODELS.map((m) => m.id));
    expect(models[0]).toEqual({
      id: 'claude-sonnet-4-5-20250929',
      provider: 'anthropic',
      name: 'Claude Sonnet 4.5',
      source: 'live',
    });
  });
});
