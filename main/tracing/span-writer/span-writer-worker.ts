// The span writer's worker thread (worker-span-writer.ts): its own SQLite connection, writing
// the batches it is sent. Batches that arrive while one is written are committed together,
// and if that commit fails each is retried alone, so one bad batch fails only its sender.
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { AssayError } from '../../../shared/errors';
import type { DB } from '../../store/schema';
import { openSqliteHandle } from '../../store/sqlite/open-sqlite';
import { AssaySqliteDialect } from '../../store/sqlite/sqlite-driver';
import { SpanRepository } from '../span-repository';
import type { SpanWriterWorkerData, WorkerMessage, WriteRequest } from './span-writer-protocol';

const port = parentPort!;
const data = workerData as SpanWriterWorkerData;
const send = (message: WorkerMessage) => port.postMessage(message);

let db: Kysely<DB>;
try {
  const raw = openSqliteHandle({
    file: data.file,
    nativeBinding: data.nativeBinding ?? undefined,
    vecExtensionPath: data.vecExtensionPath ?? undefined,
    mustExist: true,
  });
  const instance = raw.handle.prepare('SELECT id FROM instance').get() as
    { id: string } | undefined;
  if (instance?.id !== data.instanceId) {
    raw.handle.close();
    throw new Error(`${data.file} is not the database the app has open`);
  }
  // The store's checkpointer copies the WAL in; this writer only appends to it.
  raw.handle.pragma('wal_autocheckpoint = 8192');
  db = new Kysely<DB>({ dialect: new AssaySqliteDialect(raw.handle) });
  send({ kind: 'ready' });
} catch (err) {
  send({ kind: 'failed-to-open', message: err instanceof Error ? err.message : String(err) });
  process.exit(0);
}

let queue: WriteRequest[] = [];
let scheduled = false;
let writing: Promise<void> = Promise.resolve();

/** Every batch received so far committed or refused (closing waits on it). */
async function drain(): Promise<void> {
  while (scheduled || queue.length > 0) await new Promise((r) => setImmediate(r));
  await writing;
}

port.on('message', (message: WriteRequest | 'close') => {
  if (message === 'close') {
    void drain()
      .then(() => db.destroy())
      .then(() => process.exit(0));
    return;
  }
  queue.push(message);
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    writing = writing.then(flush);
  });
});

async function flush(): Promise<void> {
  const batch = queue;
  queue = [];
  scheduled = false;
  const inserted = new Map<number, number>();
  try {
    await db.transaction().execute(async (tx) => {
      const spans = new SpanRepository(tx, 'sqlite');
      for (const request of batch) inserted.set(request.id, await spans.insertBatch(request.spans));
    });
    for (const request of batch)
      send({ kind: 'written', id: request.id, inserted: inserted.get(request.id)! });
  } catch {
    for (const request of batch) {
      try {
        const n = await db
          .transaction()
          .execute((tx) => new SpanRepository(tx, 'sqlite').insertBatch(request.spans));
        send({ kind: 'written', id: request.id, inserted: n });
      } catch (err) {
        send({
          kind: 'refused',
          id: request.id,
          error:
            err instanceof AssayError
              ? { code: err.code, message: err.message, details: err.details }
              : { code: null, message: err instanceof Error ? err.message : String(err) },
        });
      }
    }
  }
}
