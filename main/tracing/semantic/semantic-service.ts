import {
  SEMANTIC_OFF_HINT,
  type ChannelOutput,
  type ParsedInput,
  type SemanticStatus,
} from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { EventBus } from '../../kit/event-bus';
import type { LlmService } from '../../llm/llm-service';
import type { SettingsService } from '../../settings/settings-service';
import type { Store } from '../../store/store';
import type { VectorIndex } from '../../store/vectors/vector-index';
import { EMBED_BATCH, type ModelIndexes } from './embedder';
import { failureCandidates } from './eval-failures';
import { itemCount, loadTexts, type ItemKind } from './item-rows';
import { DEFAULT_TUNING, ModelJob, type JobTuning } from './model-job';
import { parseModelRef } from './model-ref';
import { traceHits } from './trace-hits';

export interface SemanticDeps {
  readonly store: Store;
  readonly llm: LlmService;
  readonly settings: SettingsService;
  readonly events: EventBus;
  readonly tuning?: Partial<JobTuning>;
}

/** Filters are applied after the vector search: fetch this many neighbours per wanted hit. */
const FILTER_OVERFETCH = 20;
const MAX_K = 1000;

/**
 * Semantic search over traces, interactions and eval failures. Off until an embedding model
 * is set; then a background job (ModelJob) embeds what is ingested and what is missing, and
 * the channels embed the query and ask the model's vector index for the nearest items.
 * Eval results are embedded on demand, when similar failures are asked for.
 */
export class SemanticService {
  private job: ModelJob | null = null;
  private switching: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private readonly tuning: JobTuning;
  /** Null when vectors work on this store; else why not (PostgreSQL without pgvector). */
  private readonly unavailable: string | null;

  constructor(private readonly deps: SemanticDeps) {
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
    const { store } = deps;
    this.unavailable =
      store.dialect === 'postgres' && !store.info.vectorVersion
        ? `Semantic search needs pgvector, which is not installed in the database ${store.info.location} (CREATE EXTENSION vector)`
        : null;
  }

  /** Subscribes to ingest and settings changes, and starts the job if a model is set. */
  start(): void {
    if (this.unavailable || this.unsubscribe) return;
    this.unsubscribe = this.deps.events.subscribe((topic, payload) => {
      if (topic === 'traces.ingested') {
        const { traceIds } = payload as { traceIds: string[] };
        this.job?.enqueue('traces', traceIds);
        // The event names at most 100 traces: more means the walk must find the rest.
        if (traceIds.length >= 100) this.job?.rescan();
      } else if (topic === 'settings.changed') {
        void this.applySetting();
      }
    });
    void this.applySetting();
  }

  /** Stops the job (the request in flight is aborted) and waits for it. */
  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.switching;
    await this.job?.stop();
    this.job = null;
  }

  async configure(
    input: ParsedInput<'semantic.configure'>,
  ): Promise<ChannelOutput<'semantic.configure'>> {
    this.requireStore();
    this.deps.settings.updateSemantic(input.embeddingModel);
    await this.applySetting();
    return this.status();
  }

  async status(): Promise<SemanticStatus> {
    const job = this.job;
    const base = {
      available: this.unavailable === null,
      hint: job ? null : SEMANTIC_OFF_HINT,
    };
    const db = this.deps.store.db;
    if (!job || this.unavailable) {
      return {
        ...base,
        enabled: false,
        model: this.unavailable ? null : (this.spec() ?? null),
        dimensions: null,
        embedded: { traces: 0, interactions: 0 },
        pending: 0,
        lastError: this.unavailable,
      };
    }
    const indexes = job.openedIndexes;
    const embedded = {
      traces: indexes ? await indexes.traces.count() : 0,
      interactions: indexes ? await indexes.interactions.count() : 0,
    };
    const total = (await itemCount(db, 'traces')) + (await itemCount(db, 'interactions'));
    return {
      ...base,
      enabled: true,
      model: job.ref.spec,
      dimensions: job.dimensions,
      embedded,
      pending: Math.max(0, total - embedded.traces - embedded.interactions - job.skippedCount()),
      lastError: job.lastError,
    };
  }

  async searchByMeaning(
    input: ParsedInput<'traces.searchByMeaning'>,
  ): Promise<ChannelOutput<'traces.searchByMeaning'>> {
    const { job, indexes } = await this.ready('traces.searchByMeaning');
    const [vector] = await job.embed([input.query]);
    if (!vector) return { hits: [] };
    const k = input.filter ? Math.min(MAX_K, input.limit * FILTER_OVERFETCH) : input.limit;
    const hits = await traceHits(
      this.deps.store.db,
      await indexes.traces.nearest(vector, k),
      input.filter,
    );
    return { hits: hits.slice(0, input.limit) };
  }

  async similarTraces(
    input: ParsedInput<'traces.similar'>,
  ): Promise<ChannelOutput<'traces.similar'>> {
    const { vector, indexes } = await this.itemVector('traces', input.traceId, 'traces.similar');
    if (!vector) return { hits: [] };
    const near = await indexes.traces.nearest(vector, input.limit + 1);
    const hits = await traceHits(
      this.deps.store.db,
      near.filter((n) => n.id !== input.traceId),
    );
    return { hits: hits.slice(0, input.limit) };
  }

  async similarInteractions(
    input: ParsedInput<'interactions.similar'>,
  ): Promise<ChannelOutput<'interactions.similar'>> {
    const { vector, indexes } = await this.itemVector(
      'interactions',
      input.interactionId,
      'interactions.similar',
    );
    if (!vector) return { hits: [] };
    const near = (await indexes.interactions.nearest(vector, input.limit + 1)).filter(
      (n) => n.id !== input.interactionId,
    );
    if (near.length === 0) return { hits: [] };
    const rows = await this.deps.store.db
      .selectFrom('interaction')
      .select(['id', 'type', 'trace_id', 'created_at', 'input_json', 'output_json'])
      .where(
        'id',
        'in',
        near.map((n) => n.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const texts = await loadTexts(
      this.deps.store.db,
      'interactions',
      near.map((n) => n.id),
    );
    const hits = near.flatMap((n) => {
      const row = byId.get(n.id);
      if (!row) return [];
      return [
        {
          id: row.id,
          distance: n.distance,
          type: row.type,
          traceId: row.trace_id,
          createdAt: row.created_at,
          preview: (texts.get(row.id) ?? '').replace(/\s+/g, ' ').slice(0, 300),
        },
      ];
    });
    return { hits: hits.slice(0, input.limit) };
  }

  /**
   * Failing results of the same dataset close to this one (eval results are embedded here,
   * on demand, into the model's eval index: only what has no vector yet is sent), and the
   * production traces close to it.
   */
  async similarFailures(
    input: ParsedInput<'evals.similarFailures'>,
  ): Promise<ChannelOutput<'evals.similarFailures'>> {
    const { job, indexes } = await this.ready('evals.similarFailures');
    const { target, candidates } = await failureCandidates(
      this.deps.store.db,
      input.resultId,
      input.runId,
    );
    const have = await indexes.evals.has(candidates.map((c) => c.resultId));
    const missing = candidates.filter((c) => !have.has(c.resultId));
    const [vector] = await job.embed([target.text]);
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      const part = missing.slice(i, i + EMBED_BATCH);
      const vectors = await job.embed(part.map((c) => c.text));
      await upsertSome(
        indexes.evals,
        part.map((c) => c.resultId),
        vectors,
      );
    }
    if (!vector) return { failures: [], traces: [] };
    const byId = new Map(candidates.map((c) => [c.resultId, c]));
    // The eval index holds every dataset's results: look far enough to find this dataset's.
    const near = await indexes.evals.nearest(
      vector,
      Math.min(MAX_K, Math.max(candidates.length + 1, input.limit)),
    );
    const failures = near.flatMap((n) => {
      const c = byId.get(n.id);
      return c
        ? [
            {
              resultId: c.resultId,
              runId: c.runId,
              runName: c.runName,
              caseKey: c.caseKey,
              status: c.status,
              distance: n.distance,
              preview: c.text.replace(/\s+/g, ' ').slice(0, 300),
            },
          ]
        : [];
    });
    const traces = await traceHits(
      this.deps.store.db,
      await indexes.traces.nearest(vector, input.limit),
    );
    return { failures: failures.slice(0, input.limit), traces };
  }

  private spec(): string | null {
    return this.deps.settings.current().semantic.embeddingModel;
  }

  /** Starts, replaces or stops the job to match the setting (one switch at a time). */
  private applySetting(): Promise<void> {
    this.switching = this.switching.then(async () => {
      if (this.unavailable || !this.unsubscribe) return;
      const ref = parseModelRef(this.spec());
      if (ref?.spec === this.job?.ref.spec) return;
      await this.job?.stop();
      this.job = ref ? new ModelJob(ref, this.deps.store, this.deps.llm, this.tuning) : null;
      this.job?.start();
    });
    return this.switching;
  }

  private requireStore(): void {
    if (this.unavailable) throw new AssayError('STORE_UNAVAILABLE', this.unavailable);
  }

  private async ready(where: string): Promise<{ job: ModelJob; indexes: ModelIndexes }> {
    this.requireStore();
    await this.switching;
    const job = this.job;
    if (!job) throw new AssayError('CONFIG_INVALID', `${where}: ${SEMANTIC_OFF_HINT}`);
    return { job, indexes: await job.indexes() };
  }

  /** The item's vector, embedded now (and stored, so the job need not do it again). */
  private async itemVector(
    kind: ItemKind,
    id: string,
    where: string,
  ): Promise<{ vector: Float32Array | null; indexes: ModelIndexes }> {
    const { job, indexes } = await this.ready(where);
    const text = (await loadTexts(this.deps.store.db, kind, [id])).get(id);
    if (text === undefined) {
      const what = kind === 'traces' ? 'trace' : 'interaction';
      throw new AssayError('NOT_FOUND', `${where}: no ${what} with id "${id}"`);
    }
    const [vector] = await job.embed([text]);
    if (vector) await indexes[kind].upsert([{ id, vector }]);
    return { vector: vector ?? null, indexes };
  }
}

async function upsertSome(
  index: VectorIndex,
  ids: readonly string[],
  vectors: readonly (Float32Array | null)[],
): Promise<void> {
  const items = ids.flatMap((id, i) => {
    const vector = vectors[i];
    return vector ? [{ id, vector }] : [];
  });
  await index.upsert(items);
}
