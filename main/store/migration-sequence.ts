import { AssayError } from '../../shared/errors';
import { migrationLabel, type Migration } from './migration';

/** Checks that ids run 1, 2, 3… so a missing or duplicated file is caught before any SQL runs. */
export function assertMigrationSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.id !== index + 1) {
      throw new AssayError(
        'MIGRATION_FAILED',
        `Migration list is out of order: expected id ${index + 1}, found ${migrationLabel(m)}`,
      );
    }
  });
}

/** A database from a newer build is refused rather than misread. */
export function assertNotNewer(from: number, migrations: readonly Migration[]): void {
  if (from > migrations.length) {
    throw new AssayError(
      'MIGRATION_FAILED',
      `The database is at schema version ${from}, newer than this build of Assay knows (${migrations.length}). Update Assay to open it.`,
    );
  }
}

export function migrationFailed(
  current: Migration | undefined,
  from: number,
  err: unknown,
): AssayError {
  const reason = err instanceof Error ? err.message : String(err);
  const which = current ? migrationLabel(current) : 'unknown';
  return new AssayError(
    'MIGRATION_FAILED',
    `Migration ${which} failed: ${reason}. The schema was left at version ${from}.`,
    { migration: which, schemaVersion: from },
  );
}
