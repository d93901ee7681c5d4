import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBedrockFake, type BedrockFake } from '../../../../test/fakes/bedrock-fake';
import { ProviderError } from '../../provider-error';
import type { ChatOptions, LlmProvider, StreamDelta } from '../../types';
import { createBedrockProvider } from './provider';
import { chatRequest, fakeConnection, isolateAwsEnvironment } from './test-support';

isolateAwsEnvironment();

// Every case runs over both transports: the SDK's default HTTP/2 handler against an h2c fake,
// and HTTP/1.1 (NodeHttpHandler injected) against an HTTP/1.1 fake. Socket failures differ.
describe.each([
  { transport: 'h2c (default handler)', h2c: true },
  { transport: 'HTTP/1.1 (NodeHttpHandler)', h2c: false },
])('$transport', ({ h2c }) => {
  let fake: BedrockFake;
  let provider: LlmProvider;

  beforeAll(async () => {
    fake = await startBedrockFake({ h2c });
    const overrides = h2c ? {} : { runtimeRequestHandler: new NodeHttpHandler() };
    provider = createBedrockProvider(fakeConnection(fake), overrides);
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.faults.clear();
  });

  const REQUEST = chatRequest('one two three four five six seven eight');

  /** One call that must fail, and the proof that neither SDK nor provider retried it. */
  async function failure(options?: ChatOptions): Promise<ProviderError> {
    const err = await provider.chat(REQUEST, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect(fake.requests).toHaveLength(1);
    return err as ProviderError;
  }

  it('speaks the expected protocol and streams', async () => {
    const deltas: StreamDelta[] = [];
    const res = await provider.chat(REQUEST, { onDelta: (d) => deltas.push(d) });
    expect(res.text).toBe('Echo: one two three four five six seven eight');
    expect(deltas.length).toBeGreaterThan(2);
    expect(fake.requests[0]?.headers[':method']).toBe(h2c ? 'POST' : undefined);
  });

  describe.each([false, true])('status faults (streaming: %s)', (streaming) => {
    const opts = (): ChatOptions => (streaming ? { onDelta: () => undefined } : {});

    it('429 ThrottlingException is rate_limited, with Retry-After and the request id', async () => {
      const headers = { 'retry-after': '2', 'x-amzn-requestid': 'req-429' };
      fake.faults.enqueue({
        kind: 'status',
        status: 429,
        headers,
        message: 'Too many requests, please wait.',
      });
      const err = await failure(opts());
      expect(err).toMatchObject({
        errorClass: 'rate_limited',
        status: 429,
        retryAfterMs: 2000,
        requestId: 'req-429',
      });
      expect(err.message).toContain('Too many requests, please wait.');
      expect((err.cause as Error).name).toBe('ThrottlingException');
    });

    it.each([
      [500, 'server_error', 'InternalServerException'],
      [503, 'overloaded', 'ServiceUnavailableException'],
      [403, 'auth', 'AccessDeniedException'],
      [404, 'bad_request', 'ResourceNotFoundException'],
    ])('%i is %s (%s)', async (status, errorClass, name) => {
      fake.faults.enqueue({ kind: 'status', status });
      const err = await failure(opts());
      expect(err).toMatchObject({ errorClass, status });
      expect((err.cause as Error).name).toBe(name);
    });

    it('400 ValidationException is bad_request and carries the message', async () => {
      const message = 'The model returned the following errors: messages: roles must alternate';
      fake.faults.enqueue({ kind: 'status', status: 400, message });
      const err = await failure(opts());
      expect(err).toMatchObject({ errorClass: 'bad_request', status: 400, retryable: false });
      expect(err.message).toContain(message);
    });

    it('a hang ends with the abort signal as aborted', async () => {
      fake.faults.enqueue({ kind: 'hang' });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const err = await failure({ ...opts(), signal: controller.signal });
      expect(err).toMatchObject({ errorClass: 'aborted', retryable: false });
    });

    it('a dropped connection is connection', async () => {
      fake.faults.enqueue({ kind: 'drop' });
      const err = await failure(opts());
      expect(err).toMatchObject({ errorClass: 'connection', retryable: true });
    });
  });

  describe('mid-stream', () => {
    it('a drop after some deltas is connection', async () => {
      fake.faults.enqueue({ kind: 'drop-mid-stream', afterEvents: 3 });
      const deltas: StreamDelta[] = [];
      const err = await failure({ onDelta: (d) => deltas.push(d) });
      expect(deltas.length).toBeGreaterThan(0);
      expect(err).toMatchObject({ errorClass: 'connection', retryable: true });
    });

    it.each([
      ['throttlingException', 'rate_limited'],
      ['modelStreamErrorException', 'server_error'],
      ['internalServerException', 'server_error'],
      ['serviceUnavailableException', 'overloaded'],
      ['validationException', 'bad_request'],
    ])('an exception frame %s is %s', async (errorType, errorClass) => {
      fake.faults.enqueue({
        kind: 'error-mid-stream',
        afterEvents: 2,
        errorType,
        message: `boom: ${errorType}`,
      });
      const deltas: StreamDelta[] = [];
      const err = await failure({ onDelta: (d) => deltas.push(d) });
      expect(deltas.length).toBeGreaterThan(0);
      expect(err).toMatchObject({ errorClass, requestId: expect.any(String) });
      expect(err.message).toContain(`boom: ${errorType}`);
    });

    it('an abort while streaming is aborted', async () => {
      const controller = new AbortController();
      const err = await failure({
        signal: controller.signal,
        onDelta: () => controller.abort(),
      });
      expect(err.errorClass).toBe('aborted');
    });
  });
});
