import { sql } from 'kysely';
import { AssayError } from '../../../shared/errors';
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
import { vectorDb } from './vector-tables';

/** Two parameters a row: far below SQLite's 32,766 per statement. */
const ROWS_PER_STATEMENT = 500;

/** sqlite-vec takes a vector as the little-endian float32 blob a Float32Array already is. */
function blob(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

/**
 * A `vec0` virtual table keyed by the caller's text id (sqlite-vec 0.1.9 keeps text primary
 * keys itself, so no rowid mapping is needed). KNN over vec0 is an exact scan.
 */
export async function openSqliteVecIndex(
  store: Store,
  name: string,
  dimensions: number,
): Promise<VectorIndex> {
  const table = vectorTableName(name);
  const db = vectorDb(store.db);
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS ${sql.table(table)} USING vec0(
    id TEXT PRIMARY KEY,
    embedding float[${sql.raw(String(dimensions))}] distance_metric=cosine
  )`.execute(db);
  checkSameDimensions(name, await existingDimensions(store, table), dimensions);

  return {
    backend: 'sqlite-vec',
    name,
    dimensions,

    async upsert(items: readonly VectorItem[]): Promise<void> {
      const rows = checkItems(items, dimensions);
      if (rows.length === 0) return;
      // vec0 has no ON CONFLICT: a replaced vector is deleted and inserted again.
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(rows, ROWS_PER_STATEMENT)) {
          await trx
            .deleteFrom(table)
            .where(
              'id',
              'in',
              part.map((r) => r.id),
            )
            .execute();
          await trx
            .insertInto(table)
            .values(part.map((r) => ({ id: r.id, embedding: blob(r.vector) })))
            .execute();
        }
      });
    },

    async nearest(query: Float32Array, k: number): Promise<Neighbour[]> {
      checkVector(query, dimensions, 'The query vector');
      checkNeighbourCount(k);
      const result = await sql<Neighbour>`SELECT id, distance FROM ${sql.table(table)}
        WHERE embedding MATCH ${blob(query)} AND k = ${k}
        ORDER BY distance`.execute(db);
      return result.rows.map((r) => ({ id: r.id, distance: r.distance }));
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

/** The N of `float[N]` in the table's declaration, as SQLite keeps it. */
async function existingDimensions(store: Store, table: string): Promise<number> {
  const result = await sql<{ sql: string }>`SELECT sql FROM sqlite_master
    WHERE type = 'table' AND name = ${table}`.execute(store.db);
  const declared = /embedding\s+float\[(\d+)\]/i.exec(result.rows[0]?.sql ?? '');
  if (!declared) {
    throw new AssayError('INTERNAL', `The table ${table} exists but is not a sqlite-vec index`);
  }
  return Number(declared[1]);
}
