import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../test/fakes/fake-http';
import { startOpenAiFake } from '../../../../test/fakes/openai-fake';
import { ProviderError } from '../../provider-error';
import type { ChatOptions, ChatRequest, LlmProvider, StreamDelta } from '../../types';
import { createOpenAiProvider } from './provider';

let server: FakeServer;
let provider: LlmProvider;

beforeAll(async () => {
  server = await startOpenAiFake();
  provider = createOpenAiProvider({ apiKey: 'sk-test', baseUrl: `${server.url}/v1` });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.faults.clear();
});

const REQUEST: ChatRequest = {
  provider: 'openai',
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'one two three four five six seven eight' }],
};

/** Runs one call that must fail, and checks the provider did not retry behind our back. */
async function failure(options?: ChatOptions): Promise<ProviderError> {
  const err = await provider.chat(REQUEST, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  expect(server.requests).toHaveLength(1);
  return err as ProviderError;
}

describe.each([false, true])('faults (streaming: %s)', (streaming) => {
  const opts = (): ChatOptions => (streaming ? { onDelta: () => undefined } : {});

  it('429 with retry-after: 2 is rate_limited with 2000 ms', async () => {
    server.faults.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '2' } });
    const err = await failure(opts());
    expect(err).toMatchObject({ errorClass: 'rate_limited', status: 429, retryAfterMs: 2000 });
    expect(err.retryable).toBe(true);
  });

  it('retry-after-ms wins over retry-after', async () => {
    const headers = { 'retry-after': '2', 'retry-after-ms': '250', 'x-request-id': 'req_429' };
    server.faults.enqueue({ kind: 'status', status: 429, headers });
    const err = await failure(opts());
    expect(err).toMatchObject({ retryAfterMs: 250, requestId: 'req_429' });
  });

  it('500 is server_error', async () => {
    server.faults.enqueue({ kind: 'status', status: 500 });
    expect(await failure(opts())).toMatchObject({ errorClass: 'server_error', status: 500 });
  });

  it("400 is bad_request and carries the provider's message", async () => {
    const message = "Invalid value for 'temperature': must be at most 2.";
    server.faults.enqueue({ kind: 'status', status: 400, message });
    const err = await failure(opts());
    expect(err).toMatchObject({ errorClass: 'bad_request', status: 400 });
    expect(err.message).toContain(message);
    expect(err.retryable).toBe(false);
  });

  it('401 is auth', async () => {
    server.faults.enqueue({ kind: 'status', status: 401, message: 'Incorrect API key provided' });
    expect(await failure(opts())).toMatchObject({ errorClass: 'auth', status: 401 });
  });

  it('a hang cancelled by the caller is aborted', async () => {
    server.faults.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure({ ...opts(), signal: controller.signal });
    expect(err.errorClass).toBe('aborted');
  });

  it('a hang under AbortSignal.timeout() is a timeout', async () => {
    server.faults.enqueue({ kind: 'hang' });
    const err = await failure({ ...opts(), signal: AbortSignal.timeout(100) });
    expect(err.errorClass).toBe('timeout');
  });

  it('a connection dropped before the response is connection', async () => {
    server.faults.enqueue({ kind: 'drop' });
    expect((await failure(opts())).errorClass).toBe('connection');
  });
});

describe('mid-stream faults', () => {
  it('a drop mid-stream is connection, after some deltas arrived', async () => {
    server.faults.enqueue({ kind: 'drop-mid-stream', afterEvents: 3 });
    const deltas: StreamDelta[] = [];
    const err = await failure({ onDelta: (d) => deltas.push(d) });
    expect(err.errorClass).toBe('connection');
    expect(err.retryable).toBe(true);
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(err.requestId).toMatch(/^req_/);
  });

  it('an error event mid-stream is classified by its type', async () => {
    server.faults.enqueue({ kind: 'error-mid-stream', afterEvents: 2, message: 'boom' });
    const deltas: StreamDelta[] = [];
    const err = await failure({ onDelta: (d) => deltas.push(d) });
    expect(err.errorClass).toBe('server_error');
    expect(err.message).toContain('boom');
    expect(deltas.length).toBeGreaterThanOrEqual(1);
  });

  it('a rate-limit error event mid-stream is rate_limited', async () => {
    server.faults.enqueue({
      kind: 'error-mid-stream',
      afterEvents: 1,
      errorType: 'rate_limit_exceeded',
    });
    expect((await failure({ onDelta: () => undefined })).errorClass).toBe('rate_limited');
  });

  it('an abort while streaming is aborted, not a silent short answer', async () => {
    const slow = await startOpenAiFake({ streamGapMs: 50 });
    const p = createOpenAiProvider({ apiKey: 'k', baseUrl: `${slow.url}/v1` });
    const controller = new AbortController();
    const err = await p
      .chat(REQUEST, { signal: controller.signal, onDelta: () => controller.abort() })
      .then(
        () => null,
        (e: unknown) => e,
      );
    await slow.close();
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).errorClass).toBe('aborted');
  });

  it('an error thrown by onDelta reaches the caller unchanged', async () => {
    const mine = new Error('my callback broke');
    const err = await provider
      .chat(REQUEST, {
        onDelta: () => {
          throw mine;
        },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBe(mine);
  });
});

describe('connection failures', () => {
  it('a refused connection is connection', async () => {
    const closed = await startOpenAiFake();
    const url = closed.url;
    await closed.close();
    const p = createOpenAiProvider({ apiKey: 'k', baseUrl: `${url}/v1` });
    const err = await p.chat(REQUEST).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ errorClass: 'connection' });
  });
});
