import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeCost } from '../../main/llm/pricing/price-book';
import { defaultReply } from '../fakes/fake-reply';
import {
  STORED_OPENAI_KEY,
  spanCount,
  startGatewayHarness,
  waitForSpan,
  type GatewayHarness,
} from './gateway-harness';

const CLIENT_KEY = 'sk-client-own-key-9876543210abcdef';
let h: GatewayHarness;
let client: OpenAI;

beforeAll(async () => {
  h = await startGatewayHarness({ streamGapMs: 2 });
  client = new OpenAI({
    baseURL: `${h.server.url}/gateway/openai/v1`,
    apiKey: CLIENT_KEY,
    maxRetries: 0,
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.openai.faults.clear();
  h.openai.reply = defaultReply;
  h.openai.requests.length = 0;
});

/** The catalog's price applied by hand: what the span must say to the pico-dollar. */
function expectedCost(model: string, usage: Parameters<typeof computeCost>[1]): number | null {
  return computeCost(h.core.services.llm.prices.find('openai', model), usage);
}

describe('gateway: the openai SDK pointed at /gateway/openai/v1', () => {
  it('passes a call through unchanged and records a span with tokens and exact cost', async () => {
    h.openai.reply = (req) => ({
      ...defaultReply(req),
      usage: { ...defaultReply(req).usage, cacheReadTokens: 6, reasoningTokens: 2 },
    });
    const body = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system' as const, content: 'Be brief.' },
        { role: 'user' as const, content: 'hello gateway' },
      ],
      temperature: 0.3,
      max_tokens: 50,
      user: 'end-user-7',
    };
    const { data, response } = await client.chat.completions.create(body).withResponse();
    expect(data.choices[0]!.message.content).toBe('Echo: hello gateway');
    // Forwarded as sent: same body, the client's own key, no x-assay-* headers.
    const sent = h.openai.requests.at(-1)!;
    expect(sent.body).toEqual(body);
    expect(sent.headers.authorization).toBe(`Bearer ${CLIENT_KEY}`);
    expect(Object.keys(sent.headers).some((k) => k.startsWith('x-assay-'))).toBe(false);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const spanId = response.headers.get('x-assay-span-id')!;
    const traceId = response.headers.get('x-assay-trace-id')!;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const span = await waitForSpan(h.core, spanId);
    const usage = {
      inputTokens: data.usage!.prompt_tokens - 6,
      outputTokens: data.usage!.completion_tokens,
      cacheReadTokens: 6,
      cacheWriteTokens: 0,
      reasoningTokens: 2,
    };
    expect(span).toMatchObject({
      traceId,
      source: 'gateway',
      kind: 'llm',
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 'ok',
      usage,
      providerRequestId: response.headers.get('x-request-id'),
    });
    expect(span.costPicoUsd).not.toBeNull();
    expect(span.costPicoUsd).toBe(expectedCost('gpt-4o-mini', usage));
    expect(JSON.parse(span.requestJson)).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello gateway' },
      ],
      temperature: 0.3,
      maxTokens: 50,
    });
    expect(JSON.parse(span.responseJson!)).toMatchObject({
      text: 'Echo: hello gateway',
      finishReason: 'stop',
    });
  });

  it('streams chunk by chunk and accumulates text and usage when include_usage is asked', async () => {
    const { data: stream, response } = await client.chat.completions
      .create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'one two three four five six seven eight' }],
        stream: true,
        stream_options: { include_usage: true },
      })
      .withResponse();
    let text = '';
    let chunks = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe('Echo: one two three four five six seven eight');
    const spanId = response.headers.get('x-assay-span-id')!;
    const span = await waitForSpan(h.core, spanId);
    expect(span.status).toBe('ok');
    expect(span.usage.inputTokens).toBe(usage!.prompt_tokens);
    expect(span.usage.outputTokens).toBe(usage!.completion_tokens);
    expect(span.costPicoUsd).toBe(expectedCost('gpt-4o-mini', span.usage));
    expect(span.ttftMs).not.toBeNull();
    expect(span.ttftMs!).toBeLessThanOrEqual(span.latencyMs);
    expect(JSON.parse(span.responseJson!)).toMatchObject({ text, finishReason: 'stop' });
    expect(span.attributes).toMatchObject({ 'gateway.stream': true });
  });

  it('injects nothing when include_usage is absent: usage stays 0 and the cost unknown (null)', async () => {
    const body = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'no usage please' }],
      stream: true as const,
    };
    const { data: stream, response } = await client.chat.completions.create(body).withResponse();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Echo: no usage please');
    expect(h.openai.requests.at(-1)!.body).toEqual(body);
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    expect(span.status).toBe('ok');
    expect(span.usage.inputTokens + span.usage.outputTokens).toBe(0);
    expect(span.costPicoUsd).toBeNull();
    expect(span.attributes).toMatchObject({ 'gateway.usage': 'not_reported' });
  });

  it('records tool calls, streamed and not', async () => {
    const tools: OpenAI.ChatCompletionFunctionTool[] = [
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'Weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ];
    const messages = [{ role: 'user' as const, content: 'use weather in Paris' }];
    const whole = await client.chat.completions
      .create({ model: 'gpt-4o', messages, tools })
      .withResponse();
    const call = whole.data.choices[0]!.message.tool_calls![0]!;
    const span = await waitForSpan(h.core, whole.response.headers.get('x-assay-span-id')!);
    const answer = JSON.parse(span.responseJson!);
    expect(answer.finishReason).toBe('tool_calls');
    expect(answer.toolCalls).toEqual([
      {
        id: call.id,
        name: 'weather',
        arguments: (call as { function: { arguments: string } }).function.arguments,
      },
    ]);
    expect(JSON.parse(span.requestJson).tools).toEqual([
      {
        name: 'weather',
        description: 'Weather for a city',
        parameters: tools[0]!.function.parameters,
      },
    ]);

    const { data: stream, response } = await client.chat.completions
      .create({ model: 'gpt-4o', messages, tools, stream: true })
      .withResponse();
    let args = '';
    for await (const chunk of stream)
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    const streamed = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    const streamedAnswer = JSON.parse(streamed.responseJson!);
    expect(streamedAnswer.toolCalls).toHaveLength(1);
    expect(streamedAnswer.toolCalls[0]).toMatchObject({ name: 'weather', arguments: args });
    expect(JSON.parse(args)).toEqual({ city: 'Paris', unit: 'celsius' });
  });

  it('passes a 429 with retry-after back unchanged and records an error span', async () => {
    h.openai.faults.enqueue({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '7', 'x-ratelimit-remaining-requests': '0' },
      message: 'slow down please',
    });
    const res = await fetch(`${h.server.url}/gateway/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}` },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(await res.json()).toEqual({
      error: {
        message: 'slow down please',
        type: 'rate_limit_exceeded',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
    const span = await waitForSpan(h.core, res.headers.get('x-assay-span-id')!);
    expect(span).toMatchObject({ status: 'error', errorClass: 'rate_limited', costPicoUsd: null });
    expect(span.errorMessage).toContain('slow down please');

    // The SDK sees the same: its RateLimitError with the provider's message (no retries).
    h.openai.faults.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    await expect(
      client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({ status: 429 });
    expect(h.openai.requests).toHaveLength(2);
  });

  it('passes a 500 body back byte for byte', async () => {
    h.openai.faults.enqueue({ kind: 'status', status: 500, message: 'upstream exploded' });
    const res = await fetch(`${h.server.url}/gateway/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}` },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(
      JSON.stringify({
        error: { message: 'upstream exploded', type: 'server_error', param: null, code: null },
      }),
    );
    const span = await waitForSpan(h.core, res.headers.get('x-assay-span-id')!);
    expect(span).toMatchObject({ status: 'error', errorClass: 'server_error' });
  });

  it('uses the stored key when the client sends none (a loopback server without a token)', async () => {
    const res = await fetch(`${h.server.url}/gateway/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'k' }] }),
    });
    expect(res.status).toBe(200);
    expect(h.openai.requests.at(-1)!.headers.authorization).toBe(`Bearer ${STORED_OPENAI_KEY}`);
  });

  it('proxies embeddings with an embedding span priced from its input tokens', async () => {
    const { data, response } = await client.embeddings
      .create({ model: 'text-embedding-3-small', input: ['alpha beta', 'gamma'] })
      .withResponse();
    expect(data.data).toHaveLength(2);
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    expect(span).toMatchObject({
      kind: 'embedding',
      status: 'ok',
      model: 'text-embedding-3-small',
    });
    expect(span.usage.inputTokens).toBe(data.usage.prompt_tokens);
    const price = h.core.services.llm.prices.find('openai', 'text-embedding-3-small');
    expect(span.costPicoUsd).toBe(computeCost(price, span.usage));
    expect(JSON.parse(span.requestJson)).toMatchObject({ input: ['alpha beta', 'gamma'] });
  });

  it('passes the upstream model list through, for openai and local', async () => {
    const direct = await (await fetch(`${h.openai.url}/v1/models`)).json();
    const before = await spanCount(h.core);
    for (const provider of ['openai', 'local']) {
      const listed = await fetch(`${h.server.url}/gateway/${provider}/v1/models`);
      expect(listed.status).toBe(200);
      const json = (await listed.json()) as { data: { id: string }[] };
      expect(json.data.map((m) => m.id)).toEqual(
        (direct as { data: { id: string }[] }).data.map((m) => m.id),
      );
    }
    const models = await new OpenAI({
      baseURL: `${h.server.url}/gateway/local/v1`,
      apiKey: 'unused',
    }).models.list();
    expect(models.data.length).toBeGreaterThan(0);
    expect(await spanCount(h.core)).toBe(before);
  });
});
