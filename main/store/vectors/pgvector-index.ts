import { sql, type Kysely } from 'kysely';
import { AssayError } from '../../../shared/errors';
import type { DB } from '../schema';
import type { Store } from '../store';
import {
  checkIds,
  checkItems,
  checkNeighbourCount,
  checkSameDimensions,
  checkVector,
  chunks,
  vectorTableName,
  type Neighbour,
  type VectorItem,
} from './vector-checks';
import type { VectorIndex } from './vector-index';
import { vectorDb, type VectorTables } from './vector-tables';

/** Two parameters a row, and pgvector's text form keeps a 4096-float statement small enough. */
const ROWS_PER_STATEMENT = 500;
/** pgvector refuses an HNSW index on a `vector` column of more dimensions than this. */
const HNSW_MAX_DIMENSIONS = 2000;
/** pgvector's default hnsw.ef_search: a query returns at most this many rows unless raised. */
const DEFAULT_EF_SEARCH = 40;

/** pgvector's text form; float32 values print exactly enough to parse back to themselves. */
function literal(vector: Float32Array): string {
  return `[${Array.from(vector).join(',')}]`;
}

/**
 * A table with a `vector(N)` column and, up to 2000 dimensions, an HNSW index on cosine
 * distance (`vector_cosine_ops`, searched with `<=>`). Beyond 2000 dimensions pgvector cannot
 * index a `vector` column and searches are exact scans.
 */
export async function openPgvectorIndex(
  store: Store,
  name: string,
  dimensions: number,
): Promise<VectorIndex> {
  const table = vectorTableName(name);
  const db = vectorDb(store.db);
  const installed = await sql<{ extversion: string }>`SELECT extversion FROM pg_extension
    WHERE extname = 'vector'`.execute(db);
  if (installed.rows.length === 0) {
    throw new AssayError(
      'STORE_UNAVAILABLE',
      `Vector search needs pgvector, which is not installed in the database ${store.info.location} (CREATE EXTENSION vector)`,
    );
  }

  // Servers and workers may open the same index at once: CREATE ... IF NOT EXISTS alone can
  // still collide in the catalog, so creation is serialised by a lock on the table's name.
  const existing = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`assay.vectors.${table}`}))`.execute(trx);
    await trx.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('embedding', sql`vector(${sql.raw(String(dimensions))})`, (c) => c.notNull())
      .execute();
    if (dimensions <= HNSW_MAX_DIMENSIONS) {
      await trx.schema
        .createIndex(`vec_${name}_hnsw`)
        .ifNotExists()
        .on(table)
        .using('hnsw')
        .expression(sql`embedding vector_cosine_ops`)
        .execute();
    }
    // A vector column's type modifier is its dimension count.
    const column = await sql<{ dims: number }>`SELECT atttypmod AS dims FROM pg_attribute
      WHERE attrelid = to_regclass(${table}::text) AND attname = 'embedding'`.execute(trx);
    return column.rows[0]?.dims ?? Number.NaN;
  });
  checkSameDimensions(name, existing, dimensions);

  return {
    backend: 'pgvector',
    name,
    dimensions,

    async upsert(items: readonly VectorItem[]): Promise<void> {
      const rows = checkItems(items, dimensions);
      if (rows.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(rows, ROWS_PER_STATEMENT)) {
          await trx
            .insertInto(table)
            .values(part.map((r) => ({ id: r.id, embedding: literal(r.vector) })))
            .onConflict((oc) => oc.column('id').doUpdateSet({ embedding: sql`excluded.embedding` }))
            .execute();
        }
      });
    },

    async nearest(query: Float32Array, k: number): Promise<Neighbour[]> {
      checkVector(query, dimensions, 'The query vector');
      checkNeighbourCount(k);
      const search = (from: Kysely<DB & VectorTables>) =>
        from
          .selectFrom(table)
          .select(['id', sql<number>`embedding <=> ${literal(query)}::vector`.as('distance')])
          .orderBy('distance')
          .limit(k)
          .execute();
      if (k <= DEFAULT_EF_SEARCH) return (await search(db)).map(toNeighbour);
      // The HNSW scan stops at ef_search candidates: raise it to k for this query only.
      return db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('hnsw.ef_search', ${String(k)}, true)`.execute(trx);
        return (await search(trx)).map(toNeighbour);
      });
    },

    async remove(ids: readonly string[]): Promise<void> {
      const unique = checkIds(ids);
      if (unique.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(unique, ROWS_PER_STATEMENT)) {
          await trx.deleteFrom(table).where('id', 'in', part).execute();
        }
      });
    },

    async has(ids: readonly string[]): Promise<Set<string>> {
      const unique = checkIds(ids);
      const found = new Set<string>();
      for (const part of chunks(unique, ROWS_PER_STATEMENT)) {
        const rows = await db.selectFrom(table).select('id').where('id', 'in', part).execute();
        for (const r of rows) found.add(r.id);
      }
      return found;
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

function toNeighbour(row: { id: string; distance: number }): Neighbour {
  return { id: row.id, distance: Number(row.distance) };
}
