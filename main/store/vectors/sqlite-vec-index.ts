import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { AssayError } from '../../../shared/errors';
import type { Store } from '../store';
import {
  checkIds,
  checkItems,
  checkNeighbourCount,
  checkSameDimensions,
  checkVector,
  chunks,
  vectorBitsTableName,
  vectorTableName,
  type Neighbour,
  type VectorItem,
} from './vector-checks';
import type { VectorIndex } from './vector-index';
import { vectorDb, type VectorTables } from './vector-tables';

/** Two parameters a row: far below SQLite's 32,766 per statement. */
const ROWS_PER_STATEMENT = 500;

/** sqlite-vec takes a vector as the little-endian float32 blob a Float32Array already is. */
function blob(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

/**
 * Below this many stored floats (about 10,000 vectors of 384 dimensions, a 16 MB scan of a
 * few milliseconds) every search is an exact scan.
 */
const EXACT_SCAN_FLOATS = 4_000_000;
/** Candidates the bit scan hands to the exact re-rank: ten per neighbour asked, at least 100. */
const candidatesFor = (k: number) => Math.min(MAX_CANDIDATES, Math.max(100, 10 * k));
/** vec0's own bound on k. */
const MAX_CANDIDATES = 4096;

/**
 * Two tables an index. `vec_<name>_index` keeps each vector as float32 (ordinary rows), and
 * `vec_<name>_bits`, a sqlite-vec vec0 table, keeps its sign bits (1 bit a dimension, 32x
 * smaller). A search over a large index scans the bits by Hamming distance for candidates and
 * ranks only those by exact cosine distance: top-10 over 100,000 x 384 took 16 ms against 48 ms
 * for vec0's exact float scan, with the same ten neighbours on clustered data
 * (bench/semantic-search.bench.ts measures the recall). Small indexes, and dimensions that are
 * not a multiple of 8 (which bits cannot hold), are scanned exactly.
 */
export async function openSqliteVecIndex(
  store: Store,
  name: string,
  dimensions: number,
): Promise<VectorIndex> {
  const table = vectorTableName(name);
  const bitsTable = vectorBitsTableName(name);
  const withBits = dimensions % 8 === 0;
  const db = vectorDb(store.db);
  await upgradeFloatVec0(store, name, dimensions);
  await createFloatTable(db, table, dimensions, 'IF NOT EXISTS');
  checkSameDimensions(name, await existingDimensions(store, table), dimensions);
  if (withBits) await createBitsTable(db, bitsTable, dimensions);

  const count = async (): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  return {
    backend: 'sqlite-vec',
    name,
    dimensions,

    async upsert(items: readonly VectorItem[]): Promise<void> {
      const rows = checkItems(items, dimensions);
      if (rows.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(rows, ROWS_PER_STATEMENT)) {
          const ids = part.map((r) => r.id);
          // vec0 has no ON CONFLICT: a replaced vector is deleted and inserted again.
          await trx.deleteFrom(table).where('id', 'in', ids).execute();
          if (withBits) await trx.deleteFrom(bitsTable).where('id', 'in', ids).execute();
          await trx
            .insertInto(table)
            .values(part.map((r) => ({ id: r.id, embedding: blob(r.vector) })))
            .execute();
          if (!withBits) continue;
          await sql`INSERT INTO ${sql.table(bitsTable)} (id, embedding)
            SELECT id, vec_quantize_binary(embedding) FROM ${sql.table(table)}
            WHERE id IN (${sql.join(ids)})`.execute(trx);
        }
      });
    },

    async nearest(query: Float32Array, k: number): Promise<Neighbour[]> {
      checkVector(query, dimensions, 'The query vector');
      checkNeighbourCount(k);
      const q = blob(query);
      const exact = !withBits || (await count()) * dimensions <= EXACT_SCAN_FLOATS;
      // CROSS JOIN keeps the candidates as the outer loop: each is one lookup by id.
      const result = exact
        ? await sql<Neighbour>`SELECT id, vec_distance_cosine(embedding, ${q}) AS distance
            FROM ${sql.table(table)} ORDER BY distance LIMIT ${k}`.execute(db)
        : await sql<Neighbour>`WITH candidate AS MATERIALIZED (
              SELECT id FROM ${sql.table(bitsTable)}
              WHERE embedding MATCH vec_quantize_binary(${q}) AND k = ${candidatesFor(k)})
            SELECT v.id AS id, vec_distance_cosine(v.embedding, ${q}) AS distance
            FROM candidate CROSS JOIN ${sql.table(table)} AS v ON v.id = candidate.id
            ORDER BY distance LIMIT ${k}`.execute(db);
      return result.rows.map((r) => ({ id: r.id, distance: r.distance }));
    },

    async remove(ids: readonly string[]): Promise<void> {
      const unique = checkIds(ids);
      if (unique.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(unique, ROWS_PER_STATEMENT)) {
          await trx.deleteFrom(table).where('id', 'in', part).execute();
          if (withBits) await trx.deleteFrom(bitsTable).where('id', 'in', part).execute();
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

    count,
  };
}

/**
 * The float table; its CHECK keeps every blob the index's length and records the dimensions
 * where a later open reads them (existingDimensions).
 */
async function createFloatTable(
  db: Kysely<DB & VectorTables>,
  table: string,
  dimensions: number,
  ifNotExists: 'IF NOT EXISTS' | '',
): Promise<void> {
  await sql`CREATE TABLE ${sql.raw(ifNotExists)} ${sql.table(table)} (
    id TEXT PRIMARY KEY NOT NULL,
    embedding BLOB NOT NULL CHECK (length(embedding) = ${sql.raw(String(dimensions * 4))})
  )`.execute(db);
}

async function createBitsTable(
  db: Kysely<DB & VectorTables>,
  table: string,
  dimensions: number,
): Promise<void> {
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS ${sql.table(table)} USING vec0(
    id TEXT PRIMARY KEY,
    embedding bit[${sql.raw(String(dimensions))}]
  )`.execute(db);
}

/** The N of the float table's `length(embedding) = 4N`, as SQLite keeps its declaration. */
async function existingDimensions(store: Store, table: string): Promise<number> {
  const result = await sql<{ sql: string }>`SELECT sql FROM sqlite_master
    WHERE type = 'table' AND name = ${table}`.execute(store.db);
  const declared = /length\(embedding\)\s*=\s*(\d+)/i.exec(result.rows[0]?.sql ?? '');
  if (!declared) {
    throw new AssayError('INTERNAL', `The table ${table} exists but is not a vector index`);
  }
  return Number(declared[1]) / 4;
}

/**
 * Indexes made before the bit tables (one vec0 table of float vectors named
 * `vec_<name>_index`) are rebuilt in place, vectors kept: embedding them again could mean
 * paying a provider for every interaction once more.
 */
async function upgradeFloatVec0(store: Store, name: string, dimensions: number): Promise<void> {
  const table = vectorTableName(name);
  const found = await sql<{ sql: string }>`SELECT sql FROM sqlite_master
    WHERE type = 'table' AND name = ${table}`.execute(store.db);
  const declared = /embedding\s+float\[(\d+)\]/i.exec(found.rows[0]?.sql ?? '');
  if (!declared) return;
  checkSameDimensions(name, Number(declared[1]), dimensions);
  // sqlite-vec cannot rename a vec0 table: the rows move to a new table renamed into place.
  const moved = `${table}_upgraded`;
  await vectorDb(store.db)
    .transaction()
    .execute(async (trx) => {
      await createFloatTable(trx, moved, dimensions, '');
      await sql`INSERT INTO ${sql.table(moved)} (id, embedding)
      SELECT id, embedding FROM ${sql.table(table)}`.execute(trx);
      await sql`DROP TABLE ${sql.table(table)}`.execute(trx);
      await sql`ALTER TABLE ${sql.table(moved)} RENAME TO ${sql.table(table)}`.execute(trx);
      if (dimensions % 8 !== 0) return;
      const bits = vectorBitsTableName(name);
      await createBitsTable(trx, bits, dimensions);
      await sql`INSERT INTO ${sql.table(bits)} (id, embedding)
      SELECT id, vec_quantize_binary(embedding) FROM ${sql.table(table)}`.execute(trx);
    });
}
