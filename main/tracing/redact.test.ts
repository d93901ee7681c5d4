import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../../test/support/parse-json';
import { redactJson, redactText } from './redact';

describe('redact', () => {
  it('blanks credential-named fields at any depth and cuts known secrets out of every string', () => {
    const value = {
      headers: { Authorization: 'Bearer abc', 'x-api-key': 'k', accept: 'json' },
      messages: [{ role: 'user', content: 'my key sk-live-1234567890 twice sk-live-1234567890' }],
      nested: { apiKey: null, token: 'tok' },
    };
    const out = parseJson(
      z.strictObject({
        headers: z.record(z.string(), z.unknown()),
        messages: z.array(z.strictObject({ role: z.string(), content: z.string() })),
        nested: z.record(z.string(), z.unknown()),
      }),
      redactJson(value, ['sk-live-1234567890', 'short']),
    );
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

describe('redactText: known key values and well-known key shapes', () => {
  const fakeKey = (prefix: string, n: number) =>
    prefix + 'A1b2C3d4E5f6G7h8J9k0'.repeat(Math.ceil(n / 20)).slice(0, n);
  const shapes: [string, string, string][] = [
    [
      'an OpenAI project key in its 401 text',
      `Incorrect API key provided: ${fakeKey('sk-proj-', 64)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'Incorrect API key provided: [REDACTED]. You can find your API key at https://platform.openai.com/account/api-keys.',
    ],
    ['a legacy OpenAI key', `key=${fakeKey('sk-', 48)}`, 'key=[REDACTED]'],
    [
      'an Anthropic key',
      `invalid x-api-key ${fakeKey('sk-ant-api03-', 80)}`,
      'invalid x-api-key [REDACTED]',
    ],
    [
      'an AWS access key id',
      'The key AKIAIOSFODNN7EXAMPLE is not valid',
      'The key [REDACTED] is not valid',
    ],
    ['an AWS temporary key id', '(ASIA5EXAMPLE2EXAMPL3)', '([REDACTED])'],
    [
      'an AWS secret key after its name',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_secret_access_key = [REDACTED]',
    ],
    [
      'a secret key as a JSON field in text',
      '{"secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}',
      '{"secretAccessKey": "[REDACTED]"}',
    ],
    [
      'a bearer token',
      'sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc',
      'sent Authorization: Bearer [REDACTED]',
    ],
    [
      'a generic api_key',
      'GET /v1?api_key=0123456789abcdef0123&x=1',
      'GET /v1?api_key=[REDACTED]&x=1',
    ],
    ['a generic api-key header', 'api-key: 9f8e7d6c5b4a39281706f5e4', 'api-key: [REDACTED]'],
  ];
  it.each(shapes)('cuts %s', (_, text, expected) => {
    expect(redactText(text, [])).toBe(expected);
  });

  it('leaves text that only looks like it alone', () => {
    const plain = [
      'use sk-learn for the model; ask-me-anything-2024-edition is a title',
      'The Bearer of bad news said hello',
      'api_key = os.environ["OPENAI_API_KEY"]',
      'max_tokens: 1024, tokens: 2048, AKIA is not a key, ASIA2024',
      'Incorrect API key provided: sk-proj-****************************abcd.',
      'password: hunter2',
    ];
    for (const text of plain) expect(redactText(text, [])).toBe(text);
  });

  it('takes time linear in the text, whatever repeats in it', () => {
    // Runs of near-shapes with no digit: each would scan to the end of the run if unbounded.
    const hostile = [
      'token='.repeat(40_000),
      `${'x-api-key='.padEnd(40, 'a')}`.repeat(8_000),
      'sk-'.repeat(80_000),
      `Bearer ${'a'.repeat(300_000)}`,
      `token${' '.repeat(300_000)}`,
    ];
    for (const text of hostile) {
      const started = performance.now();
      expect(redactText(text, ['some-secret-value'])).toBe(text);
      // About 15 ms each here; the unbounded look-ahead took 7-25 s on the first two.
      expect(performance.now() - started).toBeLessThan(1_500);
    }
  });

  // Key-like values: what users paste as API keys (no quotes, no spaces).
  const key = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/).filter((k) => k !== 'REDACTED');
  const anyText = fc.string({ unit: 'binary', maxLength: 80 });

  it('property: a configured key at any position, in any surrounding text, never survives', () => {
    fc.assert(
      fc.property(
        key,
        fc.array(fc.tuple(anyText, anyText), { minLength: 1, maxLength: 4 }),
        (k, around) => {
          const text = around.map(([before, after]) => `${before}${k}${after}`).join('');
          expect(redactText(text, ['short', k]).includes(k)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: text without secrets comes out unchanged', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'sk-learn',
        'Bearer',
        'bearer',
        'api_key:',
        'token',
        'password=',
        'AKIA',
        'ASIA',
        'gpt-4o-mini',
        '[REDACTED]',
        'secretAccessKey',
      ),
      fc.stringMatching(/^[a-z]{1,12}$/),
      fc.stringMatching(/^[0-9]{1,6}$/),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const separator = fc.constantFrom(' ', ', ', '. ', '\n', '\t', ' (', ') ');
    const text = fc
      .array(fc.tuple(word, separator), { maxLength: 30 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, fc.array(key, { maxLength: 3 }), (t, keys) => {
        fc.pre(keys.every((k) => !t.includes(k)));
        expect(redactText(t, keys)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});
