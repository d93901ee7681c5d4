import { describe, expect, it } from 'vitest';
import { compileSchema } from './json-schema';
import { run } from '../test-support';

const ID = 'https://example.com/order.json';

/** Two datasets' schemas that share an $id but not their content. */
const orderA = () => ({
  $id: ID,
  type: 'object',
  required: ['sku'],
  properties: { sku: { type: 'string' } },
});
const orderB = () => ({
  $id: ID,
  type: 'object',
  required: ['total'],
  properties: { total: { type: 'number' } },
});

describe('JSON Schemas that share an $id', () => {
  it('validates each with its own content, in either order', async () => {
    for (const order of [
      [orderA, orderB],
      [orderB, orderA],
    ]) {
      for (const make of order) {
        const wantsSku = make === orderA;
        const r = await run({ type: 'is-json', schema: make() }, '{"sku":"x"}');
        expect(r.reason).not.toContain('already exists');
        expect(r.pass).toBe(wantsSku);
        const s = await run({ type: 'json-structure', schema: make() }, '{"total":3}');
        expect(s.pass).toBe(!wantsSku);
      }
    }
  });

  it('still compiles an equal schema once', () => {
    const first = compileSchema(orderA());
    const second = compileSchema(orderA());
    expect(first.ok && second.ok && first.validate === second.validate).toBe(true);
  });

  it('resolves a schema’s references to its own $id', async () => {
    const schema = {
      $id: 'https://example.com/line.json',
      definitions: { qty: { type: 'integer', minimum: 1 } },
      type: 'object',
      properties: { qty: { $ref: 'https://example.com/line.json#/definitions/qty' } },
    };
    expect((await run({ type: 'is-json', schema }, '{"qty":2}')).pass).toBe(true);
    expect(
      (await run({ type: 'is-json', schema: structuredClone(schema) }, '{"qty":0}')).pass,
    ).toBe(false);
  });
});

describe('JSON Schema patterns', () => {
  const LONG = `${'a'.repeat(28)}!`;

  it('validates a catastrophic pattern under a time limit, off the main thread', async () => {
    // With the `u` flag ajv adds, V8's linear-time fallback cannot take the pattern.
    const schema = { type: 'string', pattern: '^(\\S+)+$' };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    const r = await run({ type: 'is-json', schema }, JSON.stringify(`${'a'.repeat(28)} `));
    const ms = performance.now() - started;
    clearInterval(timer);
    expect(r).toMatchObject({
      pass: false,
      unscored: true,
      reason:
        'could not judge: schema validation timed out after 1000 ms (a pattern in the schema backtracks)',
    });
    expect(ms).toBeLessThan(1000 + 2000);
    expect(ticks).toBeGreaterThanOrEqual(30);
    // The same pattern still judges what it can: a plain answer within the limit.
    expect((await run({ type: 'is-json', schema }, '"abc"')).pass).toBe(true);
    expect((await run({ type: 'json-structure', schema }, '"a b"')).pass).toBe(false);
  }, 20_000);

  it('keeps exact-without-u patterns in this thread, where V8 bounds them', async () => {
    for (const pattern of ['^(a+)+$', '^[0-9]{5}$', '^(x|a+)+!$']) {
      const compiled = compileSchema({ type: 'string', pattern });
      expect(compiled.ok && compiled.unbounded, pattern).toBe(false);
    }
    const started = performance.now();
    const r = await run({ type: 'is-json', schema: { pattern: '^(a+)+$' } }, JSON.stringify(LONG));
    expect(r).toMatchObject({ pass: false, reason: expect.stringContaining('must match pattern') });
    expect(performance.now() - started).toBeLessThan(500);
    const props = compileSchema({ patternProperties: { '^(\\S+)+$': { type: 'number' } } });
    expect(props.ok && props.unbounded).toBe(true);
  });

  it('answers as the u-flag RegExp does', async () => {
    const cases: [string, string, boolean][] = [
      ['^[0-9]{5}$', '12345', true],
      ['^[0-9]{5}$', '1234', false],
      ['^\\u{1F600}$', '😀', true],
      ['^.$', '😀', true],
      ['^[😀-🙏]+$', '😀🙏', true],
      ['^\\p{Lu}', 'Émile', true],
      ['^\\w+@\\w+\\.com$', 'a@b.com', true],
    ];
    for (const [pattern, value, expected] of cases) {
      expect(new RegExp(pattern, 'u').test(value)).toBe(expected);
      const r = await run({ type: 'is-json', schema: { pattern } }, JSON.stringify(value));
      expect(r.pass, `${pattern} on ${value}`).toBe(expected);
    }
  });
});
