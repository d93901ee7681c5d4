import type { Store } from '../../store/store';
import type { SpanRecord } from '../span-record';
import { SpanRepository } from '../span-repository';
import type { SpanPayloadBlobs } from '../span-payload-blobs';

/**
 * Where ingested spans are written: a batch, its search entries and its traces' summaries in
 * one transaction, spans already stored skipped. Returns how many were new.
 */
export interface SpanWriter {
  write(spans: readonly SpanRecord[]): Promise<number>;
  /** Waits for the writes accepted so far; later writes go through the store's own queue. */
  close(): Promise<void>;
}

/**
 * Writes through the store's write queue on this thread (PostgreSQL, tests, the fallback). With
 * `payloads` (team server with S3), large payloads are uploaded first, outside the transaction,
 * and the rows store their references.
 */
export function inThreadSpanWriter(store: Store, payloads?: SpanPayloadBlobs): SpanWriter {
  return {
    async write(spans) {
      let inserted = 0;
      const stubs = payloads ? await payloads.offload(spans) : undefined;
      await store.writes.run(async (tx) => {
        inserted = await new SpanRepository(tx, store.dialect).insertBatch(spans, { stubs });
      });
      return inserted;
    },
    close: () => Promise.resolve(),
  };
}
