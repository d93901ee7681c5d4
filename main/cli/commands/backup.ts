import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AssayError } from '../../../shared/errors';
import { DATABASE_FILE } from '../../app/create-core';
import { resolveDataDir } from '../../app/data-dir';
import { backupDatabase } from '../../store/sqlite/backup';

/**
 * `assay backup <file>`: a consistent copy of the database through SQLite's online backup,
 * safe while the app or `assay serve` is running. It opens its own read-only connection and
 * applies no migrations, then checks the copy's integrity.
 */
export async function backupCommand(target: string, options: { dataDir?: string }): Promise<void> {
  if (process.env.ASSAY_DATABASE_URL) {
    throw new AssayError(
      'CONFIG_INVALID',
      'assay backup copies the SQLite database of a data directory; with ASSAY_DATABASE_URL set, the data is in PostgreSQL: back it up with pg_dump',
    );
  }
  const source = path.join(resolveDataDir(options.dataDir), DATABASE_FILE);
  if (!fs.existsSync(source)) {
    throw new AssayError(
      'NOT_FOUND',
      `No Assay database at ${source}; pass --data-dir or set ASSAY_HOME`,
    );
  }
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    const report = await backupDatabase(db, target);
    const copy = new BetterSqlite3(report.file, { readonly: true });
    const check = copy.pragma('integrity_check', { simple: true });
    copy.close();
    if (check !== 'ok')
      throw new AssayError(
        'INTERNAL',
        `The backup at ${report.file} failed its integrity check: ${String(check)}`,
      );
    process.stdout.write(
      `Backup written: ${report.file} (${report.bytes} bytes, ${report.pages} pages, integrity ok)\n`,
    );
  } finally {
    db.close();
  }
}
