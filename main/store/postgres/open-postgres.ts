import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AssayError } from '../../../shared/errors';
import type { Migration } from '../migration';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres';
import type { DB } from '../schema';
import type { Store } from '../store';
import { closeStore } from '../close-store';
import { WriteQueue } from '../write-queue';
import { redactDatabaseUrl } from './database-url';
import { migratePostgres } from './migrate';
import { NulEscapePlugin } from './nul-escape';
import { assayPgTypes } from './pg-types';

export interface OpenPostgresOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly migrations?: readonly Migration[];
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens a PostgreSQL store: a pool whose rows read like SQLite's (pg-types.ts), pending
 * migrations applied under an advisory lock, pgvector created when the server offers it, and
 * its version when the extension is installed (the team stack's image has it; Debian's
 * Postgres does not).
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
      await createVectorExtension(client);
      const vector = await client.query<{ extversion: string }>(
        "SELECT extversion FROM pg_extension WHERE extname = 'vector'",
      );
      const db = new Kysely<DB>({
        dialect: new PostgresDialect({ pool }),
        plugins: [new NulEscapePlugin()],
      });
      // PostgreSQL takes concurrent writers: a large write commits beside the batches.
      const writes = new WriteQueue(db, true);
      return {
        dialect: 'postgres',
        db,
        writes,
        info: {
          dialect: 'postgres',
          location,
          serverVersion: version.rows[0]?.server_version ?? 'unknown',
          vectorVersion: vector.rows[0]?.extversion ?? null,
          migration,
        },
        close: () => closeStore(writes, db),
      };
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}

/**
 * Installs pgvector in this database when the server offers it. A role without the right to
 * create extensions (or a concurrent creator) makes this fail; that is not fatal: vector
 * indexes are then unavailable and `info.vectorVersion` stays null.
 */
async function createVectorExtension(client: pg.PoolClient): Promise<void> {
  const available = await client.query(
    "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'",
  );
  if (available.rowCount === 0) return;
  await client.query('CREATE EXTENSION IF NOT EXISTS vector').catch(() => undefined);
}
