import type { Database } from 'better-sqlite3';
import { AssayError } from '../../shared/errors';
import type { Migration } from './migration';

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

function label(m: Migration): string {
  return `${String(m.id).padStart(4, '0')}_${m.name}`;
}

/** Checks that ids run 1, 2, 3… so a missing or duplicated file is caught before any SQL runs. */
export function assertMigrationSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.id !== index + 1) {
      throw new AssayError(
        'MIGRATION_FAILED',
        `Migration list is out of order: expected id ${index + 1}, found ${label(m)}`,
      );
    }
  });
}

/**
 * Applies every pending migration in one transaction, tracked by `PRAGMA user_version`.
 * If any step fails, the whole transaction rolls back, so the database keeps its old schema
 * and the error names the step that failed.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationReport {
  assertMigrationSequence(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) {
    throw new AssayError(
      'MIGRATION_FAILED',
      `The database is at schema version ${from}, newer than this build of Assay knows (${migrations.length}). Update Assay to open it.`,
    );
  }
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
    const reason = err instanceof Error ? err.message : String(err);
    const which = current ? label(current) : 'unknown';
    throw new AssayError(
      'MIGRATION_FAILED',
      `Migration ${which} failed: ${reason}. The schema was left at version ${from}.`,
      { migration: which, schemaVersion: from },
    );
  }
  return { from, to: pending[pending.length - 1]!.id, applied: pending.map(label) };
}
