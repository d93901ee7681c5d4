import type { Database } from 'better-sqlite3';
import { migrationLabel, type Migration, type MigrationReport } from '../migration';
import { assertMigrationSequence, assertNotNewer, migrationFailed } from '../migration-sequence';

export { assertMigrationSequence };

/**
 * Applies every pending migration in one transaction, tracked by `PRAGMA user_version`.
 * If any step fails, the whole transaction rolls back, so the database keeps its old schema
 * and the error names the step that failed.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationReport {
  assertMigrationSequence(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  assertNotNewer(from, migrations);
  const pending = migrations.slice(from);
  if (pending.length === 0) return { from, to: from, applied: [] };

  let current: Migration | undefined;
  const applyAll = db.transaction(() => {
    for (const m of pending) {
      current = m;
      db.exec(m.up);
      db.pragma(`user_version = ${m.id}`);
    }
  });
  try {
    // IMMEDIATE takes the write lock up front, so two processes starting at once cannot interleave.
    applyAll.immediate();
  } catch (err) {
    throw migrationFailed(current, from, err);
  }
  return { from, to: pending[pending.length - 1]!.id, applied: pending.map(migrationLabel) };
}
