import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../postgres/open-postgres';
import type { Store } from '../store';
import { openVectorIndex } from './vector-index';
import { vectorIndexContract, vectorIndexShapeChecks } from './vector-index.contract';

/**
 * The pgvector backend against a real pgvector: PGlite with its vector extension, served over
 * the Postgres wire protocol so the production path (pg Pool, Kysely's PostgresDialect,
 * openPostgres with its migrations and CREATE EXTENSION) runs unchanged. PGlite serves one
 * connection at a time, hence poolSize 1.
 */
describe('openVectorIndex on pgvector (PGlite)', () => {
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  let store: Store;

  beforeAll(async () => {
    pglite = await PGlite.create({ extensions: { vector } });
    server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 });
    await server.start();
    store = await openPostgres({
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      poolSize: 1,
    });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await server?.stop();
    await pglite?.close();
  });

  it('ran the migrations and created the vector extension on open', () => {
    expect(store.info.migration.to).toBeGreaterThan(0);
    expect(store.info.vectorVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  vectorIndexShapeChecks(() => store);
  vectorIndexContract(() => store, 'pgvector');

  it('creates an HNSW cosine index that the nearest() query uses', async () => {
    const index = await openVectorIndex(store, 'planned', 3);
    await index.upsert([{ id: 'a', vector: new Float32Array([1, 2, 3]) }]);
    const definition = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes
      WHERE tablename = 'vec_planned_index' AND indexname = 'vec_planned_hnsw'`.execute(store.db);
    expect(definition.rows[0]?.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    const plan = await store.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return sql<{
        'QUERY PLAN': string;
      }>`EXPLAIN SELECT id, embedding <=> ${'[1,0,0]'}::vector AS distance
        FROM vec_planned_index ORDER BY distance LIMIT 5`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(
      /Index Scan using vec_planned_hnsw/,
    );
  });

  it('returns k neighbours beyond the HNSW default of 40 through the index', async () => {
    const index = await openVectorIndex(store, 'wide', 4);
    await index.upsert(
      Array.from({ length: 300 }, (_, i) => ({
        id: `w${i}`,
        vector: new Float32Array([1 + (i % 7), Math.sin(i), Math.cos(i), i / 100]),
      })),
    );
    // One pooled connection: this session setting holds for nearest()'s queries too.
    await sql`SET enable_seqscan = off`.execute(store.db);
    try {
      const hits = await index.nearest(new Float32Array([1, 0, 0, 0]), 120);
      expect(hits).toHaveLength(120);
      expect(hits.map((h) => h.distance)).toEqual(
        [...hits.map((h) => h.distance)].sort((a, b) => a - b),
      );
    } finally {
      await sql`RESET enable_seqscan`.execute(store.db);
    }
  });

  it('indexes over 2000 dimensions without HNSW (pgvector cannot), searching exactly', async () => {
    const index = await openVectorIndex(store, 'wide_dims', 3000);
    const one = new Float32Array(3000).fill(1);
    const other = new Float32Array(3000).map((_, i) => (i % 2 === 0 ? 1 : -1));
    await index.upsert([
      { id: 'one', vector: one },
      { id: 'other', vector: other },
    ]);
    const hits = await index.nearest(one, 2);
    expect(hits.map((h) => h.id)).toEqual(['one', 'other']);
    expect(hits[1]!.distance).toBeCloseTo(1, 6);
    const indexes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes
      WHERE tablename = 'vec_wide_dims_index' AND indexname = 'vec_wide_dims_hnsw'`.execute(
      store.db,
    );
    expect(indexes.rows[0]?.n).toBe(0);
  });
});
