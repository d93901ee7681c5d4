import { afterEach, describe, expect, it } from 'vitest';
import {
  callPathHarness as openHarness,
  type CallPathHarness,
} from '../../../test/support/call-path-harness';
import { ProviderError, type ProviderErrorClass } from '../provider-error';
import type { ChatRequest, ChatResponse, ChatOptions, LlmProvider, StreamDelta } from '../types';

const REQUEST: ChatRequest = {
  provider: 'openai',
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'hello' }],
};

const RESPONSE: ChatResponse = {
  text: 'hi there',
  toolCalls: [],
  finishReason: 'stop',
  rawFinishReason: 'stop',
  providerRequestId: 'req_1',
  model: 'gpt-4o-2024-08-06',
  usage: {
    inputTokens: 1000,
    outputTokens: 200,
    cacheReadTokens: 500,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
  },
};

type Step =
  | ChatResponse
  | ProviderErrorClass
  | { error: ProviderErrorClass; retryAfterMs: number }
  | 'hang'
  | { stream: string; then: ProviderErrorClass };

/** A provider that plays a script, one step per attempt, and counts the calls it got. */
function scripted(steps: Step[]): LlmProvider & { calls: number } {
  const provider = {
    id: 'openai' as const,
    calls: 0,
    listModels: () => Promise.resolve([]),
    chat: async (_req: ChatRequest, opts?: ChatOptions): Promise<ChatResponse> => {
      const step = steps[Math.min(provider.calls, steps.length - 1)]!;
      provider.calls++;
      if (step === 'hang') {
        return new Promise((_resolve, reject) =>
          opts?.signal?.addEventListener('abort', () =>
            reject(
              new ProviderError({ provider: 'openai', errorClass: 'aborted', message: 'aborted' }),
            ),
          ),
        );
      }
      if (typeof step === 'string')
        throw new ProviderError({
          provider: 'openai',
          errorClass: step,
          message: `scripted ${step}`,
          status: 400,
        });
      if ('error' in step)
        throw new ProviderError({
          provider: 'openai',
          errorClass: step.error,
          message: 'slow down',
          retryAfterMs: step.retryAfterMs,
        });
      if ('stream' in step) {
        opts?.onDelta?.({ type: 'text', text: step.stream });
        throw new ProviderError({ provider: 'openai', errorClass: step.then, message: 'dropped' });
      }
      opts?.onDelta?.({ type: 'text', text: step.text });
      return step;
    },
  };
  return provider;
}

const opened: CallPathHarness[] = [];

/** A harness on a fresh database, closed after the test. */
async function callPathHarness(...args: Parameters<typeof openHarness>): Promise<CallPathHarness> {
  const harness = await openHarness(...args);
  opened.push(harness);
  return harness;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.store.close()));
});

describe('CallPath', () => {
  it('records a span with tokens, exact cost and latency for a successful call', async () => {
    const { callPath, spans } = await callPathHarness({ openai: scripted([RESPONSE]) });
    const result = await callPath.call({ request: REQUEST });
    expect(result.response.text).toBe('hi there');
    expect(result.costPicoUsd).toBe(5_125_000_000); // $0.005125, see price-book.test.ts
    const span = (await spans.get(result.spanId))!;
    expect(span).toMatchObject({
      status: 'ok',
      provider: 'openai',
      model: 'gpt-4o',
      attempts: 1,
      cacheHit: false,
      costPicoUsd: 5_125_000_000,
      providerRequestId: 'req_1',
      usage: RESPONSE.usage,
    });
    expect(JSON.parse(span.requestJson)).toEqual(REQUEST);
    expect(JSON.parse(span.responseJson!)).toEqual(RESPONSE);
  });

  it('serves a repeat from the cache: no provider call, zero cost, marked as a hit', async () => {
    const provider = scripted([RESPONSE]);
    const { callPath, spans } = await callPathHarness({ openai: provider });
    await callPath.call({ request: REQUEST });
    const deltas: StreamDelta[] = [];
    const again = await callPath.call({ request: { ...REQUEST }, onDelta: (d) => deltas.push(d) });
    expect(provider.calls).toBe(1);
    expect(again).toMatchObject({ cacheHit: true, costPicoUsd: 0, attempts: 0 });
    expect(again.response.text).toBe('hi there');
    expect(deltas).toEqual([{ type: 'text', text: 'hi there' }]);
    expect(await spans.get(again.spanId)).toMatchObject({
      cacheHit: true,
      costPicoUsd: 0,
      status: 'ok',
    });
    await callPath.call({ request: REQUEST, bypassCache: true });
    expect(provider.calls).toBe(2);
  });

  it('leaves the cache alone with bypassCache and refreshCache: false (a --no-cache run)', async () => {
    const provider = scripted([RESPONSE]);
    const { callPath } = await callPathHarness({ openai: provider });
    await callPath.call({ request: REQUEST, bypassCache: true, refreshCache: false });
    // Nothing was stored, so a normal call still goes to the provider.
    const next = await callPath.call({ request: REQUEST });
    expect(next.cacheHit).toBe(false);
    expect(provider.calls).toBe(2);
  });

  it('with deferCommit, returns before the span is stored and settles `committed` once it is', async () => {
    const { callPath, spans } = await callPathHarness({ openai: scripted([RESPONSE]) });
    const result = await callPath.call({ request: REQUEST, deferCommit: true });
    expect(await spans.get(result.spanId)).toBeNull();
    await result.committed;
    expect(await spans.get(result.spanId)).toMatchObject({
      status: 'ok',
      providerRequestId: 'req_1',
    });
  });

  it('misses the cache when any parameter differs', async () => {
    const provider = scripted([RESPONSE]);
    const { callPath } = await callPathHarness({ openai: provider });
    await callPath.call({ request: REQUEST });
    await callPath.call({ request: { ...REQUEST, temperature: 0.5 } });
    await callPath.call({ request: { ...REQUEST, model: 'gpt-4o-mini' } });
    expect(provider.calls).toBe(3);
  });

  it('retries rate limits and server errors, honouring Retry-After, then succeeds', async () => {
    const provider = scripted([
      { error: 'rate_limited', retryAfterMs: 30 },
      'server_error',
      'connection',
      RESPONSE,
    ]);
    const { callPath, spans } = await callPathHarness({ openai: provider });
    const started = Date.now();
    const result = await callPath.call({ request: REQUEST });
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
    expect(result.attempts).toBe(4);
    expect(await spans.get(result.spanId)).toMatchObject({ status: 'ok', attempts: 4 });
  });

  it('fails at once on a non-retryable error and records it', async () => {
    const provider = scripted(['bad_request']);
    const { callPath, store } = await callPathHarness({ openai: provider });
    await expect(callPath.call({ request: REQUEST })).rejects.toMatchObject({
      code: 'PROVIDER_REJECTED',
      errorClass: 'bad_request',
    });
    expect(provider.calls).toBe(1);
    const row = await store.db
      .selectFrom('span')
      .select(['status', 'error_class', 'attempts', 'cost_pico_usd'])
      .executeTakeFirst();
    expect(row).toEqual({
      status: 'error',
      error_class: 'bad_request',
      attempts: 1,
      cost_pico_usd: null,
    });
  });

  it('gives up after the configured attempts', async () => {
    const provider = scripted(['overloaded']);
    const { callPath } = await callPathHarness({ openai: provider });
    await expect(callPath.call({ request: REQUEST })).rejects.toMatchObject({
      errorClass: 'overloaded',
    });
    expect(provider.calls).toBe(4);
  });

  it('turns a hung attempt into a timeout and retries it', async () => {
    const provider = scripted(['hang', RESPONSE]);
    const { callPath } = await callPathHarness({ openai: provider }, { attemptTimeoutMs: 50 });
    const result = await callPath.call({ request: REQUEST });
    expect(result.attempts).toBe(2);
  });

  it('cancels through the AbortSignal and records the call as aborted', async () => {
    const provider = scripted(['hang']);
    const { callPath, store } = await callPathHarness({ openai: provider });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      callPath.call({ request: REQUEST, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await store.db.selectFrom('span').select('error_class').execute()).toEqual([
      { error_class: 'aborted' },
    ]);
  });

  it('tells a streaming caller to reset when a dropped stream is retried', async () => {
    const provider = scripted([{ stream: 'partial ', then: 'connection' }, RESPONSE]);
    const { callPath } = await callPathHarness({ openai: provider });
    const deltas: StreamDelta[] = [];
    const result = await callPath.call({ request: REQUEST, onDelta: (d) => deltas.push(d) });
    expect(deltas).toEqual([
      { type: 'text', text: 'partial ' },
      { type: 'reset' },
      { type: 'text', text: 'hi there' },
    ]);
    expect(result.ttftMs).not.toBeNull();
  });

  it('marks an unpriced model with a null cost, not zero', async () => {
    const { callPath, spans } = await callPathHarness({ openai: scripted([RESPONSE]) });
    const result = await callPath.call({ request: { ...REQUEST, model: 'my-finetune' } });
    expect(result.costPicoUsd).toBeNull();
    expect((await spans.get(result.spanId))!.costPicoUsd).toBeNull();
  });

  it('cuts configured secrets out of everything the span stores', async () => {
    const key = 'sk-live-abcdefghijklmnop';
    const { callPath, store } = await callPathHarness(
      { openai: scripted([RESPONSE]) },
      { secretValues: () => [key] },
    );
    await callPath.call({
      request: { ...REQUEST, messages: [{ role: 'user', content: `my key is ${key}` }] },
    });
    const dump = JSON.stringify(await store.db.selectFrom('span').selectAll().execute());
    expect(dump).not.toContain(key);
    expect(dump).toContain('my key is [REDACTED]');
  });

  it('caches an answer that echoes a key with the key cut out, and replays that', async () => {
    // One configured key of no known shape, and one of a known shape nobody configured.
    const key = 'gateway-key-0a1b2c3d4e5f';
    const other = 'sk-proj-Q1w2E3r4T5y6U7i8O9p0';
    const echo = { ...RESPONSE, text: `your key ${key}, and ${other}` };
    const provider = scripted([echo]);
    const { callPath, store } = await callPathHarness(
      { openai: provider },
      { secretValues: () => [key] },
    );
    const first = await callPath.call({ request: REQUEST });
    // The live answer loses the configured key (an exact match, cheap on every call); the
    // cached copy also loses keys of known shapes.
    expect(first.response.text).toBe(`your key [REDACTED], and ${other}`);
    const rows = JSON.stringify(await store.db.selectFrom('llm_cache').selectAll().execute());
    expect(rows).toContain('your key [REDACTED], and [REDACTED]');
    expect(rows).not.toContain(key);
    expect(rows).not.toContain(other);
    const again = await callPath.call({ request: REQUEST });
    expect(again.cacheHit).toBe(true);
    expect(provider.calls).toBe(1);
    expect(again.response.text).toBe('your key [REDACTED], and [REDACTED]');
  });

  it('throws and records a provider error with the configured keys cut out', async () => {
    const key = 'gateway-key-0a1b2c3d4e5f';
    const leaky: LlmProvider = {
      id: 'openai',
      listModels: () => Promise.resolve([]),
      chat: () =>
        Promise.reject(
          new ProviderError({
            provider: 'openai',
            errorClass: 'auth',
            status: 401,
            message: `Incorrect API key provided: ${key}.`,
          }),
        ),
    };
    const { callPath, store } = await callPathHarness(
      { openai: leaky },
      { secretValues: () => [key] },
    );
    const err = await callPath.call({ request: REQUEST }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).message).toBe(
      'openai 401: Incorrect API key provided: [REDACTED].',
    );
    expect((err as ProviderError).toPayload().message).not.toContain(key);
    expect(JSON.stringify(await store.db.selectFrom('span').selectAll().execute())).not.toContain(
      key,
    );
  });

  it('keeps to the concurrency limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: LlmProvider = {
      id: 'openai',
      listModels: () => Promise.resolve([]),
      chat: async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return RESPONSE;
      },
    };
    const { callPath } = await callPathHarness({ openai: slow }, { limits: { concurrency: 3 } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        callPath.call({ request: { ...REQUEST, temperature: i / 100 } }),
      ),
    );
    expect(peak).toBe(3);
  });
});
