import { describe, expect, it } from 'vitest';
import { parseYamlDocument } from './yaml-document';

describe('parseYamlDocument', () => {
  it('finds duplicate keys, as yaml does, at the repeated key', () => {
    const text = 'a: 1\nb: { x: 1, y: 2, x: 3 }\na: 4\n';
    const read = parseYamlDocument(text);
    if (!read.ok) throw new Error('too deep');
    expect(
      read.doc.errors.map((e) => [e.code, e.message, read.lines.linePos(e.pos[0]).line]),
    ).toEqual([
      ['DUPLICATE_KEY', 'Map keys must be unique', 2],
      ['DUPLICATE_KEY', 'Map keys must be unique', 3],
    ]);
    expect(parseYamlDocument('a: 1\nb: 2\n', { uniqueKeys: true })).toMatchObject({
      ok: true,
      doc: { errors: [] },
    });
  });

  it('checks a map of 100,000 keys in linear time (yaml compares every pair: minutes)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}": ${i}`).join(', ');
    const started = performance.now();
    const read = parseYamlDocument(`tests:\n  - vars: { q: {${keys}, "k7": 0} }\n`);
    expect(performance.now() - started).toBeLessThan(10_000);
    if (!read.ok) throw new Error('too deep');
    expect(read.doc.errors.map((e) => e.code)).toEqual(['DUPLICATE_KEY']);
  });
});
