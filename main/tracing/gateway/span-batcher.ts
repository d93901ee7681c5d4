import type { SpanRecord } from '../span-record';

export interface SpanBatcherOptions {
  /** Stores a batch all or nothing (TracingService.ingest). */
  readonly ingest: (spans: readonly SpanRecord[]) => Promise<unknown>;
  /** Reports a span that could not be stored (never with a secret: spans are redacted). */
  readonly onError: (err: unknown) => void;
  readonly maxDelayMs?: number;
  readonly maxBatch?: number;
}

/**
 * Gathers the gateway's spans for a few milliseconds and stores them in one commit. A commit
 * per call costs the server a few hundred microseconds of synchronous database work right when
 * the app sends its next call; one commit per batch moves that off nearly every call. A batch
 * refused as a whole is retried span by span, so one bad span cannot lose the others.
 */
export class SpanBatcher {
  private pending: SpanRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly maxDelayMs: number;
  private readonly maxBatch: number;

  constructor(private readonly options: SpanBatcherOptions) {
    this.maxDelayMs = options.maxDelayMs ?? 20;
    this.maxBatch = options.maxBatch ?? 64;
  }

  add(span: SpanRecord): void {
    this.pending.push(span);
    if (this.pending.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      await this.options.ingest(batch);
    } catch (err) {
      if (batch.length === 1) return this.options.onError(err);
      for (const span of batch) {
        try {
          await this.options.ingest([span]);
        } catch (one) {
          this.options.onError(one);
        }
      }
    }
  }
}
