import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { AssayError } from '../../shared/errors';
import { migrate, type MigrationReport } from './migrate';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';

export interface OpenDatabaseOptions {
  /** Path of the SQLite file; its folder is created if missing. */
  readonly file: string;
  /** Path to a better_sqlite3.node built for the running runtime (the Electron ABI in dev). */
  readonly nativeBinding?: string;
  /** Path to the sqlite-vec loadable library; defaults to the one the npm package ships. */
  readonly vecExtensionPath?: string;
  readonly migrations?: readonly Migration[];
}

export interface OpenedDatabase {
  readonly db: Database;
  readonly vecVersion: string;
  readonly sqliteVersion: string;
  readonly migration: MigrationReport;
}

// 256 MiB: memory-mapped reads make file-backed sqlite-vec scans about 3x faster.
const MMAP_SIZE = 256 * 1024 * 1024;
const BUSY_TIMEOUT_MS = 5000;

export function defaultVecExtensionPath(): string {
  return sqliteVec.getLoadablePath();
}

/**
 * Opens the store: WAL, foreign keys, a busy timeout, mmap, sqlite-vec loaded and checked,
 * and pending migrations applied. Any failure closes the handle before it is reported.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(
      options.file,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
  } catch (err) {
    throw new AssayError(
      'STORE_UNAVAILABLE',
      `Cannot open the database ${options.file}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma(`mmap_size = ${MMAP_SIZE}`);
    const vecVersion = loadVec(db, options.vecExtensionPath ?? defaultVecExtensionPath());
    const migration = migrate(db, options.migrations ?? MIGRATIONS);
    const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    return { db, vecVersion, sqliteVersion, migration };
  } catch (err) {
    db.close();
    throw err;
  }
}

function loadVec(db: Database, extensionPath: string): string {
  try {
    db.loadExtension(extensionPath);
    return (db.prepare('SELECT vec_version() AS v').get() as { v: string }).v;
  } catch (err) {
    throw new AssayError(
      'STORE_UNAVAILABLE',
      `sqlite-vec could not be loaded from ${extensionPath}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
