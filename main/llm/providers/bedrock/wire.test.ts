import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBedrockFake, type BedrockFake } from '../../../../test/fakes/bedrock-fake';
import type { ChatRequest, LlmProvider } from '../../types';
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
});

const sentBody = (i = 0) => fake.requests[i]?.body as Record<string, unknown>;

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
