import type { Store } from '../store';
import { checkIndexShape, type Neighbour, type VectorItem } from './vector-checks';
import { openPgvectorIndex } from './pgvector-index';
import { openSqliteVecIndex } from './sqlite-vec-index';

export type { Neighbour, VectorItem } from './vector-checks';

/**
 * A named set of same-length vectors, each under a caller's id, searched by cosine distance:
 * float rows and a sqlite-vec `vec0` table of sign bits on SQLite, a pgvector column with an
 * HNSW index on PostgreSQL.
 * Every method checks its input first and fails with a coded AssayError: a vector of the wrong
 * length, a zero vector or a bad k never reaches the database.
 */
export interface VectorIndex {
  readonly backend: 'sqlite-vec' | 'pgvector';
  readonly name: string;
  readonly dimensions: number;
  /** Inserts new ids and replaces the vectors of existing ones, all in one transaction. */
  upsert(items: readonly VectorItem[]): Promise<void>;
  /**
   * The k (1..1000) closest vectors, closest first, with exact cosine distances. Which
   * vectors is exact on small indexes; on large ones it is approximate: SQLite re-ranks the
   * nearest by sign bits, pgvector's HNSW index (below 2000 dimensions) walks a graph.
   */
  nearest(query: Float32Array, k: number): Promise<Neighbour[]>;
  /** Ids that are not in the index are ignored. */
  remove(ids: readonly string[]): Promise<void>;
  /** The ids among `ids` that have a vector (a backfill's "what is still missing"). */
  has(ids: readonly string[]): Promise<Set<string>>;
  count(): Promise<number>;
}

/**
 * The index `name` in this store, created on first use. Opening an existing index with other
 * dimensions is a CONFLICT; on a PostgreSQL database without pgvector it is STORE_UNAVAILABLE.
 */
export async function openVectorIndex(
  store: Store,
  name: string,
  dimensions: number,
): Promise<VectorIndex> {
  checkIndexShape(name, dimensions);
  return store.dialect === 'postgres'
    ? openPgvectorIndex(store, name, dimensions)
    : openSqliteVecIndex(store, name, dimensions);
}
