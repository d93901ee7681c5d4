import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../support/parse-json';

describe('parseJson', () => {
  const schema = z.object({ runs: z.array(z.object({ id: z.string() })) });

  it('returns the parsed value when it has the shape', () => {
    expect(parseJson(schema, '{"runs":[{"id":"r1"}]}')).toEqual({ runs: [{ id: 'r1' }] });
  });

  it('fails loudly, naming the path, when the shape is wrong', () => {
    expect(() => parseJson(schema, '{"runs":[{"id":7}]}', 'runs list')).toThrow(
      /runs list has the wrong shape:[\s\S]*runs\[0\]\.id/,
    );
  });

  it('names text that is not JSON', () => {
    expect(() => parseJson(schema, 'Error: boom', 'stdout')).toThrow(/stdout is not JSON .*boom/);
  });
});
