import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeServer } from '../../../../test/fakes/fake-http';
import { defaultReply } from '../../../../test/fakes/fake-reply';
import type { ReplyScript } from '../../../../test/fakes/fake-reply';
import { startOpenAiFake } from '../../../../test/fakes/openai-fake';
import type { ChatRequest, LlmProvider, StreamDelta } from '../../types';
import { createOpenAiProvider } from './provider';

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const request = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  provider: 'openai',
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: text },
  ],
  ...extra,
});

/** Collects deltas with the time each arrived, to show streaming is incremental. */
function recorder() {
  const deltas: { delta: StreamDelta; at: number }[] = [];
  return { deltas, onDelta: (delta: StreamDelta) => deltas.push({ delta, at: Date.now() }) };
}

let server: FakeServer;
let provider: LlmProvider;

beforeAll(async () => {
  server = await startOpenAiFake({ streamGapMs: 15 });
  provider = createOpenAiProvider({ apiKey: 'sk-test-123', baseUrl: `${server.url}/v1` });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply = defaultReply;
  server.faults.clear();
});

describe('OpenAI provider against the fake', () => {
  it('answers a non-streaming chat with text, usage, finish reason and request id', async () => {
    const res = await provider.chat(request('hello there'));
    expect(res.text).toBe('Echo: hello there');
    expect(res.finishReason).toBe('stop');
    expect(res.rawFinishReason).toBe('stop');
    expect(res.toolCalls).toEqual([]);
    expect(res.model).toBe('gpt-4o');
    expect(res.providerRequestId).toMatch(/^req_/);
    // 'Be brief.' + 'hello there' = 20 characters = 5 tokens; 'Echo: hello there' = 5 tokens.
    expect(res.usage).toEqual({
      inputTokens: 5,
      outputTokens: 5,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('streams text deltas that concatenate to the final text, usage via include_usage', async () => {
    const { deltas, onDelta } = recorder();
    const text = 'one two three four five six seven eight nine ten';
    const res = await provider.chat(request(text), { onDelta });
    const done = Date.now();
    const streamed = deltas.map(({ delta }) => (delta.type === 'text' ? delta.text : '')).join('');
    expect(streamed).toBe(`Echo: ${text}`);
    expect(res.text).toBe(streamed);
    expect(deltas.length).toBeGreaterThan(3);
    // The fake pauses 15 ms between events: the first delta must come well before the end.
    expect(done - deltas[0]!.at).toBeGreaterThanOrEqual(40);
    expect(res.usage.inputTokens).toBe(Math.ceil((9 + text.length) / 4));
    expect(res.usage.outputTokens).toBe(Math.ceil((6 + text.length) / 4));
    expect(res.providerRequestId).toMatch(/^req_/);
    expect(res.finishReason).toBe('stop');
  });

  it('returns tool calls from a non-streaming reply', async () => {
    const res = await provider.chat(request('please use get_weather', { tools: [WEATHER_TOOL] }));
    expect(res.finishReason).toBe('tool_calls');
    expect(res.text).toBe('');
    expect(res.toolCalls).toHaveLength(1);
    expect(res.toolCalls[0]!.id).toMatch(/^call_/);
    expect(res.toolCalls[0]!.name).toBe('get_weather');
    expect(JSON.parse(res.toolCalls[0]!.arguments)).toEqual({ city: 'Paris', unit: 'celsius' });
  });

  it('assembles streamed tool calls by index, several calls and fragmented arguments', async () => {
    server.reply = (req) => ({
      ...defaultReply(req),
      text: '',
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
        { name: 'get_time', arguments: { zone: 'Europe/Paris', format: 'iso-8601' } },
      ],
    });
    const { deltas, onDelta } = recorder();
    const res = await provider.chat(request('two tools', { tools: [WEATHER_TOOL] }), { onDelta });
    expect(res.finishReason).toBe('tool_calls');
    expect(res.toolCalls.map((c) => c.name)).toEqual(['get_weather', 'get_time']);
    expect(JSON.parse(res.toolCalls[1]!.arguments)).toEqual({
      zone: 'Europe/Paris',
      format: 'iso-8601',
    });
    const fragments = deltas.filter(
      ({ delta }) => delta.type === 'tool_call' && delta.argumentsDelta,
    );
    expect(fragments.length).toBeGreaterThanOrEqual(4);
    const first = deltas.find(({ delta }) => delta.type === 'tool_call')!.delta;
    expect(first).toMatchObject({ type: 'tool_call', index: 0, name: 'get_weather' });
    expect(res.toolCalls[0]!.id).toBe((first as { id?: string }).id);
  });

  const cachedReasoning: ReplyScript = (req) => ({
    ...defaultReply(req),
    text: 'thought hard',
    usage: {
      inputTokens: 300,
      outputTokens: 120,
      cacheReadTokens: 1024,
      cacheWriteTokens: 0,
      reasoningTokens: 100,
    },
  });

  it.each([false, true])(
    'splits cached and reasoning tokens (streaming: %s)',
    async (streaming) => {
      server.reply = cachedReasoning;
      const res = await provider.chat(
        request('think', { model: 'o3-mini' }),
        streaming ? { onDelta: () => undefined } : {},
      );
      // The fake reports prompt_tokens = 1324 with cached_tokens = 1024.
      expect(res.usage).toEqual({
        inputTokens: 300,
        outputTokens: 120,
        cacheReadTokens: 1024,
        cacheWriteTokens: 0,
        reasoningTokens: 100,
      });
    },
  );

  it('reports finish reason length when max tokens cut the answer', async () => {
    const res = await provider.chat(
      request('a long answer please, with many words', { maxTokens: 2 }),
    );
    expect(res.finishReason).toBe('length');
    expect(res.rawFinishReason).toBe('length');
    expect(res.usage.outputTokens).toBe(2);
  });

  it('lists models as live models', async () => {
    const models = await provider.listModels();
    expect(models.map((m) => m.id)).toEqual(['gpt-4o', 'gpt-4o-mini', 'o3-mini', 'gpt-5']);
    expect(models[0]).toEqual({ id: 'gpt-4o', provider: 'openai', name: 'gpt-4o', source: 'live' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
  });

  it('rejects with auth, without a request, when no key is configured anywhere', async () => {
    vi.stubEnv('OPENAI_API_KEY', undefined);
    try {
      const keyless = createOpenAiProvider({ apiKey: null, baseUrl: `${server.url}/v1` });
      await expect(keyless.chat(request('hi'))).rejects.toMatchObject({ errorClass: 'auth' });
      expect(server.requests).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('works with a base URL without /v1', async () => {
    const bare = createOpenAiProvider({ apiKey: 'sk-x', baseUrl: server.url });
    expect((await bare.chat(request('hi'))).text).toBe('Echo: hi');
    expect(server.requests[0]!.path).toBe('/chat/completions');
  });
});
