import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBedrockFake, type BedrockFake } from '../../../../test/fakes/bedrock-fake';
import { defaultReply } from '../../../../test/fakes/fake-reply';
import type { LlmProvider, StreamDelta } from '../../types';
import { createBedrockProvider } from './provider';
import {
  chatRequest,
  fakeConnection,
  isolateAwsEnvironment,
  SONNET_PROFILE,
  WEATHER,
} from './test-support';

isolateAwsEnvironment();

let fake: BedrockFake;
let provider: LlmProvider;

beforeAll(async () => {
  fake = await startBedrockFake();
  provider = createBedrockProvider(fakeConnection(fake));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.modelIds.length = 0;
  fake.rawPaths.length = 0;
  fake.faults.clear();
  fake.reply = defaultReply;
  fake.stopReason = null;
});

const collect = () => {
  const deltas: StreamDelta[] = [];
  return { deltas, onDelta: (d: StreamDelta) => void deltas.push(d) };
};
const streamedText = (deltas: StreamDelta[]) =>
  deltas.map((d) => (d.type === 'text' ? d.text : '')).join('');
const sentBody = (i = 0) => fake.requests[i]?.body as Record<string, unknown>;

describe('text', () => {
  it('answers non-streaming, signed with the explicit keys, over HTTP/2', async () => {
    const res = await provider.chat(chatRequest('hello there'));
    expect(res).toMatchObject({ text: 'Echo: hello there', toolCalls: [], finishReason: 'stop' });
    expect(res).toMatchObject({ rawFinishReason: 'end_turn', model: SONNET_PROFILE });
    expect(res.providerRequestId).toMatch(/^[0-9a-f-]{36}$/);
    const headers = fake.requests[0]?.headers ?? {};
    expect(headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/bedrock\//,
    );
    expect(headers[':method']).toBe('POST'); // HTTP/2 pseudo-header: the SDK's default h2 handler
  });

  it('streams text deltas that add up to the answer', async () => {
    const { deltas, onDelta } = collect();
    const res = await provider.chat(chatRequest('one two three four five'), { onDelta });
    expect(res.text).toBe('Echo: one two three four five');
    expect(deltas.length).toBeGreaterThan(1);
    expect(streamedText(deltas)).toBe(res.text);
    expect(res.providerRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([false, true])(
    'reports usage with cache read and write tokens (streaming: %s)',
    async (streaming) => {
      fake.reply = (r) => ({
        ...defaultReply(r),
        usage: {
          inputTokens: 11,
          outputTokens: 7,
          cacheReadTokens: 300,
          cacheWriteTokens: 40,
          reasoningTokens: 0,
        },
      });
      const res = await provider.chat(chatRequest('cached'), streaming ? collect() : {});
      expect(res.usage).toEqual({
        inputTokens: 11,
        outputTokens: 7,
        cacheReadTokens: 300,
        cacheWriteTokens: 40,
        reasoningTokens: 0,
      });
    },
  );

  it.each([false, true])(
    'maps stop sequences, max tokens and guardrails (streaming: %s)',
    async (streaming) => {
      const opts = streaming ? collect() : {};
      const stopped = await provider.chat(
        chatRequest('alpha beta gamma', { stop: ['gamma'] }),
        opts,
      );
      expect(stopped).toMatchObject({
        text: 'Echo: alpha beta ',
        finishReason: 'stop',
        rawFinishReason: 'stop_sequence',
      });
      const cut = await provider.chat(
        chatRequest('a long sentence that needs many tokens', { maxTokens: 2 }),
        opts,
      );
      expect(cut).toMatchObject({ finishReason: 'length', rawFinishReason: 'max_tokens' });
      expect(cut.usage.outputTokens).toBe(2);
      fake.stopReason = 'guardrail_intervened';
      const blocked = await provider.chat(chatRequest('hmm'), opts);
      expect(blocked).toMatchObject({
        finishReason: 'content_filter',
        rawFinishReason: 'guardrail_intervened',
      });
    },
  );
});

describe('tools', () => {
  const toolRequest = chatRequest('please use get_weather', { tools: [WEATHER] });

  it('returns tool calls non-streaming', async () => {
    const res = await provider.chat(toolRequest);
    expect(res.finishReason).toBe('tool_calls');
    expect(res.toolCalls).toEqual([
      {
        id: expect.stringMatching(/^tooluse_/),
        name: 'get_weather',
        arguments: '{"city":"Paris","unit":"celsius"}',
      },
    ]);
    expect(sentBody().toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'get_weather',
            description: WEATHER.description,
            inputSchema: { json: WEATHER.parameters },
          },
        },
      ],
      toolChoice: { auto: {} },
    });
  });

  it('streams a tool call: id and name first, then input pieces', async () => {
    const { deltas, onDelta } = collect();
    const res = await provider.chat(toolRequest, { onDelta });
    const call = res.toolCalls[0];
    expect(res.finishReason).toBe('tool_calls');
    expect(call).toMatchObject({
      name: 'get_weather',
      arguments: '{"city":"Paris","unit":"celsius"}',
    });
    expect(deltas[0]).toEqual({ type: 'tool_call', index: 0, id: call?.id, name: 'get_weather' });
    const pieces = deltas
      .slice(1)
      .map((d) => (d.type === 'tool_call' ? d.argumentsDelta : undefined));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(call?.arguments);
  });

  it.each([false, true])(
    'answers a json_schema response format through a forced tool (streaming: %s)',
    async (streaming) => {
      fake.reply = (r) => ({ ...defaultReply(r), text: '{"answer":42}' });
      const schema = { type: 'object', properties: { answer: { type: 'number' } } };
      const request = chatRequest('the answer?', {
        responseFormat: { type: 'json_schema', name: 'answer', schema },
      });
      const { deltas, onDelta } = collect();
      const res = await provider.chat(request, streaming ? { onDelta } : {});
      expect(res).toMatchObject({
        text: '{"answer":42}',
        toolCalls: [],
        finishReason: 'stop',
        rawFinishReason: 'tool_use',
      });
      if (streaming) expect(streamedText(deltas)).toBe('{"answer":42}');
      expect(sentBody().toolConfig).toMatchObject({
        tools: [{ toolSpec: { name: 'answer', inputSchema: { json: schema } } }],
        toolChoice: { tool: { name: 'answer' } },
      });
    },
  );
});
