import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeCost } from '../../main/llm/pricing/price-book';
import { defaultReply } from '../fakes/fake-reply';
import { startGatewayHarness, waitForSpan, type GatewayHarness } from './gateway-harness';

const CLIENT_KEY = 'sk-ant-client-own-0123456789abcdef';
const MODEL = 'claude-sonnet-4-5-20250929';
let h: GatewayHarness;
let client: Anthropic;

beforeAll(async () => {
  h = await startGatewayHarness({ streamGapMs: 2 });
  client = new Anthropic({
    baseURL: `${h.server.url}/gateway/anthropic`,
    apiKey: CLIENT_KEY,
    maxRetries: 0,
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.anthropic.faults.clear();
  h.anthropic.reply = (req) => ({
    ...defaultReply(req),
    // Cache reads, writes and thinking tokens, so their mapping and prices are checked too.
    usage: {
      ...defaultReply(req).usage,
      cacheReadTokens: 40,
      cacheWriteTokens: 12,
      reasoningTokens: 3,
    },
  });
  h.anthropic.requests.length = 0;
});

function expectedCost(usage: Parameters<typeof computeCost>[1]): number | null {
  return computeCost(h.core.services.llm.prices.find('anthropic', MODEL), usage);
}

describe('gateway: @anthropic-ai/sdk pointed at /gateway/anthropic', () => {
  it('passes a message through and records usage with cache and thinking tokens at the exact price', async () => {
    const body = {
      model: MODEL,
      max_tokens: 200,
      system: 'You are terse.',
      messages: [{ role: 'user' as const, content: 'hello claude' }],
    };
    const { data, response } = await client.messages.create(body).withResponse();
    expect(data.content[0]).toMatchObject({ type: 'text', text: 'Echo: hello claude' });
    const sent = h.anthropic.requests.at(-1)!;
    expect(sent.body).toEqual(body);
    // The key goes on in the header the SDK put it in (x-api-key, or Bearer).
    const forwarded = sent.headers['x-api-key'] ?? sent.headers.authorization;
    expect(String(forwarded).endsWith(CLIENT_KEY)).toBe(true);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    const usage = {
      inputTokens: data.usage.input_tokens,
      outputTokens: data.usage.output_tokens,
      cacheReadTokens: 40,
      cacheWriteTokens: 12,
      reasoningTokens: 3,
    };
    expect(span).toMatchObject({
      provider: 'anthropic',
      model: MODEL,
      status: 'ok',
      usage,
      providerRequestId: response.headers.get('request-id'),
    });
    expect(span.costPicoUsd).not.toBeNull();
    expect(span.costPicoUsd).toBe(expectedCost(usage));
    expect(JSON.parse(span.requestJson)).toEqual({
      provider: 'anthropic',
      model: MODEL,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'hello claude' },
      ],
      maxTokens: 200,
    });
  });

  it('streams (messages.stream) and sums message_start and message_delta usage', async () => {
    const stream = client.messages.stream({
      model: MODEL,
      max_tokens: 200,
      messages: [{ role: 'user', content: 'stream me some words please' }],
    });
    const deltas: string[] = [];
    stream.on('text', (t) => deltas.push(t));
    const final = await stream.finalMessage();
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe('Echo: stream me some words please');
    const { response } = await stream.withResponse();
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    expect(span.status).toBe('ok');
    expect(span.usage).toEqual({
      inputTokens: final.usage.input_tokens,
      outputTokens: final.usage.output_tokens,
      cacheReadTokens: 40,
      cacheWriteTokens: 12,
      reasoningTokens: 3,
    });
    expect(span.costPicoUsd).toBe(expectedCost(span.usage));
    expect(span.ttftMs).not.toBeNull();
    expect(JSON.parse(span.responseJson!)).toMatchObject({
      text: 'Echo: stream me some words please',
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
    });
  });

  it('records streamed tool use and tool results in the normalized request', async () => {
    const tools = [
      {
        name: 'weather',
        description: 'Weather for a city',
        input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } },
      },
    ];
    const { data: stream, response } = await client.messages
      .create({
        model: MODEL,
        max_tokens: 200,
        tools,
        stream: true,
        messages: [
          { role: 'user', content: 'hi' },
          {
            role: 'assistant',
            content: [
              { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Rome' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' },
              { type: 'text', text: 'now use weather for Paris' },
            ],
          },
        ],
      })
      .withResponse();
    for await (const event of stream) void event;
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    const answer = JSON.parse(span.responseJson!);
    expect(answer.finishReason).toBe('tool_calls');
    expect(answer.toolCalls).toHaveLength(1);
    expect(answer.toolCalls[0].name).toBe('weather');
    expect(JSON.parse(answer.toolCalls[0].arguments)).toEqual({ city: 'Paris', unit: 'celsius' });
    expect(JSON.parse(span.requestJson).messages).toEqual([
      { role: 'user', content: 'hi' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: '{"city":"Rome"}' }],
      },
      { role: 'tool', toolCallId: 'toolu_1', content: 'sunny' },
      { role: 'user', content: 'now use weather for Paris' },
    ]);
  });

  it('passes an overloaded 529 back unchanged', async () => {
    h.anthropic.faults.enqueue({ kind: 'status', status: 529, message: 'Overloaded' });
    const res = await fetch(`${h.server.url}/gateway/anthropic/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': CLIENT_KEY },
      body: JSON.stringify({
        model: MODEL,
        max_tokens: 5,
        messages: [{ role: 'user', content: 'x' }],
      }),
    });
    expect(res.status).toBe(529);
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    const span = await waitForSpan(h.core, res.headers.get('x-assay-span-id')!);
    expect(span).toMatchObject({ status: 'error', errorClass: 'overloaded' });
  });

  it('records an error event sent mid-stream', async () => {
    h.anthropic.faults.enqueue({ kind: 'error-mid-stream', afterEvents: 4 });
    const { data: stream, response } = await client.messages
      .create({
        model: MODEL,
        max_tokens: 100,
        stream: true,
        messages: [{ role: 'user', content: 'a b c d e f g' }],
      })
      .withResponse();
    await expect(
      (async () => {
        for await (const event of stream) void event;
      })(),
    ).rejects.toThrow();
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    expect(span).toMatchObject({ status: 'error', errorClass: 'overloaded' });
  });
});
