import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBedrockFake, type BedrockFake } from '../../../../test/fakes/bedrock-fake';
import { defaultReply } from '../../../../test/fakes/fake-reply';
import type { ChatRequest, LlmProvider, StreamDelta, ToolDefinition } from '../../types';
import { createBedrockProvider } from './provider';
import { chatRequest, fakeConnection, isolateAwsEnvironment, SONNET_PROFILE } from './test-support';

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

const WEATHER: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

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

describe('model ids', () => {
  const ARN = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6';

  it.each([
    ['an application inference profile ARN', ARN],
    ['a cross-region profile', SONNET_PROFILE],
    ['a global profile', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['a foundation model id', 'anthropic.claude-3-5-haiku-20241022-v1:0'],
  ])('%s arrives percent-encoded and decodes intact', async (_label, model) => {
    const res = await provider.chat(chatRequest('hi', { model }));
    expect(res.model).toBe(model);
    expect(fake.modelIds).toEqual([model]);
    expect(fake.rawPaths[0]).toBe(`/model/${encodeURIComponent(model)}/converse`);
    expect(fake.rawPaths[0]).not.toMatch(/:/);
  });
});

describe('request mapping on the wire', () => {
  it('sends system, merged turns, tool uses and results, toolConfig and inferenceConfig', async () => {
    const request: ChatRequest = {
      ...chatRequest(''),
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris and Rome?' },
        { role: 'user', content: 'Celsius please.' },
        {
          role: 'assistant',
          content: 'Checking.',
          toolCalls: [
            { id: 't1', name: 'get_weather', arguments: '{"city":"Paris"}' },
            { id: 't2', name: 'get_weather', arguments: '{"city":"Rome"}' },
          ],
        },
        { role: 'tool', toolCallId: 't1', content: '{"temp":21}' },
        { role: 'tool', toolCallId: 't2', content: 'sunny, 25 degrees' },
        { role: 'user', content: 'Summarize.' },
      ],
      tools: [WEATHER],
      toolChoice: 'required',
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 300,
      stop: ['END'],
    };
    await provider.chat(request);
    expect(sentBody()).toEqual({
      system: [{ text: 'Be brief.' }],
      messages: [
        {
          role: 'user',
          content: [{ text: 'Weather in Paris and Rome?' }, { text: 'Celsius please.' }],
        },
        {
          role: 'assistant',
          content: [
            { text: 'Checking.' },
            { toolUse: { toolUseId: 't1', name: 'get_weather', input: { city: 'Paris' } } },
            { toolUse: { toolUseId: 't2', name: 'get_weather', input: { city: 'Rome' } } },
          ],
        },
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 't1', content: [{ json: { temp: 21 } }] } },
            { toolResult: { toolUseId: 't2', content: [{ text: 'sunny, 25 degrees' }] } },
            { text: 'Summarize.' },
          ],
        },
      ],
      toolConfig: {
        tools: [
          expect.objectContaining({ toolSpec: expect.objectContaining({ name: 'get_weather' }) }),
        ],
        toolChoice: { any: {} },
      },
      inferenceConfig: { maxTokens: 300, temperature: 0.2, topP: 0.9, stopSequences: ['END'] },
    });
  });

  it("omits toolConfig for toolChoice 'none'", async () => {
    await provider.chat(chatRequest('use get_weather', { tools: [WEATHER], toolChoice: 'none' }));
    expect(sentBody()).not.toHaveProperty('toolConfig');
    expect(sentBody()).not.toHaveProperty('inferenceConfig');
  });
});

describe('environment', () => {
  it("ignores the machine's AWS_* variables when keys and endpoint are explicit", async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDHOSTILE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'hostile');
    vi.stubEnv('AWS_BEARER_TOKEN_BEDROCK', 'hostile-api-key');
    vi.stubEnv('AWS_REGION', 'eu-west-3');
    vi.stubEnv('AWS_USE_FIPS_ENDPOINT', 'true');
    vi.stubEnv('AWS_MAX_ATTEMPTS', '5');
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'http://127.0.0.1:9');
    try {
      const hostile = createBedrockProvider(fakeConnection(fake));
      fake.faults.enqueue({ kind: 'status', status: 500 });
      await expect(hostile.chat(chatRequest('x'))).rejects.toMatchObject({
        errorClass: 'server_error',
      });
      expect(await hostile.chat(chatRequest('hello'))).toMatchObject({ text: 'Echo: hello' });
      expect(fake.requests).toHaveLength(2); // one attempt each despite AWS_MAX_ATTEMPTS
      for (const { headers } of fake.requests)
        expect(headers['authorization']).toMatch(/Credential=AKIDTEST\/\d{8}\/us-east-1\//);
    } finally {
      for (const name of [
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_BEARER_TOKEN_BEDROCK',
        'AWS_REGION',
        'AWS_USE_FIPS_ENDPOINT',
        'AWS_MAX_ATTEMPTS',
        'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
      ]) {
        vi.stubEnv(name, undefined);
      }
    }
  });
});
