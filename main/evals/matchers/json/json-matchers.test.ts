import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

const personSchema = {
  type: 'object',
  required: ['name', 'age'],
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    email: { type: 'string', format: 'email' },
  },
};

describe('is-json', () => {
  it('requires the whole reply to be JSON unless extract is set', async () => {
    expect(await run({ type: 'is-json' }, ' {"a": 1}\n')).toMatchObject({
      pass: true,
      reason: 'output is valid JSON',
    });
    const prose = await run({ type: 'is-json' }, 'Sure! {"a": 1}');
    expect(prose.pass).toBe(false);
    expect(prose.reason).toMatch(/^output is not valid JSON: /);
    expect((await run({ type: 'contains-json' }, 'Sure! {"a": 1}')).pass).toBe(true);
  });

  it('uses JSON the extraction strategy already parsed', async () => {
    expect((await run({ type: 'is-json' }, '```json\n{}\n```', { json: {} })).pass).toBe(true);
  });

  it('validates against a schema and lists the errors', async () => {
    expect(
      (await run({ type: 'is-json', schema: personSchema }, '{"name": "Ada", "age": 36}')).pass,
    ).toBe(true);
    const r = await run({ type: 'is-json', schema: personSchema }, '{"name": 7, "email": "nope"}');
    expect(r.pass).toBe(false);
    expect(r.reason).toBe(
      'output is JSON but does not match the schema: 3 schema errors: (root) must have required property \'age\', /name must be string, /email must match format "email"',
    );
  });

  it('supports draft 2020-12 schemas', async () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'number' }],
    };
    expect((await run({ type: 'is-json', schema }, '[1]')).pass).toBe(true);
    expect((await run({ type: 'is-json', schema }, '["x"]')).pass).toBe(false);
  });
});

describe('json-structure', () => {
  const output = JSON.stringify({
    customer: { name: 'Ada', address: { zip: null } },
    items: [{ sku: 'A1' }],
  });

  it('scores the share of required dotted paths present', async () => {
    const all = await run(
      {
        type: 'json-structure',
        required: ['customer.name', 'customer.address.zip', 'items[0].sku', 'items.0.sku'],
      },
      output,
    );
    expect(all).toMatchObject({ pass: true, score: 1 });
    const some = await run(
      {
        type: 'json-structure',
        required: ['customer.name', 'customer.phone', 'items[1].sku', 'total'],
      },
      output,
    );
    expect(some).toMatchObject({
      pass: false,
      score: 0.25,
      details: { missing: ['customer.phone', 'items[1].sku', 'total'] },
    });
    expect(some.reason).toBe(
      '1 of 4 required keys present; missing customer.phone, items[1].sku, total (score 0.25 < threshold 1)',
    );
    expect(
      (
        await run(
          { type: 'json-structure', required: ['customer.name', 'total'], threshold: 0.5 },
          output,
        )
      ).pass,
    ).toBe(true);
  });

  it('checks a schema instead, reporting its errors', async () => {
    const r = await run(
      { type: 'json-structure', schema: personSchema },
      'Result: {"name": "Ada", "age": "old"}',
    );
    expect(r).toMatchObject({ pass: false, score: 0 });
    expect(r.reason).toContain('1 schema error: /age must be integer');
  });

  it('fails with the parse problem when there is no JSON', async () => {
    const r = await run({ type: 'json-structure', required: ['a'] }, 'I could not find it');
    expect(r.pass).toBe(false);
    expect(r.reason).toMatch(/^no JSON found in the output/);
  });
});

describe('equals-json', () => {
  it('ignores key order and whitespace', async () => {
    expect(
      await run(
        { type: 'equals-json', value: { a: 1, b: [1, { c: 'x' }] } },
        '{"b":[1,{"c":"x"}],\n "a":1}',
      ),
    ).toMatchObject({ pass: true, reason: 'output JSON equals the expected value' });
  });

  it('names the first differing path', async () => {
    const expected = {
      order: {
        items: [
          { sku: 'A', qty: 1 },
          { sku: 'B', qty: 2 },
        ],
      },
    };
    const diff = await run(
      { type: 'equals-json', value: expected },
      '{"order":{"items":[{"sku":"A","qty":1},{"sku":"B","qty":3}]}}',
    );
    expect(diff.reason).toBe('output JSON differs at $.order.items[1].qty: expected 2, got 3');
    expect((await run({ type: 'equals-json', value: { a: 1 } }, '{}')).reason).toBe(
      'output JSON differs at $.a: missing',
    );
    expect((await run({ type: 'equals-json', value: { a: 1 } }, '{"a":1,"b":2}')).reason).toBe(
      'output JSON differs at $.b: unexpected key (value 2)',
    );
    expect((await run({ type: 'equals-json', value: [1, 2] }, '[1]')).reason).toBe(
      'output JSON differs at $: expected 2 items, got 1',
    );
    expect((await run({ type: 'equals-json', value: { a: '1' } }, '{"a":1}')).reason).toBe(
      'output JSON differs at $.a: expected string "1", got number 1',
    );
  });

  it('reads expected JSON from the case, parsing text', async () => {
    expect((await run({ type: 'equals-json' }, '{"a":1}', { expected: '{"a": 1}' })).pass).toBe(
      true,
    );
    expect((await run({ type: 'equals-json' }, '{"a":1}', { expected: { a: 1 } })).pass).toBe(true);
    expect((await run({ type: 'equals-json' }, '"hello"', { expected: 'hello' })).pass).toBe(true);
  });
});

describe('field-accuracy', () => {
  const expected = {
    name: 'Ada Lovelace',
    city: 'London',
    total: 12.5,
    tags: ['math'],
    born: '1815',
  };

  it('scores the share of fields right and lists each field', async () => {
    const r = await run(
      { type: 'field-accuracy' },
      '{"name":"Ada Lovelace","city":"Paris","total":"12.50","tags":["math"],"born":1815}',
      { expected },
    );
    expect(r).toMatchObject({ pass: false, score: 0.8 });
    expect(r.reason).toBe(
      '4 of 5 fields right; wrong: city (expected "London", got "Paris") (score 0.8 < threshold 1)',
    );
    expect(r.details?.fields).toEqual([
      { field: 'name', pass: true, expected: 'Ada Lovelace', actual: 'Ada Lovelace' },
      { field: 'city', pass: false, expected: 'London', actual: 'Paris' },
      { field: 'total', pass: true, expected: 12.5, actual: '12.50' },
      { field: 'tags', pass: true, expected: ['math'], actual: ['math'] },
      { field: 'born', pass: true, expected: '1815', actual: '1815' },
    ]);
  });

  it('applies normalization globally and per field', async () => {
    const spec = {
      type: 'field-accuracy',
      expected: { name: 'ada lovelace', total: 10, note: 'a b' },
      normalize: { ignoreCase: true },
      fields: [
        'name',
        { path: 'total', numberTolerance: 0.05 },
        { path: 'note', collapseWhitespace: true },
      ],
    };
    expect(
      (await run(spec, '{"name":"ADA LOVELACE","total":10.04,"note":"  a \\n b "}')).score,
    ).toBe(1);
    const off = await run(spec, '{"name":"ADA LOVELACE","total":10.2,"note":"a b"}');
    expect(off.reason).toContain('total (expected 10 ± 0.05, got 10.2)');
  });

  it('reports missing fields, nested paths and fields without JSON', async () => {
    const r = await run(
      { type: 'field-accuracy', expected: { a: { b: 1 } }, fields: ['a.b'] },
      '{"a":{}}',
    );
    expect(r.reason).toBe(
      '0 of 1 fields right; wrong: a.b (missing from the output) (score 0 < threshold 1)',
    );
    expect((await run({ type: 'field-accuracy', expected: { a: 1 } }, 'none')).reason).toMatch(
      /^no JSON found/,
    );
    expect((await run({ type: 'field-accuracy' }, '{}', { expected: 'text' })).reason).toMatch(
      /^no expected object/,
    );
  });
});
