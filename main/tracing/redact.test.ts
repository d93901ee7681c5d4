import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactJson, redactText } from './redact';

describe('redact', () => {
  it('blanks credential-named fields at any depth and cuts known secrets out of every string', () => {
    const value = {
      headers: { Authorization: 'Bearer abc', 'x-api-key': 'k', accept: 'json' },
      messages: [{ role: 'user', content: 'my key sk-live-1234567890 twice sk-live-1234567890' }],
      nested: { apiKey: null, token: 'tok' },
    };
    const out = JSON.parse(redactJson(value, ['sk-live-1234567890', 'short'])) as typeof value;
    expect(out.headers).toEqual({
      Authorization: '[REDACTED]',
      'x-api-key': '[REDACTED]',
      accept: 'json',
    });
    expect(out.messages[0]!.content).toBe('my key [REDACTED] twice [REDACTED]');
    expect(out.nested).toEqual({ apiKey: null, token: '[REDACTED]' });
    expect(redactText('failed with sk-live-1234567890', ['sk-live-1234567890'])).toBe(
      'failed with [REDACTED]',
    );
  });

  it('property: no secret of 8+ token characters survives in the JSON', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
    fc.assert(
      fc.property(secret, fc.array(fc.string()), (s, texts) => {
        fc.pre(!'[REDACTED]'.includes(s));
        const json = redactJson({ texts: texts.map((t) => `${t}${s}${t}`) }, [s]);
        expect(json.includes(s)).toBe(false);
      }),
    );
  });

  it('property: every credential-named field is blanked, and nothing else changes', () => {
    // Credential names in several spellings, near misses, and keys that hold a name inside.
    const key = fc.oneof(
      fc.constantFrom('Authorization', 'token', 'TOKEN', 'api_key', 'x-api-key', 'password'),
      fc.constantFrom('tokens', 'apiKeys', 'my-token', 'content', 'x"token', 'token\\'),
      fc.string({ maxLength: 8 }),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
      ),
    }));
    const credential =
      /^(authorization|x-api-key|api[-_]?key|apikey|secret[-_]?access[-_]?key|session[-_]?token|x-amz-security-token|password|token)$/i;
    const expected = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(expected);
      if (v === null || typeof v !== 'object') return v;
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          credential.test(k) && x !== null ? '[REDACTED]' : expected(x),
        ]),
      );
    };
    fc.assert(
      fc.property(tree, (value) => {
        expect(JSON.parse(redactJson(value, []))).toEqual(expected(value));
      }),
      { numRuns: 500 },
    );
  });
});
