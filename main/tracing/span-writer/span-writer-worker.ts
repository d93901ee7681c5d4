// The span writer's worker thread (worker-span-writer.ts): its own SQLite connection, writing
// the batches it is sent through that connection's write queue. Batches that arrive while one
// is written are committed together, and if that commit fails each is retried alone, so one
// bad batch fails only its sender.
import { parentPort } from 'node:worker_threads';
import { refusedError, type WorkerReply, type WorkerRequest } from '../../kit/worker-client';
import { openInWorker } from '../../store/sqlite/worker-connection';
import type { SpanRecord } from '../span-record';
import { SpanRepository } from '../span-repository';

const port = parentPort!;
const send = (message: WorkerReply<number>) => port.postMessage(message);

const store = openInWorker();

port.on('message', (message: WorkerRequest<readonly SpanRecord[]> | 'close') => {
  if (message === 'close') {
    // Closing the store commits every batch received so far first.
    void store.close().then(() => process.exit(0));
    return;
  }
  const { id, request } = message;
  let inserted = 0;
  store.writes
    .run(async (tx) => {
      inserted = await new SpanRepository(tx, 'sqlite').insertBatch(request);
    })
    .then(
      () => send({ kind: 'done', id, result: inserted }),
      (err: unknown) => send({ kind: 'refused', id, error: refusedError(err) }),
    );
});
