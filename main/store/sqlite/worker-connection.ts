import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { Store } from '../store';
import type { WorkerReply } from '../../kit/worker-client';
import { closeStore } from '../close-store';
import { WriteQueue } from '../write-queue';
import { openSqliteHandle } from './open-sqlite';
import { AssaySqliteDialect } from './sqlite-driver';
import { WriteGate } from './write-gate';

/** What a worker thread is started with to open its own connection to the core's store. */
export interface WorkerConnectionData {
  readonly file: string;
  readonly nativeBinding: string | null;
  readonly vecExtensionPath: string | null;
  /**
   * The store's instance id: the worker works only where it reads the same id, so a file
   * replaced or deleted under a running app (a restore, a test's cleanup) is never written
   * apart from the connection the app reads.
   */
  readonly instanceId: string;
  /** The store's write gate (write-gate.ts): this process's writers take turns on it. */
  readonly writeGate: SharedArrayBuffer;
}

/** With checkpoints on the store's worker (wal-checkpointer.ts), this connection only appends. */
const AUTOCHECKPOINT_PAGES = 8192;

/**
 * A worker thread's own connection to the open store's file (never created, never migrated),
 * as a Store with its own write queue. Throws when the file is missing or is another database.
 */
export function openWorkerConnection(data: WorkerConnectionData): Store {
  const raw = openSqliteHandle({
    file: data.file,
    nativeBinding: data.nativeBinding ?? undefined,
    vecExtensionPath: data.vecExtensionPath ?? undefined,
    mustExist: true,
  });
  checkInstance(raw.handle, data);
  raw.handle.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  const db = new Kysely<DB>({ dialect: new AssaySqliteDialect(raw.handle) });
  const writes = new WriteQueue(db, false, new WriteGate(data.writeGate));
  return {
    dialect: 'sqlite',
    db,
    writes,
    info: {
      dialect: 'sqlite',
      location: data.file,
      serverVersion: raw.sqliteVersion,
      vectorVersion: raw.vecVersion,
      migration: raw.migration,
    },
    close: () => closeStore(writes, db),
  };
}

function checkInstance(handle: Database, data: WorkerConnectionData): void {
  const instance = handle.prepare('SELECT id FROM instance').get() as { id: string } | undefined;
  if (instance?.id === data.instanceId) return;
  handle.close();
  throw new Error(`${data.file} is not the database the app has open`);
}

/**
 * In a worker's entry (started by WorkerClient with WorkerConnectionData): opens its connection
 * and says `ready`, or says `failed-to-open` and exits, so the client works on its own thread.
 */
export function openInWorker(): Store {
  const send = (message: WorkerReply<never>) => parentPort!.postMessage(message);
  try {
    const store = openWorkerConnection(workerData as WorkerConnectionData);
    send({ kind: 'ready' });
    return store;
  } catch (err) {
    send({ kind: 'failed-to-open', message: err instanceof Error ? err.message : String(err) });
    process.exit(0);
  }
}
