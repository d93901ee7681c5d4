import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../provider-error';
import { toBedrockError } from './errors';

const sdkError = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status, requestId: 'rid-1' } } : {}),
    ...extra,
  });
const socketError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('toBedrockError', () => {
  it.each([
    ['ThrottlingException', 429, 'rate_limited'],
    ['ModelNotReadyException', 429, 'overloaded'],
    ['ServiceUnavailableException', 503, 'overloaded'],
    ['InternalServerException', 500, 'server_error'],
    ['ModelStreamErrorException', 424, 'server_error'],
    ['ModelErrorException', 424, 'server_error'],
    ['ValidationException', 400, 'bad_request'],
    ['ResourceNotFoundException', 404, 'bad_request'],
    ['AccessDeniedException', 403, 'auth'],
    ['UnrecognizedClientException', 403, 'auth'],
    ['ExpiredTokenException', 403, 'auth'],
    ['ModelTimeoutException', 408, 'timeout'],
    ['SomethingNew', 502, 'server_error'],
    ['SomethingNew', 409, 'bad_request'],
  ])('%s (%i) is %s', (name, status, errorClass) => {
    const err = toBedrockError(sdkError(name, status));
    expect(err).toMatchObject({ errorClass, status, requestId: 'rid-1', provider: 'bedrock' });
    expect(err.message).toContain(`${name} happened`);
  });

  it.each([
    ['ECONNRESET', 'read ECONNRESET'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'],
    ['EPIPE', 'write EPIPE'],
    ['ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code NGHTTP2_INTERNAL_ERROR'],
    ['ERR_STREAM_PREMATURE_CLOSE', 'Premature close'],
  ])('socket error %s is connection', (code, message) => {
    expect(toBedrockError(socketError(code, message)).errorClass).toBe('connection');
  });

  it('sees through the SDK renaming a reset to TimeoutError, and wrapped causes', () => {
    const renamed = Object.assign(socketError('ECONNRESET', 'socket hang up'), {
      name: 'TimeoutError',
    });
    expect(toBedrockError(renamed).errorClass).toBe('connection');
    expect(
      toBedrockError(new Error('wrapped', { cause: socketError('ECONNRESET') })).errorClass,
    ).toBe('connection');
    expect(toBedrockError(sdkError('TimeoutError')).errorClass).toBe('timeout');
  });

  it('lets an aborted signal decide: a caller abort is aborted, a time limit is timeout', () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(toBedrockError(sdkError('AbortError'), aborted.signal).errorClass).toBe('aborted');
    expect(toBedrockError(socketError('ECONNRESET'), aborted.signal).errorClass).toBe('aborted');
    const limited = new AbortController();
    limited.abort(new DOMException('time limit', 'TimeoutError'));
    expect(toBedrockError(sdkError('AbortError'), limited.signal).errorClass).toBe('timeout');
    expect(toBedrockError(sdkError('AbortError')).errorClass).toBe('aborted');
  });

  it('reads Retry-After from the raw response headers', () => {
    const $response = { headers: { 'retry-after': '3' } };
    expect(toBedrockError(sdkError('ThrottlingException', 429, { $response })).retryAfterMs).toBe(
      3000,
    );
  });

  it('keeps its own ProviderErrors, and an unknown failure is unknown', () => {
    const own = new ProviderError({ provider: 'bedrock', errorClass: 'connection', message: 'x' });
    expect(toBedrockError(own)).toBe(own);
    expect(toBedrockError('weird').errorClass).toBe('unknown');
  });
});
