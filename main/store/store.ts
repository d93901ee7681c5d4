import type { Kysely } from 'kysely';
import type { MigrationReport } from './migration';
import type { DB } from './schema';
import type { WriteQueue } from './write-queue';

export type Dialect = 'sqlite' | 'postgres';

/** Where the core keeps its data: a SQLite file in the data directory, or a PostgreSQL URL. */
export type StoreConfig =
  | {
      readonly kind: 'sqlite';
      /** Path of the SQLite file; its folder is created if missing. */
      readonly file: string;
      /** better_sqlite3.node built for the running runtime (Electron's ABI in development). */
      readonly nativeBinding?: string;
      /** sqlite-vec loadable path (rewritten to app.asar.unpacked when packaged). */
      readonly vecExtensionPath?: string;
      /** WAL checkpoints on a worker thread, off the event loop (the app's and server's store). */
      readonly backgroundCheckpoint?: boolean;
    }
  | {
      readonly kind: 'postgres';
      /** postgres://user@host:port/database; the password, if any, never reaches a log. */
      readonly url: string;
      /** Connections in this process's pool (default 10). */
      readonly poolSize?: number;
    };

export interface StoreInfo {
  readonly dialect: Dialect;
  /** The file path, or the URL with any password replaced. */
  readonly location: string;
  /** `SELECT sqlite_version()` or `SHOW server_version`. */
  readonly serverVersion: string;
  /** sqlite-vec's version, pgvector's when installed, or null. */
  readonly vectorVersion: string | null;
  readonly migration: MigrationReport;
}

/**
 * An open database: the typed query builder every repository uses, the one write queue that
 * batches this database's small writes into group commits, and what it is (for `system.info`).
 */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<DB>;
  readonly writes: WriteQueue;
  readonly info: StoreInfo;
  /**
   * SQLite: the write gate its connection shares with worker threads' own connections to the
   * file (sqlite/write-gate.ts); they are handed it in WorkerConnectionData.
   */
  readonly writeGate?: SharedArrayBuffer;
  close(): Promise<void>;
}
