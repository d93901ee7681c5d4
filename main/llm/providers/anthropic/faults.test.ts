import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicFake } from '../../../../test/fakes/anthropic-fake';
import type { FakeServer } from '../../../../test/fakes/fake-http';
import type { Fault } from '../../../../test/fakes/fault-plan';
import { ProviderError } from '../../provider-error';
import type { ChatRequest, StreamDelta } from '../../types';
import { createAnthropicProvider } from './provider';

let fake: FakeServer;
let provider: ReturnType<typeof createAnthropicProvider>;

beforeAll(async () => {
  fake = await startAnthropicFake({ streamGapMs: 10 });
  provider = createAnthropicProvider({ apiKey: 'sk-ant-test', baseUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.faults.clear();
});

const request: ChatRequest = {
  provider: 'anthropic',
  model: 'claude-3-5-haiku-20241022',
  messages: [{ role: 'user', content: 'one two three four five six seven eight' }],
};

/** Runs one call under `fault` and returns the ProviderError it must fail with. */
async function failure(
  fault: Fault,
  options: { stream?: boolean; signal?: AbortSignal } = {},
): Promise<{ error: ProviderError; deltas: StreamDelta[] }> {
  fake.faults.enqueue(fault);
  const deltas: StreamDelta[] = [];
  const onDelta = options.stream ? (d: StreamDelta) => deltas.push(d) : undefined;
  const error = await provider.chat(request, { signal: options.signal, onDelta }).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ProviderError);
  // One attempt only: retrying is the call path's job, never the SDK's.
  expect(fake.requests).toHaveLength(1);
  return { error: error as ProviderError, deltas };
}

describe('anthropic provider faults', () => {
  it('429 with retry-after is rate_limited with the wait', async () => {
    const fault: Fault = { kind: 'status', status: 429, headers: { 'retry-after': '7' } };
    const { error } = await failure(fault);
    expect(error).toMatchObject({ errorClass: 'rate_limited', status: 429, retryAfterMs: 7000 });
    expect(error.retryable).toBe(true);
  });

  it.each([
    [529, 'overloaded'],
    [500, 'server_error'],
    [401, 'auth'],
  ] as const)('status %i is %s', async (status, errorClass) => {
    const { error } = await failure({ kind: 'status', status });
    expect(error).toMatchObject({ errorClass, status });
  });

  it('400 is bad_request with the provider message', async () => {
    const message = 'messages.0.content: text content blocks must be non-empty';
    const { error } = await failure({ kind: 'status', status: 400, message });
    expect(error).toMatchObject({ errorClass: 'bad_request', status: 400 });
    expect(error.message).toContain(message);
    expect(error.retryable).toBe(false);
  });

  it.each([false, true])(
    'a hung request ends as aborted by the signal (stream: %s)',
    async (stream) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const { error } = await failure({ kind: 'hang' }, { stream, signal: controller.signal });
      expect(error.errorClass).toBe('aborted');
    },
  );

  it('an abort mid-stream ends as aborted, not as a partial answer', async () => {
    const controller = new AbortController();
    const deltas: StreamDelta[] = [];
    const onDelta = (d: StreamDelta) => {
      deltas.push(d);
      if (deltas.length === 2) controller.abort();
    };
    const error = await provider
      .chat(request, { signal: controller.signal, onDelta })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorClass: 'aborted' });
  });

  it.each([false, true])(
    'a connection dropped before any answer is connection (stream: %s)',
    async (stream) => {
      const { error } = await failure({ kind: 'drop' }, { stream });
      expect(error.errorClass).toBe('connection');
      expect(error.retryable).toBe(true);
    },
  );

  it('a connection dropped mid-stream is connection, after some deltas arrived', async () => {
    const { error, deltas } = await failure(
      { kind: 'drop-mid-stream', afterEvents: 6 },
      { stream: true },
    );
    expect(deltas.length).toBeGreaterThan(0);
    expect(error.errorClass).toBe('connection');
  });

  it('an overloaded error event mid-stream is overloaded', async () => {
    const fault: Fault = { kind: 'error-mid-stream', afterEvents: 5, message: 'Overloaded' };
    const { error, deltas } = await failure(fault, { stream: true });
    expect(deltas.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ errorClass: 'overloaded', status: undefined });
    expect(error.message).toContain('Overloaded');
  });

  it('an api_error event mid-stream is server_error', async () => {
    const fault: Fault = { kind: 'error-mid-stream', afterEvents: 3, errorType: 'api_error' };
    const { error } = await failure(fault, { stream: true });
    expect(error.errorClass).toBe('server_error');
  });

  it('a refused connection is connection', async () => {
    // Port 1 on loopback has no listener: the connect itself fails.
    const nowhere = createAnthropicProvider({
      apiKey: 'sk-ant-test',
      baseUrl: 'http://127.0.0.1:1',
    });
    const error = await nowhere.chat(request).catch((e: unknown) => e);
    expect(error).toMatchObject({ errorClass: 'connection', code: 'PROVIDER_UNAVAILABLE' });
  });
});
