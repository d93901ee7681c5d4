import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/**
 * The row of every index table. The embedding is written as sqlite-vec's float32 blob or as
 * pgvector's text form `[1,2,3]`, and never read back: only ids and distances come out.
 */
export interface VectorRow {
  id: string;
  embedding: Uint8Array | string;
}

/** Index tables are created at run time, so they are typed by their name's pattern. */
export type VectorTables = Record<`vec_${string}_index` | `vec_${string}_bits`, VectorRow>;

export function vectorDb(db: Kysely<DB>): Kysely<DB & VectorTables> {
  return db.withTables<VectorTables>();
}
