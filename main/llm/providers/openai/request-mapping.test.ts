import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../test/fakes/fake-http';
import { startOpenAiFake } from '../../../../test/fakes/openai-fake';
import type { ChatRequest, LlmProvider } from '../../types';
import { createOpenAiProvider } from './provider';

/** What the real SDK put on the wire, as the fake recorded it. */
type WireBody = Record<string, unknown>;

let server: FakeServer;
let provider: LlmProvider;

beforeAll(async () => {
  server = await startOpenAiFake();
  provider = createOpenAiProvider({ apiKey: 'sk-wire-key', baseUrl: `${server.url}/v1` });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const lastBody = (): WireBody => server.requests.at(-1)!.body as WireBody;

const ANSWER_SCHEMA = { type: 'object', properties: { temp: { type: 'number' } } };

const conversation: ChatRequest = {
  provider: 'openai',
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Weather in Paris?' },
    {
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'call_abc', name: 'get_weather', arguments: '{"city":"Paris"}' }],
    },
    { role: 'tool', toolCallId: 'call_abc', name: 'get_weather', content: '{"temp":21}' },
  ],
  tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object' } }],
  toolChoice: { name: 'get_weather' },
  responseFormat: {
    type: 'json_schema',
    name: 'answer',
    schema: ANSWER_SCHEMA,
    strict: true,
  },
  temperature: 0.2,
  topP: 0.9,
  maxTokens: 256,
  stop: ['END'],
};

describe('request mapping as the fake sees it', () => {
  it('sends messages with tool calls and results, tools, tool_choice and json_schema', async () => {
    await provider.chat(conversation);
    const body = lastBody();
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_abc',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_abc', content: '{"temp":21}' },
    ]);
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object' } },
      },
    ]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'answer',
        schema: ANSWER_SCHEMA,
        strict: true,
      },
    });
    expect(body).toMatchObject({
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 256,
      stop: ['END'],
      stream: false,
    });
    expect(body).not.toHaveProperty('max_completion_tokens');
    expect(body).not.toHaveProperty('stream_options');
  });

  it('sends max_completion_tokens and reasoning_effort, no temperature, to a reasoning model', async () => {
    await provider.chat({ ...conversation, model: 'o3-mini', reasoningEffort: 'high' });
    const body = lastBody();
    expect(body).toMatchObject({
      model: 'o3-mini',
      max_completion_tokens: 256,
      reasoning_effort: 'high',
    });
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
  });

  it('does not send reasoning_effort to a non-reasoning model', async () => {
    await provider.chat({ ...conversation, reasoningEffort: 'low' });
    expect(lastBody()).not.toHaveProperty('reasoning_effort');
  });

  it('asks for usage in streams with stream_options.include_usage', async () => {
    await provider.chat(conversation, { onDelta: () => undefined });
    expect(lastBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('sends json_object and the string tool choices as they are', async () => {
    await provider.chat({
      ...conversation,
      responseFormat: { type: 'json_object' },
      toolChoice: 'required',
    });
    expect(lastBody()).toMatchObject({
      response_format: { type: 'json_object' },
      tool_choice: 'required',
    });
  });

  it('carries the key in the Authorization header and sends exactly one request', async () => {
    await provider.chat(conversation);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe('POST');
    expect(server.requests[0]!.path).toBe('/v1/chat/completions');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-wire-key');
  });
});
