import { WorkerClient } from '../../kit/worker-client';
import { findWorkerScript, type WorkerScript } from '../../kit/worker-script';
import type { WorkerConnectionData } from '../../store/sqlite/worker-connection';
import type { Store } from '../../store/store';
import type { SpanRecord } from '../span-record';
import { inThreadSpanWriter, type SpanWriter } from './span-writer';

/**
 * Writes ingested spans on a worker thread with its own SQLite connection. Storing a batch of
 * 512 OTLP spans (inserts, search index, trace summaries, commit) costs the event loop about
 * as much as decoding and mapping it; on a worker the two run side by side on two cores, and
 * the server keeps answering while a batch commits. SQLite lets one writer in at a time: the
 * app's other writes wait for the worker's commit (busy timeout), never the other way round
 * for longer than one commit.
 *
 * The worker starts with the first batch, which is written on this thread meanwhile: an
 * exporter's first batch must not wait for a thread to start. If the worker cannot start, or
 * dies, every batch it had not confirmed is written here instead: writes skip span ids
 * already stored, so a batch the worker did commit before dying is not counted twice.
 */
export class WorkerSpanWriter implements SpanWriter {
  private readonly client: WorkerClient<readonly SpanRecord[], number>;

  constructor(
    store: Store,
    data: WorkerConnectionData,
    script: WorkerScript | null = findWorkerScript('span-writer-worker', import.meta.url),
  ) {
    const fallback = inThreadSpanWriter(store);
    this.client = new WorkerClient({
      label: '[traces] span writer worker',
      script,
      workerData: data,
      fallback: (spans) => fallback.write(spans),
      unanswered: 'replay',
    });
  }

  /** Where batches go now: the worker, this thread while it starts, or this thread for good. */
  get state(): 'starting' | 'worker' | 'in-thread' {
    return this.client.state;
  }

  write(spans: readonly SpanRecord[]): Promise<number> {
    return this.client.request(spans);
  }

  /** Waits for the batches the worker holds; later writes go through the store's queue. */
  close(): Promise<void> {
    return this.client.close();
  }
}
