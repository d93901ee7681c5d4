import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../provider-error';
import { headerGetter, toProviderError } from './errors';

const ctx = { provider: 'openai' };

describe('headerGetter', () => {
  it('reads a Headers object and a plain record alike, case-insensitively', () => {
    const fromHeaders = headerGetter(new Headers({ 'Retry-After': '3' }));
    const fromRecord = headerGetter({ 'Retry-After': '3', 'x-multi': ['a', 'b'] });
    expect(fromHeaders('retry-after')).toBe('3');
    expect(fromRecord('retry-after')).toBe('3');
    expect(fromRecord('x-multi')).toBe('a');
    expect(headerGetter(undefined)('retry-after')).toBeNull();
  });
});

describe('toProviderError', () => {
  it('reads retry-after from plain-record headers too', () => {
    const err = new APIError(429, { message: 'slow down' }, undefined, undefined);
    Object.defineProperty(err, 'headers', { value: { 'retry-after': '7' } });
    expect(toProviderError(err, ctx)).toMatchObject({
      errorClass: 'rate_limited',
      retryAfterMs: 7000,
    });
  });

  it('classifies SDK timeouts and aborts', () => {
    expect(toProviderError(new APIConnectionTimeoutError(), ctx).errorClass).toBe('timeout');
    expect(toProviderError(new APIUserAbortError(), ctx).errorClass).toBe('aborted');
    const controller = new AbortController();
    controller.abort();
    expect(
      toProviderError(new Error('whatever'), { ...ctx, signal: controller.signal }).errorClass,
    ).toBe('aborted');
  });

  it('classifies in-stream error objects by type', () => {
    const inStream = (type: string) =>
      new APIError(undefined, { message: 'm', type }, undefined, undefined);
    expect(toProviderError(inStream('server_error'), ctx).errorClass).toBe('server_error');
    expect(toProviderError(inStream('rate_limit_exceeded'), ctx).errorClass).toBe('rate_limited');
    expect(toProviderError(inStream('invalid_request_error'), ctx).errorClass).toBe('unknown');
  });

  it('treats stream failures as connection, but not a malformed chunk', () => {
    const during = { ...ctx, duringStream: true };
    expect(toProviderError(new TypeError('terminated'), during).errorClass).toBe('connection');
    expect(toProviderError(new SyntaxError('Unexpected token'), during).errorClass).toBe('unknown');
    expect(toProviderError(new Error('odd'), ctx).errorClass).toBe('unknown');
  });

  it('passes a ProviderError through and keeps the request id', () => {
    const original = new ProviderError({ provider: 'openai', errorClass: 'auth', message: 'no' });
    expect(toProviderError(original, ctx)).toBe(original);
    expect(toProviderError(new Error('x'), { ...ctx, requestId: 'req_9' }).requestId).toBe('req_9');
  });
});
