import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AssayError } from '../../../shared/errors';

export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  readonly pages: number;
}

// SQLite restarts an online backup whenever another connection writes between two steps, so a
// busy app could keep a page-by-page backup from ever finishing. Copying every page in one
// step holds only a read snapshot, which in WAL mode does not block the app's writers.
const ALL_PAGES = 0x7fffffff;

/**
 * Writes a consistent copy with SQLite's online backup API, safe while the app keeps writing:
 * the copy is the state at one instant. It is written beside the target and renamed, so a
 * failed backup never leaves a half-written file under the requested name.
 */
export async function backupDatabase(db: Database, target: string): Promise<BackupReport> {
  const file = path.resolve(target);
  if (!fs.existsSync(path.dirname(file))) {
    throw new AssayError('NOT_FOUND', `Backup folder does not exist: ${path.dirname(file)}`);
  }
  if (path.resolve(db.name) === file) {
    throw new AssayError('CONFLICT', 'The backup target is the live database itself');
  }
  const partial = `${file}.partial-${process.pid}`;
  try {
    const { totalPages } = await db.backup(partial, { progress: () => ALL_PAGES });
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, pages: totalPages };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (err instanceof AssayError) throw err;
    throw new AssayError(
      'INTERNAL',
      `Backup to ${file} failed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
