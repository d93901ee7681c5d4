import type { Store } from '../../store/store';
import type { SpanRecord } from '../span-record';
import { SpanRepository } from '../span-repository';

/**
 * Where ingested spans are written: a batch, its search entries and its traces' summaries in
 * one transaction, spans already stored skipped. Returns how many were new.
 */
export interface SpanWriter {
  write(spans: readonly SpanRecord[]): Promise<number>;
  /** Waits for the writes accepted so far; later writes go through the store's own queue. */
  close(): Promise<void>;
}

/** Writes through the store's write queue on this thread (PostgreSQL, tests, the fallback). */
export function inThreadSpanWriter(store: Store): SpanWriter {
  return {
    async write(spans) {
      let inserted = 0;
      await store.writes.run(async (tx) => {
        inserted = await new SpanRepository(tx, store.dialect).insertBatch(spans);
      });
      return inserted;
    },
    close: () => Promise.resolve(),
  };
}
