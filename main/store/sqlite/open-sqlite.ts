import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { Kysely } from 'kysely';
import * as sqliteVec from 'sqlite-vec';
import { AssayError } from '../../../shared/errors';
import type { Migration, MigrationReport } from '../migration';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';
import type { DB } from '../schema';
import type { Store } from '../store';
import { closeStore } from '../close-store';
import { WriteQueue } from '../write-queue';
import { AssaySqliteDialect } from './sqlite-driver';
import { migrate } from './migrate';
import { WalCheckpointer } from './wal-checkpointer';
import { WriteGate } from './write-gate';

export interface OpenSqliteOptions {
  readonly file: string;
  readonly nativeBinding?: string;
  readonly vecExtensionPath?: string;
  readonly migrations?: readonly Migration[];
  /** Checkpoint the WAL on a worker thread (wal-checkpointer.ts): the core's long-lived store. */
  readonly backgroundCheckpoint?: boolean;
  /**
   * A second connection to an open store (a worker's): never create the file or its folder,
   * never migrate (the store's own connection did; a file found in its place is refused by
   * the caller, not changed).
   */
  readonly mustExist?: boolean;
}

// 256 MiB: memory-mapped reads make file-backed sqlite-vec scans about 3x faster.
const MMAP_SIZE = 256 * 1024 * 1024;
const BUSY_TIMEOUT_MS = 5000;
/**
 * With checkpoints on a worker, the writer checkpoints only past 8,192 pages (32 MiB) of WAL,
 * where the worker has fallen behind; SQLite's default is 1,000. The WAL file is cut back to
 * this size when it restarts.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 8192;
const WAL_SIZE_LIMIT = 32 * 1024 * 1024;

export function defaultVecExtensionPath(): string {
  return sqliteVec.getLoadablePath();
}

/**
 * Opens a SQLite store: WAL, foreign keys, a busy timeout, mmap, sqlite-vec loaded and checked,
 * and pending migrations applied, before Kysely wraps the handle. Any failure closes the
 * handle before it is reported.
 */
export function openSqlite(options: OpenSqliteOptions): Store {
  const raw = openSqliteHandle(options);
  const checkpointer = options.backgroundCheckpoint
    ? WalCheckpointer.start(options.file, { nativeBinding: options.nativeBinding })
    : null;
  if (checkpointer) {
    raw.handle.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    raw.handle.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  }
  const writeGate = new WriteGate();
  const db = new Kysely<DB>({ dialect: new AssaySqliteDialect(raw.handle) });
  const writes = new WriteQueue(db, false, writeGate);
  return {
    dialect: 'sqlite',
    db,
    writes,
    writeGate: writeGate.buffer,
    info: {
      dialect: 'sqlite',
      location: options.file,
      serverVersion: raw.sqliteVersion,
      vectorVersion: raw.vecVersion,
      migration: raw.migration,
    },
    close: () => closeStore(writes, db, () => checkpointer?.stop()),
  };
}

/** The migrated better-sqlite3 handle alone (backups and schema tests work on it). */
export function openSqliteHandle(options: OpenSqliteOptions) {
  if (!options.mustExist) fs.mkdirSync(path.dirname(options.file), { recursive: true });
  let handle: Database;
  try {
    handle = new BetterSqlite3(options.file, {
      fileMustExist: options.mustExist === true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw new AssayError(
      'STORE_UNAVAILABLE',
      `Cannot open the database ${options.file}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  try {
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    handle.pragma(`mmap_size = ${MMAP_SIZE}`);
    const vecVersion = loadVec(handle, options.vecExtensionPath ?? defaultVecExtensionPath());
    const migration = options.mustExist
      ? unmigrated(handle)
      : migrate(handle, options.migrations ?? SQLITE_MIGRATIONS);
    const sqliteVersion = (handle.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    return { handle, vecVersion, sqliteVersion, migration };
  } catch (err) {
    handle.close();
    throw err;
  }
}

function unmigrated(db: Database): MigrationReport {
  const version = db.pragma('user_version', { simple: true }) as number;
  return { from: version, to: version, applied: [] };
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
