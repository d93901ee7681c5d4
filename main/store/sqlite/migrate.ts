import type { Database } from 'better-sqlite3';
import { AssayError } from '../../../shared/errors';
import { migrationLabel, type Migration, type MigrationReport } from '../migration';
import { assertMigrationSequence, assertNotNewer, migrationFailed } from '../migration-sequence';

export { assertMigrationSequence };

function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction, tracked by `PRAGMA user_version`.
 * If any step fails, the whole transaction rolls back, so the database keeps its old schema
 * and the error names the step that failed.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationReport {
  assertMigrationSequence(migrations);
  assertNotNewer(schemaVersion(db), migrations);
  if (schemaVersion(db) === migrations.length) {
    return { from: migrations.length, to: migrations.length, applied: [] };
  }

  let from = schemaVersion(db);
  let current: Migration | undefined;
  // The version is read again once the write lock is held: two processes opening one new data
  // directory at once (the app and `assay eval`) both see version 0 before it; the second must
  // find the first one's work done, not apply it again.
  const applyPending = db.transaction((): Migration[] => {
    from = schemaVersion(db);
    assertNotNewer(from, migrations);
    const pending = migrations.slice(from);
    for (const m of pending) {
      current = m;
      db.exec(m.up);
      db.pragma(`user_version = ${m.id}`);
    }
    return pending;
  });
  let applied: Migration[];
  try {
    // IMMEDIATE takes the write lock up front, so two processes starting at once cannot interleave.
    applied = applyPending.immediate();
  } catch (err) {
    if (err instanceof AssayError) throw err;
    throw migrationFailed(current, from, err);
  }
  return {
    from,
    to: applied.length > 0 ? applied[applied.length - 1]!.id : from,
    applied: applied.map(migrationLabel),
  };
}
