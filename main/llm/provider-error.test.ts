import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ProviderError } from './provider-error';

const KEY = 'sk-proj-Zx81Kq0Lm2Nn3Op4Qr5St6Uv7Wx8Yz9Ab0Cd1';
// A key of no well-known shape: only knowing the configured value can cut it out.
const PLAIN_KEY = 'custom-gateway-key-7f3a9c';

describe('ProviderError', () => {
  it('cuts well-known key shapes out of the message the provider sent', () => {
    const err = new ProviderError({
      provider: 'openai',
      errorClass: 'auth',
      status: 401,
      message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    });
    expect(err.message).toBe(
      'openai 401: Incorrect API key provided: [REDACTED]. You can find your API key at https://platform.openai.com/account/api-keys.',
    );
    expect(JSON.stringify(err.toPayload())).not.toContain(KEY);
  });

  it('cuts the configured keys it is given, in the message and the whole cause chain', () => {
    const sdkError = Object.assign(
      new Error(`401 bad key ${PLAIN_KEY}`, {
        cause: new Error(`inner ${PLAIN_KEY}`),
      }),
      { name: 'AuthenticationError', code: 'invalid_api_key', error: { key: PLAIN_KEY } },
    );
    const err = new ProviderError({
      provider: 'local',
      errorClass: 'auth',
      message: `bad key ${PLAIN_KEY}`,
      cause: sdkError,
      secrets: [PLAIN_KEY],
    });
    expect(err.message).toBe('local: bad key [REDACTED]');
    // What a log line or a debugger would show of it: stack, cause chain, own fields.
    const shown = inspect(err, { depth: 10 });
    expect(shown).not.toContain(PLAIN_KEY);
    expect(shown).toContain('[REDACTED]');
    const cause = err.cause as Error & { code?: string };
    expect(cause.name).toBe('AuthenticationError');
    expect(cause.code).toBe('invalid_api_key');
    expect(cause.message).toBe('401 bad key [REDACTED]');
  });

  it('withSecretsRedacted cuts further keys and keeps class, status and retry hints', () => {
    const err = new ProviderError({
      provider: 'anthropic',
      errorClass: 'rate_limited',
      status: 429,
      retryAfterMs: 1500,
      requestId: 'req_9',
      message: `slow down, ${PLAIN_KEY}`,
      cause: new Error(PLAIN_KEY),
    });
    expect(err.message).toContain(PLAIN_KEY);
    const clean = err.withSecretsRedacted([PLAIN_KEY]);
    expect(clean).toBeInstanceOf(ProviderError);
    expect(clean.message).toBe('anthropic 429: slow down, [REDACTED]');
    expect(inspect(clean, { depth: 10 })).not.toContain(PLAIN_KEY);
    expect(clean).toMatchObject({
      provider: 'anthropic',
      errorClass: 'rate_limited',
      status: 429,
      retryAfterMs: 1500,
      requestId: 'req_9',
      code: 'PROVIDER_RATE_LIMITED',
      retryable: true,
    });
    // Nothing to cut: the same error comes back.
    expect(clean.withSecretsRedacted([PLAIN_KEY])).toBe(clean);
  });
});
