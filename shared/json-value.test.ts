import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPlainJson } from './json-value';

const zodJson = z.json();

describe('isPlainJson', () => {
  it('agrees with z.json() on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({
            withNullPrototype: true,
            withBoxedValues: true,
            withMap: true,
            withSet: true,
            withDate: true,
            withTypedArray: true,
            withSparseArray: true,
            withBigInt: true,
          }),
          fc.jsonValue(),
        ),
        (value) => {
          expect(isPlainJson(value)).toBe(zodJson.safeParse(value).success);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses what JSON cannot hold', () => {
    for (const bad of [NaN, Infinity, undefined, () => 1, new Date(0), [1, undefined], { a: NaN }])
      expect(isPlainJson(bad)).toBe(false);
    expect(isPlainJson({ a: [1, 'x', null, { b: true }] })).toBe(true);
  });
});
