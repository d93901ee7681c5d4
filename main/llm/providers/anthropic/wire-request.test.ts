import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_ANTHROPIC_MODELS, startAnthropicFake } from '../../../../test/fakes/anthropic-fake';
import type { FakeServer } from '../../../../test/fakes/fake-http';
import { defaultReply } from '../../../../test/fakes/fake-reply';
import type { ChatMessage, ChatRequest, StreamDelta } from '../../types';
import { createAnthropicProvider } from './provider';

// What the real SDK puts on the wire, as the fake on 127.0.0.1 recorded it. baseUrl is explicit
// so ANTHROPIC_BASE_URL cannot leak in.
const MODEL = FAKE_ANTHROPIC_MODELS[1].id;
let fake: FakeServer;
let provider: ReturnType<typeof createAnthropicProvider>;

beforeAll(async () => {
  fake = await startAnthropicFake();
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

/** Runs a streamed chat, keeping its deltas. */
async function streamed(request: ChatRequest) {
  const deltas: { delta: StreamDelta }[] = [];
  const response = await provider.chat(request, { onDelta: (delta) => deltas.push({ delta }) });
  return { response, deltas };
}

describe('anthropic requests on the wire', () => {
  it('sends system, tool_use, tool_result blocks, tools and tool_choice as the API wants', async () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [
          { id: 'toolu_a', name: 'weather', arguments: '{"city":"Paris"}' },
          { id: 'toolu_b', name: 'weather', arguments: '{"city":"Rome"}' },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_a', content: '21C' },
      { role: 'tool', toolCallId: 'toolu_b', content: '25C' },
      { role: 'system', content: 'Use Celsius.' },
    ];
    const request = { ...ask(''), messages, tools: weather, toolChoice: 'required' as const };
    await provider.chat({ ...request, temperature: 0.3 });
    const sent = body();
    expect(sent.system).toBe('Be brief.\n\nUse Celsius.');
    expect(sent.max_tokens).toBe(4096);
    expect(sent).not.toHaveProperty('temperature');
    expect(sent.tools).toEqual([
      { name: 'weather', description: 'Weather now', input_schema: { type: 'object' } },
    ]);
    expect(sent.tool_choice).toEqual({ type: 'any' });
    expect(sent.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_a', name: 'weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_b', name: 'weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_a', content: '21C' },
          { type: 'tool_result', tool_use_id: 'toolu_b', content: '25C' },
        ],
      },
    ]);
    const headers = fake.requests[0]!.headers;
    // SDK 1.x sends the key as a bearer token; older ones used x-api-key. Either must carry it.
    expect(headers['authorization'] ?? headers['x-api-key']).toMatch(/^(Bearer )?sk-ant-test$/);
  });

  it('asks for extended thinking for a reasoning effort', async () => {
    await provider.chat(ask('think', { reasoningEffort: 'medium' }));
    expect(body().thinking).toEqual({ type: 'enabled', budget_tokens: 8192 });
    expect(body().max_tokens).toBeGreaterThan(8192);
  });

  it.each([false, true])(
    'returns json_schema output as text via a forced tool (streaming: %s)',
    async (stream) => {
      const schema = {
        type: 'object',
        properties: { temp: { type: 'number' } },
        required: ['temp'],
      };
      fake.reply = (r) => ({
        ...defaultReply(r),
        text: '',
        toolCalls: [{ name: 'report', arguments: { temp: 21 } }],
      });
      const request = ask('how warm?', {
        responseFormat: { type: 'json_schema', name: 'report', schema },
      });
      const run = stream
        ? await streamed(request)
        : { response: await provider.chat(request), deltas: [] };
      const res = run.response;
      expect(body().tools).toEqual([
        expect.objectContaining({ name: 'report', input_schema: schema }),
      ]);
      expect(body().tool_choice).toEqual({ type: 'tool', name: 'report' });
      expect(JSON.parse(res.text)).toEqual({ temp: 21 });
      expect(res).toMatchObject({
        toolCalls: [],
        finishReason: 'stop',
        rawFinishReason: 'tool_use',
      });
      if (stream) {
        const texts = run.deltas.map((d) => (d.delta.type === 'text' ? d.delta.text : ''));
        expect(texts.join('')).toBe(res.text);
      }
    },
  );

  it('sends json_object as a forced json_output tool and drops thinking, which the API would refuse', async () => {
    const request = ask('give me json', {
      responseFormat: { type: 'json_object' },
      reasoningEffort: 'high',
    });
    const res = await provider.chat(request);
    expect(body().tool_choice).toEqual({ type: 'tool', name: 'json_output' });
    expect(body()).not.toHaveProperty('thinking');
    expect(JSON.parse(res.text)).toEqual({ text: 'Echo: give me json' });
    expect(res.finishReason).toBe('stop');
  });

  it('names a chosen tool in tool_choice', async () => {
    await provider.chat(ask('hi', { tools: weather, toolChoice: { name: 'weather' } }));
    expect(body().tool_choice).toEqual({ type: 'tool', name: 'weather' });
  });
});
