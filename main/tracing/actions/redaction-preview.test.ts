import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedSchema } from '../../../shared/contract';
import { parseJson } from '../../../test/support/parse-json';
import { redactionPreview } from './redaction-preview';

/** A 16-digit number with a valid Luhn check digit, grouped as cards are printed. */
const card = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((d) => {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let v = d[14 - i]!;
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  const digits = [...d, (10 - (sum % 10)) % 10].join('');
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
});
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9._+-]{1,20}$/),
    fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    fc.constantFrom('com', 'org', 'io', 'example'),
  )
  .map(([local, host, tld]) => `${local}@${host}.${tld}`);
const phone = fc
  .tuple(
    fc.integer({ min: 1, max: 99 }),
    fc.stringMatching(/^[1-9]\d{2}$/),
    fc.stringMatching(/^\d{3}$/),
    fc.stringMatching(/^\d{4}$/),
  )
  .map(([cc, area, a, b]) => `+${cc} ${area} ${a} ${b}`);
const apiKey = fc.stringMatching(/^[A-Za-z0-9]{19}$/).map((body) => `sk-proj-${body}7`);
const sensitive = fc.oneof(card, email, phone, apiKey);
// Context as people write it: any text, kept apart from the datum by a space and no digits.
const context = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\d@.+\-_%]/g, ''));

describe('redactionPreview', () => {
  it('masks keys, configured secrets, cards, emails and phones, counting them by field', () => {
    const preview = redactionPreview(
      {
        vars: {
          note: 'mail bo@shop.example, call (415) 555-0100, card 4242-4242-4242-4242',
          auth: 'Authorization: Bearer abcdef1234567890abcdef and my-own-secret-value',
          date: 'on 2026-12-06 10:00:00 order 12345',
        },
        expected: { reply: ['sk-ant-api03-abcdefghijklmnop1234'], n: 3 },
      },
      ['my-own-secret-value'],
    );
    expect(preview.vars.note).toBe('mail [EMAIL], call [PHONE], card [CARD]');
    expect(preview.vars.auth).toBe('Authorization: Bearer [REDACTED] and [REDACTED]');
    // Dates, times and short numbers are not personal data.
    expect(preview.vars.date).toBe('on 2026-12-06 10:00:00 order 12345');
    expect(preview.expected).toEqual({ reply: ['[REDACTED]'], n: 3 });
    expect(preview.findings).toEqual(
      expect.arrayContaining([
        { field: 'vars.note', kind: 'email', count: 1 },
        { field: 'vars.note', kind: 'phone', count: 1 },
        { field: 'vars.note', kind: 'card', count: 1 },
        { field: 'vars.auth', kind: 'secret', count: 1 },
        { field: 'vars.auth', kind: 'api-key', count: 1 },
        { field: 'expected', kind: 'api-key', count: 1 },
      ]),
    );
    expect(preview.findings).toHaveLength(6);
    // A number that fails the card check stays.
    expect(redactionPreview({ vars: { x: '4242 4242 4242 4241' } }, []).vars.x).toBe(
      '4242 4242 4242 4241',
    );
  });

  it('property: the masked text never holds the datum it was given', () => {
    fc.assert(
      fc.property(context, sensitive, context, (before, datum, after) => {
        const preview = redactionPreview({ vars: { v: `${before} ${datum} ${after}` } }, []);
        expect(preview.vars.v).not.toContain(datum);
        expect(preview.findings.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a configured secret never survives, wherever it sits', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
    fc.assert(
      fc.property(fc.string(), secret, fc.string(), (before, s, after) => {
        fc.pre(!'[REDACTED]'.includes(s));
        const preview = redactionPreview({ vars: { v: `${before}${s}${after}` } }, [s]);
        expect(preview.vars.v).not.toContain(s);
      }),
    );
  });

  it('property: never throws on any text or JSON, and keeps the shape', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ unit: 'binary' })),
        fc.jsonValue(),
        (vars, value) => {
          // fast-check's JSON type and zod's describe the same values.
          const expected = parseJson(expectedSchema, JSON.stringify(value));
          const preview = redactionPreview({ vars, expected }, []);
          expect(Object.keys(preview.vars).sort()).toEqual(Object.keys(vars).sort());
          expect(Array.isArray(preview.expected)).toBe(Array.isArray(expected));
        },
      ),
      // Large arbitrary JSON values: fewer runs keep it within the unit suite's time limit.
      { numRuns: 60 },
    );
  });

  it('scans a megabyte of hostile text in linear time', () => {
    for (const unit of ['a@', '1 ', 'a.', '+1', '1-', 'token=']) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const started = performance.now();
      redactionPreview({ vars: { v: text } }, []);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});
