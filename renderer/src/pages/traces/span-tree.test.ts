import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barOf, buildSpanTree, timeBounds, type TreeSpan } from './span-tree';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const span = (id: string, parentId: string | null, start = 0, end = start + 1): TreeSpan => ({
  id,
  parentId,
  startedAt: at(start),
  endedAt: at(end),
});
const shape = (spans: TreeSpan[]) =>
  buildSpanTree(spans).map(
    (r) =>
      `${'  '.repeat(r.depth)}${r.span.id}${r.orphan ? ' (orphan)' : ''}${r.inCycle ? ' (cycle)' : ''}`,
  );

describe('buildSpanTree', () => {
  it('nests children under parents, depth first, children in start order', () => {
    const rows = shape([
      span('c2', 'root', 5),
      span('root', null, 0, 10),
      span('c1', 'root', 1),
      span('g1', 'c1', 2),
    ]);
    expect(rows).toEqual(['root', '  c1', '    g1', '  c2']);
    expect(buildSpanTree([span('r', null), span('k', 'r', 1)])[0]!.childCount).toBe(1);
  });

  it('shows spans whose parent has not arrived as marked roots, in start order', () => {
    expect(
      shape([span('late', 'missing', 3), span('root', null, 0), span('kid', 'late', 4)]),
    ).toEqual(['root', 'late (orphan)', '  kid']);
  });

  it('cuts parent cycles: each span once, the earliest span of the loop as root', () => {
    expect(
      shape([span('a', 'b', 1), span('b', 'c', 2), span('c', 'a', 3), span('x', 'c', 4)]),
    ).toEqual(['a (cycle)', '  c', '    b', '    x']);
    expect(shape([span('self', 'self')])).toEqual(['self (cycle)']);
  });

  it('keeps the first of duplicate ids', () => {
    const rows = buildSpanTree([span('a', null, 0), { ...span('a', null, 5), endedAt: at(9) }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.span.endedAt).toBe(at(1));
  });

  it('walks a chain 20,000 deep without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      span(`s${i}`, i === 0 ? null : `s${i - 1}`, i),
    );
    const rows = buildSpanTree(chain);
    expect(rows).toHaveLength(20_000);
    expect(rows.at(-1)!.depth).toBe(19_999);
  });

  it('emits every span exactly once whatever the parent links (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom(...ids),
            parentId: fc.option(fc.constantFrom(...ids, 'gone')),
            start: fc.integer({ min: 0, max: 50 }),
          }),
          { maxLength: 12 },
        ),
        (specs) => {
          const spans = specs.map((s) => span(s.id, s.parentId, s.start));
          const rows = buildSpanTree(spans);
          const distinct = new Set(spans.map((s) => s.id));
          expect(rows.map((r) => r.span.id).sort()).toEqual([...distinct].sort());
          // A child row sits right under its parent's subtree: depth steps up by at most one.
          rows.forEach((row, i) => {
            if (row.depth > 0) expect(row.depth).toBeLessThanOrEqual(rows[i - 1]!.depth + 1);
          });
        },
      ),
    );
  });
});

describe('timeline', () => {
  it('places bars as fractions of the trace and clamps bad times', () => {
    const spans = [span('a', null, 0, 10), span('b', 'a', 5, 7)];
    const { start, end } = timeBounds(spans);
    expect(end - start).toBe(10_000);
    expect(barOf(spans[1]!, start, end)).toEqual({ left: 0.5, width: 0.2 });
    const backwards = { ...span('x', null, 8), endedAt: at(2) };
    expect(barOf(backwards, start, end)).toEqual({ left: 0.8, width: 0 });
    expect(timeBounds([])).toEqual({ start: 0, end: 0 });
  });
});
