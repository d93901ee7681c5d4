import fc from 'fast-check';
import { expect, it } from 'vitest';
import { AssayError } from '../../../shared/errors';
import type { Store } from '../store';
import { openVectorIndex } from './vector-index';

/** The cosine distance computed in doubles, the reference both backends are held to. */
export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return 1 - dot / Math.sqrt(aa * bb);
}

const v = (...xs: number[]) => new Float32Array(xs);

/** The coded error `work` fails with (and a test failure when it succeeds). */
export async function rejection(work: Promise<unknown>): Promise<AssayError> {
  const err: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AssayError)) throw new Error(`expected an AssayError, got ${String(err)}`);
  return err;
}

/** A vector with a direction: finite values, not all zero. */
const directionArb = (dimensions: number) =>
  fc
    .array(fc.integer({ min: -20, max: 20 }), { minLength: dimensions, maxLength: dimensions })
    .filter((xs) => xs.some((x) => x !== 0))
    .map((xs) => new Float32Array(xs.map((x) => x / 8)));

/**
 * What every VectorIndex backend must do, run against the store `store()` returns (SQLite's
 * sqlite-vec, or pgvector on PGlite). Each test uses its own index name.
 */
export function vectorIndexContract(store: () => Store, backend: 'sqlite-vec' | 'pgvector'): void {
  it('creates the index on first use and reports its backend and dimensions', async () => {
    const index = await openVectorIndex(store(), 'first_use', 3);
    expect(index.backend).toBe(backend);
    expect(index.dimensions).toBe(3);
    expect(await index.count()).toBe(0);
    expect(await index.nearest(v(1, 0, 0), 5)).toEqual([]);
  });

  it('ranks by cosine distance, closest first, ignoring length', async () => {
    const index = await openVectorIndex(store(), 'ranking', 3);
    await index.upsert([
      { id: 'x', vector: v(1, 0, 0) },
      { id: 'y', vector: v(0, 1, 0) },
      { id: 'xy', vector: v(1, 1, 0) },
      { id: 'minus_x', vector: v(-1, 0, 0) },
      { id: 'far_x', vector: v(100, 0, 0) },
    ]);
    const hits = await index.nearest(v(2, 0.2, 0), 5);
    expect(hits.map((h) => h.id).slice(2)).toEqual(['xy', 'y', 'minus_x']);
    expect(new Set(hits.slice(0, 2).map((h) => h.id))).toEqual(new Set(['x', 'far_x']));
    const expected = [
      cosineDistance(v(2, 0.2, 0), v(1, 0, 0)),
      cosineDistance(v(2, 0.2, 0), v(1, 0, 0)),
      cosineDistance(v(2, 0.2, 0), v(1, 1, 0)),
      cosineDistance(v(2, 0.2, 0), v(0, 1, 0)),
      2 - cosineDistance(v(2, 0.2, 0), v(1, 0, 0)),
    ];
    hits.forEach((h, i) => expect(h.distance).toBeCloseTo(expected[i]!, 5));
    expect(await index.nearest(v(0, 0, 1), 2)).toHaveLength(2);
  });

  it('upserts: a new vector for an existing id replaces it, the last of repeated ids wins', async () => {
    const index = await openVectorIndex(store(), 'replace', 2);
    await index.upsert([
      { id: 'a', vector: v(1, 0) },
      { id: 'b', vector: v(0, 1) },
    ]);
    await index.upsert([
      { id: 'a', vector: v(1, 0) },
      { id: 'a', vector: v(0, 1) },
      { id: 'c', vector: v(-1, 0) },
    ]);
    expect(await index.count()).toBe(3);
    const hits = await index.nearest(v(0, 1), 3);
    expect(new Set(hits.slice(0, 2).map((h) => h.id))).toEqual(new Set(['a', 'b']));
    expect(hits[0]!.distance).toBeCloseTo(0, 6);
    expect(hits[1]!.distance).toBeCloseTo(0, 6);
    expect(hits[2]).toMatchObject({ id: 'c' });
    expect(hits[2]!.distance).toBeCloseTo(1, 6);
  });

  it('removes ids, ignoring unknown ones, and counts what is left', async () => {
    const index = await openVectorIndex(store(), 'removal', 2);
    await index.upsert(
      Array.from({ length: 10 }, (_, i) => ({ id: `id${i}`, vector: v(1, i + 1) })),
    );
    expect(await index.count()).toBe(10);
    await index.remove(['id0', 'id1', 'id1', 'nobody']);
    await index.remove([]);
    expect(await index.count()).toBe(8);
    const ids = (await index.nearest(v(1, 1), 10)).map((h) => h.id);
    expect(ids).toHaveLength(8);
    expect(ids).not.toContain('id0');
    expect(ids[0]).toBe('id2');
    expect([...(await index.has(['id0', 'id2', 'id9', 'nobody', 'id2']))].sort()).toEqual([
      'id2',
      'id9',
    ]);
    expect((await index.has([])).size).toBe(0);
  });

  it('reopens an existing index with its vectors, and refuses other dimensions', async () => {
    const first = await openVectorIndex(store(), 'reopen', 4);
    await first.upsert([{ id: 'kept', vector: v(1, 2, 3, 4) }]);
    const again = await openVectorIndex(store(), 'reopen', 4);
    expect(await again.count()).toBe(1);
    const err = await rejection(openVectorIndex(store(), 'reopen', 5));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/has 4 dimensions, not 5/);
  });

  it('refuses vectors of the wrong length, zero or non-finite vectors, and bad k or ids', async () => {
    const index = await openVectorIndex(store(), 'refusals', 3);
    await index.upsert([{ id: 'ok', vector: v(1, 1, 1) }]);
    const cases: Promise<unknown>[] = [
      index.upsert([{ id: 'short', vector: v(1, 2) }]),
      index.upsert([{ id: 'zero', vector: v(0, 0, 0) }]),
      index.upsert([{ id: 'nan', vector: v(1, Number.NaN, 0) }]),
      index.upsert([{ id: '', vector: v(1, 0, 0) }]),
      index.nearest(v(1, 2, 3, 4), 1),
      index.nearest(v(1, 0, 0), 0),
      index.nearest(v(1, 0, 0), 1.5),
      index.nearest(v(1, 0, 0), 1001),
    ];
    for (const work of cases) expect((await rejection(work)).code).toBe('VALIDATION_FAILED');
    const mixed = await rejection(
      index.upsert([
        { id: 'good', vector: v(1, 0, 0) },
        { id: 'bad', vector: v(1, 0) },
      ]),
    );
    expect(mixed.message).toMatch(/"bad" has 2 dimensions; the index has 3/);
    expect(await index.count()).toBe(1);
  });

  it('upserts, searches and removes more rows than one statement holds', async () => {
    const index = await openVectorIndex(store(), 'bulk', 8);
    const items = Array.from({ length: 1200 }, (_, i) => ({
      id: `n${i}`,
      vector: new Float32Array(8).map((_, d) => Math.cos(i * 0.37 + d) + (d === 0 ? 1.5 : 0)),
    }));
    await index.upsert(items);
    expect(await index.count()).toBe(1200);
    const hits = await index.nearest(items[7]!.vector, 100);
    expect(hits).toHaveLength(100);
    expect(hits[0]!.id).toBe('n7');
    await index.remove(items.slice(0, 1100).map((item) => item.id));
    expect(await index.count()).toBe(100);
  });

  it('agrees with a brute-force cosine ranking on random vectors', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }).chain((dimensions) =>
          fc.record({
            dimensions: fc.constant(dimensions),
            vectors: fc.array(directionArb(dimensions), { minLength: 1, maxLength: 40 }),
            query: directionArb(dimensions),
            k: fc.integer({ min: 1, max: 50 }),
          }),
        ),
        async ({ dimensions, vectors, query, k }) => {
          run += 1;
          const index = await openVectorIndex(store(), `prop_${run}`, dimensions);
          await index.upsert(vectors.map((vector, i) => ({ id: `v${i}`, vector })));
          const hits = await index.nearest(query, k);
          const brute = vectors
            .map((vector, i) => ({ id: `v${i}`, distance: cosineDistance(query, vector) }))
            .sort((a, b) => a.distance - b.distance)
            .slice(0, k);
          expect(hits).toHaveLength(brute.length);
          // Ties may come back in any order: compare each rank's distance, then each id's own.
          hits.forEach((hit, rank) => {
            expect(hit.distance).toBeCloseTo(brute[rank]!.distance, 4);
            const i = Number(hit.id.slice(1));
            expect(hit.distance).toBeCloseTo(cosineDistance(query, vectors[i]!), 4);
          });
          expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
        },
      ),
      { numRuns: 30 },
    );
  });
}

/** Checks on the name and dimensions, made before any backend is touched. */
export function vectorIndexShapeChecks(store: () => Store): void {
  it('refuses bad names and dimension counts with VALIDATION_FAILED', async () => {
    const bad: [string, number][] = [
      ['Upper', 3],
      ['1starts_with_digit', 3],
      ['has-dash', 3],
      ['', 3],
      ['a'.repeat(42), 3],
      ['drop table x; --', 3],
      ['ok', 0],
      ['ok', 4097],
      ['ok', 2.5],
      ['ok', Number.NaN],
    ];
    for (const [name, dimensions] of bad) {
      const err = await rejection(openVectorIndex(store(), name, dimensions));
      expect(err.code, `${name} ${dimensions}`).toBe('VALIDATION_FAILED');
    }
  });
}
