import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findJsonTooDeep,
  formatDeepPath,
  jsonTooDeepAt,
  MAX_NESTING_DEPTH,
  valueTooDeep,
  type PathSegment,
} from './nesting-depth';

/** The oracle: containers around the deepest point, by plain recursion (fine for small values). */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const members = Array.isArray(value) ? value : Object.values(value);
  return 1 + members.reduce((max: number, m) => Math.max(max, depthOf(m)), 0);
}

function at(value: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<PathSegment, unknown>)[key], value);
}

/** Strings full of what a scanner could mistake for structure. */
const tricky = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', 'a') });
const json = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'medium', maxDepth: 8 },
    tricky,
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(tricky, tie('node'), { maxKeys: 3 }),
  ),
})).node;

describe('nesting depth', () => {
  it('finds the first place JSON text nests past a limit, as a parse and a walk would', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 6 }), fc.boolean(), (value, limit, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const tooDeep = depthOf(value) > limit;
        const offset = jsonTooDeepAt(text, limit);
        expect(offset !== -1).toBe(tooDeep);
        const path = valueTooDeep(value, limit);
        expect(path !== null).toBe(tooDeep);
        if (path === null) return;
        // The walk's path leads to a container one level past the limit…
        expect(depthOf(at(value, path))).toBeGreaterThan(0);
        expect(path.length).toBe(limit);
        // …the same one the text scan stops at, first in document order.
        expect('[{').toContain(text[offset]);
        expect(findJsonTooDeep(text, limit)).toEqual({ offset, path: formatDeepPath(path) });
      }),
      { numRuns: 2000 },
    );
  });

  it('scans 100,000 brackets without recursion and names the field', () => {
    const body = `{"cases":[{"vars":{"q":"x"},"expected":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    expect(findJsonTooDeep(body)).toEqual({
      offset: body.indexOf('[', body.indexOf('expected')) + MAX_NESTING_DEPTH - 3,
      path: 'cases[0].expected[0][0][0]…',
    });
    const deepValue: unknown = JSON.parse(body);
    expect(valueTooDeep(deepValue)?.slice(0, 3)).toEqual(['cases', 0, 'expected']);
  });

  it('accepts exactly the limit', () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(jsonTooDeepAt(nested(MAX_NESTING_DEPTH))).toBe(-1);
    expect(jsonTooDeepAt(nested(MAX_NESTING_DEPTH + 1))).toBe(MAX_NESTING_DEPTH);
    expect(valueTooDeep(JSON.parse(nested(MAX_NESTING_DEPTH)))).toBeNull();
    expect(valueTooDeep(JSON.parse(nested(MAX_NESTING_DEPTH + 1)))).toHaveLength(MAX_NESTING_DEPTH);
  });

  it('stops on a cyclic value instead of walking forever', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(valueTooDeep(cycle)).toHaveLength(MAX_NESTING_DEPTH);
  });
});
