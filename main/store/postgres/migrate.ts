import type pg from 'pg';
import { AssayError } from '../../../shared/errors';
import { migrationLabel, type Migration, type MigrationReport } from '../migration';
import { assertMigrationSequence, assertNotNewer, migrationFailed } from '../migration-sequence';

/** Any constant: the advisory lock every Assay process takes while it migrates one database. */
const MIGRATION_LOCK = 0x41535359; // "ASSY"

/**
 * Applies every pending migration in one transaction (Postgres DDL is transactional), with the
 * version in `assay_schema`. Several servers and workers may start against one database at
 * once: a transaction-scoped advisory lock lets one migrate while the others wait, and each
 * reads the version only once it holds the lock, so a step never runs twice.
 */
export async function migratePostgres(
  client: pg.PoolClient,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  assertMigrationSequence(migrations);
  await client.query('BEGIN');
  let from = 0;
  let current: Migration | undefined;
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS assay_schema (version INTEGER NOT NULL, updated_at TEXT NOT NULL)',
    );
    const row = await client.query<{ version: number }>('SELECT version FROM assay_schema');
    from = row.rows[0]?.version ?? 0;
    assertNotNewer(from, migrations);
    const pending = migrations.slice(from);
    for (const m of pending) {
      current = m;
      await client.query(m.up);
    }
    const to = pending.length > 0 ? pending[pending.length - 1]!.id : from;
    await client.query('DELETE FROM assay_schema');
    await client.query('INSERT INTO assay_schema (version, updated_at) VALUES ($1, $2)', [
      to,
      new Date().toISOString(),
    ]);
    await client.query('COMMIT');
    return { from, to, applied: pending.map(migrationLabel) };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (err instanceof AssayError) throw err;
    throw migrationFailed(current, from, err);
  }
}
