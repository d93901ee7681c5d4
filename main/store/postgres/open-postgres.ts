import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AssayError } from '../../../shared/errors';
import type { Migration } from '../migration';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres';
import type { DB } from '../schema';
import type { Store } from '../store';
import { WriteQueue } from '../write-queue';
import { redactDatabaseUrl } from './database-url';
import { migratePostgres } from './migrate';
import { assayPgTypes } from './pg-types';

export interface OpenPostgresOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly migrations?: readonly Migration[];
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens a PostgreSQL store: a pool whose rows read like SQLite's (pg-types.ts), pending
 * migrations applied under an advisory lock, and pgvector's version when the extension is
 * installed in the database (the team stack's image has it; Debian's Postgres does not).
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<Store> {
  const location = redactDatabaseUrl(options.url);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: assayPgTypes,
    application_name: 'assay',
  });
  // An idle client's error (the server restarted) must not crash the process: the pool drops
  // the client and the next query gets a fresh one.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect().catch((err: unknown) => {
      throw new AssayError(
        'STORE_UNAVAILABLE',
        `Cannot connect to PostgreSQL at ${location}: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
    try {
      const migration = await migratePostgres(client, options.migrations ?? POSTGRES_MIGRATIONS);
      const version = await client.query<{ server_version: string }>('SHOW server_version');
      const vector = await client.query<{ extversion: string }>(
        "SELECT extversion FROM pg_extension WHERE extname = 'vector'",
      );
      const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
      return {
        dialect: 'postgres',
        db,
        writes: new WriteQueue(db),
        info: {
          dialect: 'postgres',
          location,
          serverVersion: version.rows[0]?.server_version ?? 'unknown',
          vectorVersion: vector.rows[0]?.extversion ?? null,
          migration,
        },
        close: () => db.destroy(),
      };
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
