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
});
