import { setMaxListeners } from 'node:events';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';
import { chunks } from '../../store/vectors/vector-checks';
import { embedder, openModelIndexes, type Embed, type ModelIndexes } from './embedder';
import { idPage, loadTexts, type ItemKind } from './item-rows';
import type { ModelRef } from './model-ref';
import type { LlmService } from '../../llm/llm-service';

export interface JobTuning {
  /** Texts an embedding request (default 64). */
  readonly batchSize: number;
  /** Embedding requests in flight at once (default 2). */
  readonly concurrency: number;
  /** Back-off after a failure: first wait, doubled per failure up to max. */
  readonly backoffFirstMs: number;
  readonly backoffMaxMs: number;
  /** While idle, how often the backfill walks the interactions again (they have no event). */
  readonly rescanMs: number;
}

export const DEFAULT_TUNING: JobTuning = {
  batchSize: 64,
  concurrency: 2,
  backoffFirstMs: 1000,
  backoffMaxMs: 60_000,
  rescanMs: 60_000,
};

const KINDS: readonly ItemKind[] = ['traces', 'interactions'];
/** Ids a backfill page reads and checks against the index at once. */
const SCAN_PAGE = 500;

interface Batch {
  readonly kind: ItemKind;
  readonly ids: readonly string[];
}

/**
 * The background embedding of one model: ids from `traces.ingested` first, then a backfill
 * that walks traces and interactions in id order and embeds whatever has no vector. Nothing
 * is kept on disk but the vectors themselves, so a crash loses nothing: the next walk finds
 * the items still missing. Failures (provider down) are kept for the status and retried
 * after a doubling back-off; stop() aborts the request in flight and waits for the loop.
 */
export class ModelJob {
  readonly embed: Embed;
  lastError: string | null = null;
  private readonly controller = new AbortController();
  private readonly queue: Record<ItemKind, Set<string>> = {
    traces: new Set(),
    interactions: new Set(),
  };
  private scan: { kind: ItemKind; after: string | null } | null = { kind: 'traces', after: null };
  /** Items whose vector came back empty: not retried while this job runs. */
  private readonly skipped: Record<ItemKind, Set<string>> = {
    traces: new Set(),
    interactions: new Set(),
  };
  private opening: Promise<ModelIndexes> | null = null;
  private opened: ModelIndexes | null = null;
  private failures = 0;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    readonly ref: ModelRef,
    private readonly store: Store,
    llm: LlmService,
    private readonly tuning: JobTuning,
  ) {
    this.embed = embedder(llm, ref);
    // Each request in flight listens on the job's signal (SDK, limiter): no leak, just many.
    setMaxListeners(0, this.controller.signal);
  }

  private get db(): Kysely<DB> {
    return this.store.db;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.controller.abort(new Error('Semantic search stopped'));
    this.wake?.();
    await this.loop;
  }

  /** The model's indexes, opened once (a failed open is retried on the next call). */
  indexes(): Promise<ModelIndexes> {
    this.opening ??= openModelIndexes(this.store, this.embed, this.ref, this.controller.signal)
      .then((opened) => (this.opened = opened))
      .catch((err: unknown) => {
        this.opening = null;
        throw err;
      });
    return this.opening;
  }

  /** The indexes once opened; null before (the status does not trigger a probe). */
  get openedIndexes(): ModelIndexes | null {
    return this.opened;
  }

  /** Null until the first probe answered. */
  get dimensions(): number | null {
    return this.opened?.traces.dimensions ?? null;
  }

  enqueue(kind: ItemKind, ids: readonly string[]): void {
    for (const id of ids) this.queue[kind].add(id);
    this.wake?.();
  }

  /** Walk the store again from the start (more ingested than the event named, or a timer). */
  rescan(): void {
    this.scan ??= { kind: 'traces', after: null };
    this.wake?.();
  }

  skippedCount(): number {
    return this.skipped.traces.size + this.skipped.interactions.size;
  }

  private async run(): Promise<void> {
    const { signal } = this.controller;
    while (!signal.aborted) {
      try {
        const indexes = await this.indexes();
        const batches = await this.nextBatches(indexes);
        if (batches.length === 0) {
          await this.idle(this.tuning.rescanMs, true);
          continue;
        }
        await this.embedBatches(indexes, batches);
        this.failures = 0;
        this.lastError = null;
      } catch (err) {
        if (signal.aborted) break;
        this.failures += 1;
        this.lastError = err instanceof Error ? err.message : String(err);
        const wait = Math.min(
          this.tuning.backoffMaxMs,
          this.tuning.backoffFirstMs * 2 ** (this.failures - 1),
        );
        await this.idle(wait, false);
      }
    }
  }

  /** Waits for new work (when woken counts) or the timeout; an abort ends it at once. */
  private idle(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.controller.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(() => {
        // Traces arrive with an event; interactions have none, so the timer walks those only.
        if (wakeable) this.scan ??= { kind: 'interactions', after: null };
        done();
      }, ms);
      this.controller.signal.addEventListener('abort', done);
      // While backing off, new work waits for the back-off to end (stop still ends it).
      this.wake = wakeable ? done : () => {};
    });
  }

  private async nextBatches(indexes: ModelIndexes): Promise<Batch[]> {
    const { batchSize, concurrency } = this.tuning;
    const out: Batch[] = [];
    for (const kind of KINDS) {
      while (this.queue[kind].size > 0 && out.length < concurrency) {
        const ids = [...this.queue[kind]].slice(0, batchSize);
        for (const id of ids) this.queue[kind].delete(id);
        out.push({ kind, ids });
      }
    }
    while (out.length < concurrency && this.scan) {
      const { kind, ids } = await this.scanStep(indexes);
      for (const part of chunks(ids, batchSize)) out.push({ kind, ids: part });
    }
    return out;
  }

  /** One page of the walk: the ids on it without a vector; moves the cursor past the page. */
  private async scanStep(indexes: ModelIndexes): Promise<Batch> {
    const scan = this.scan!;
    const page = await idPage(this.db, scan.kind, scan.after, SCAN_PAGE);
    if (page.length === 0) {
      const next = KINDS[KINDS.indexOf(scan.kind) + 1];
      this.scan = next ? { kind: next, after: null } : null;
      return { kind: scan.kind, ids: [] };
    }
    scan.after = page.at(-1)!;
    const have = await indexes[scan.kind].has(page);
    const skipped = this.skipped[scan.kind];
    const queued = this.queue[scan.kind];
    return {
      kind: scan.kind,
      ids: page.filter((id) => !have.has(id) && !skipped.has(id) && !queued.has(id)),
    };
  }

  private async embedBatches(indexes: ModelIndexes, batches: readonly Batch[]): Promise<void> {
    const results = await Promise.allSettled(
      batches.map(async (batch) => {
        const texts = await loadTexts(this.db, batch.kind, batch.ids);
        const ids = [...texts.keys()];
        const vectors = await this.embed(
          ids.map((id) => texts.get(id)!),
          this.controller.signal,
        );
        return { batch, ids, vectors };
      }),
    );
    let failure: unknown = null;
    for (const [i, result] of results.entries()) {
      const batch = batches[i]!;
      if (result.status === 'rejected') {
        failure ??= result.reason;
        this.enqueueQuietly(batch);
        continue;
      }
      const items = [];
      for (const [j, id] of result.value.ids.entries()) {
        const vector = result.value.vectors[j];
        if (vector) items.push({ id, vector });
        else this.skipped[batch.kind].add(id);
      }
      try {
        await indexes[batch.kind].upsert(items);
      } catch (err) {
        failure ??= err;
        this.enqueueQuietly(batch);
      }
    }
    if (failure !== null) throw failure;
  }

  /** Puts a failed batch back without waking the loop (it is about to back off). */
  private enqueueQuietly(batch: Batch): void {
    for (const id of batch.ids) this.queue[batch.kind].add(id);
  }
}
