import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import type {
  Feedback,
  InteractionFilter,
  InteractionView,
  SpanSource,
} from '../../shared/contract/traces';
import { AssayError } from '../../shared/errors';
import type { EventBus } from '../kit/event-bus';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { z } from 'zod';
import { checkBatch } from './batch-checks';
import { TraceInsights } from './insights/trace-insights';
import { redactStrings, redactText } from './redact';
import {
  InteractionRepository,
  type InteractionCursor,
  type InteractionRecord,
} from './interaction-repository';
import { purgeTracesBefore, type ForgetDeleted, type PurgeReport } from './retention';
import type { SpanRecord } from './span-record';
import { SpanRepository, TRACE_SPAN_LIMIT } from './span-repository';
import { TraceRepository } from './trace-repository';
import { inThreadSpanWriter, type SpanWriter } from './span-writer/span-writer';
import { spanView } from './views';
import type { SpanPayloadBlobs } from './span-payload-blobs';

/** An app's metadata after its strings were redacted: still the object it sent. */
const metadataSchema = z.record(z.string(), z.unknown());

export interface TracingDeps {
  readonly store: Store;
  readonly events: EventBus;
  /** `name@label`, `name@1.2` or a version id to a prompt version id (NOT_FOUND if none). */
  readonly resolvePrompt: (ref: string) => Promise<string>;
  /** The configured secret values, cut out of what apps log (they may echo a key). */
  readonly secretValues: () => readonly string[];
  /** Where ingested batches are stored (default: the store's write queue, on this thread). */
  readonly spanWriter?: SpanWriter;
  /** Forgets the scores of purged spans and interactions, in the purge's transactions. */
  readonly forgetScores: ForgetDeleted;
  /**
   * Team server with S3: payloads above the threshold go to object storage and are read back
   * from there (span-payload-blobs.ts). Without it every payload stays in the database.
   */
  readonly payloads?: SpanPayloadBlobs;
}

/**
 * Traces of every source in one store: the gateway, OTLP ingest and the interactions API hand
 * spans here; the Traces and Interactions pages, export and tail read them back.
 */
export class TracingService {
  private readonly spans: SpanRepository;
  private readonly traces: TraceRepository;
  private readonly interactions: InteractionRepository;
  private readonly writer: SpanWriter;
  /** The cost dashboard and sessions (read-only queries, kept apart from ingest). */
  readonly insights: TraceInsights;

  constructor(private readonly deps: TracingDeps) {
    const { db, dialect } = deps.store;
    this.spans = new SpanRepository(db, dialect, deps.payloads);
    this.traces = new TraceRepository(db, dialect);
    this.interactions = new InteractionRepository(db, dialect);
    this.insights = new TraceInsights(db, dialect);
    this.writer = deps.spanWriter ?? inThreadSpanWriter(deps.store, deps.payloads);
  }

  /** Waits for batches being stored (the core is closing). */
  close(): Promise<void> {
    return this.writer.close();
  }

  /**
   * Stores a batch of spans all or nothing, after checking all of it. Spans already stored are
   * skipped (retries are safe). Returns how many were new.
   */
  async ingest(spans: readonly SpanRecord[], source: SpanSource, where: string): Promise<number> {
    checkBatch(spans, where);
    if (spans.length === 0) return 0;
    const inserted = await this.writer.write(spans).catch((err: unknown) => {
      // The store refuses a span only by its position in the batch: say where it came from.
      if (err instanceof AssayError && err.code === 'MALFORMED_REQUEST')
        throw new AssayError(err.code, `${where}: ${err.message}`, err.details);
      throw err;
    });
    if (inserted > 0) {
      this.deps.events.publish('traces.ingested', {
        source,
        spans: inserted,
        traceIds: [...new Set(spans.map((s) => s.traceId))].slice(0, 100),
      });
    }
    return inserted;
  }

  /** Whether a span or an interaction is stored (a score's target must be). */
  hasSpan(id: string): Promise<boolean> {
    return this.spans.exists(id);
  }

  hasInteraction(id: string): Promise<boolean> {
    return this.interactions.exists(id);
  }

  async span(id: string): Promise<SpanRecord | null> {
    return this.spans.get(id);
  }

  list(input: ParsedInput<'traces.list'>): Promise<ChannelOutput<'traces.list'>> {
    return this.traces.list(input);
  }

  async get(id: string): Promise<ChannelOutput<'traces.get'>> {
    const trace = await this.traces.get(id);
    if (!trace) throw new AssayError('NOT_FOUND', `traces.get: no trace with id "${id}"`);
    const spans = await this.spans.byTrace(id, TRACE_SPAN_LIMIT + 1);
    return {
      trace,
      spans: spans.slice(0, TRACE_SPAN_LIMIT).map(spanView),
      truncated: spans.length > TRACE_SPAN_LIMIT,
    };
  }

  /** Spans of a trace in start order (export, rerun of an interaction). */
  spansOfTrace(traceId: string): Promise<SpanRecord[]> {
    return this.spans.byTrace(traceId);
  }

  rerunsOf(spanId: string): Promise<SpanRecord[]> {
    return this.spans.rerunsOf(spanId);
  }

  /**
   * Retention: deletes traces (spans, search entries, trace rows) and interactions older than
   * `cutoff`, in short write transactions (retention.ts).
   */
  purgeBefore(cutoff: string): Promise<PurgeReport> {
    return purgeTracesBefore(this.deps.store, cutoff, this.deps.forgetScores);
  }

  facets(): Promise<{ providers: string[]; models: string[] }> {
    return this.traces.facets();
  }

  async createInteraction(input: ParsedInput<'interactions.create'>): Promise<InteractionView> {
    const promptVersionId = input.prompt ? await this.deps.resolvePrompt(input.prompt) : null;
    const id = input.id ?? newId();
    const secrets = this.deps.secretValues();
    // Apps log what their users typed and what came back: a pasted key is cut out like in spans.
    const clean = (value: unknown): unknown =>
      value === undefined || value === null
        ? null
        : (JSON.parse(redactStrings(value, secrets)) as unknown);
    // Set by the write that committed (a batch that failed is retried alone, running it again).
    const stored: { createdAt: string | null } = { createdAt: null };
    await this.deps.store.writes.run(async (tx) => {
      const record = {
        id,
        type: input.type,
        traceId: input.traceId ?? null,
        input: clean(input.input ?? null),
        output: clean(input.output ?? null),
        sessionId: input.sessionId ?? null,
        userId: input.userId ?? null,
        tags: input.tags,
        metadata: input.metadata ? metadataSchema.parse(clean(input.metadata)) : null,
        promptVersionId,
        spanIds: input.spanIds,
        createdAt: input.createdAt
          ? new Date(input.createdAt).toISOString()
          : new Date().toISOString(),
      };
      const inserted = await new InteractionRepository(tx, this.deps.store.dialect).insert(record);
      stored.createdAt = inserted ? record.createdAt : null;
    });
    // Only a new row is news (an app's retry of the same id is not a second interaction).
    if (stored.createdAt !== null)
      this.deps.events.publish('interactions.created', { id, createdAt: stored.createdAt });
    return (await this.interactions.get(id))!;
  }

  async feedback(input: ParsedInput<'interactions.feedback'>): Promise<Feedback> {
    if (!(await this.interactions.get(input.interactionId)))
      throw new AssayError(
        'NOT_FOUND',
        `interactions.feedback: no interaction with id "${input.interactionId}"`,
      );
    const feedback: Feedback = {
      id: newId(),
      interactionId: input.interactionId,
      score: input.score ?? null,
      label: input.label ?? null,
      comment:
        input.comment === undefined ? null : redactText(input.comment, this.deps.secretValues()),
      userId: input.userId ?? null,
      createdAt: new Date().toISOString(),
    };
    await this.deps.store.writes.run((tx) =>
      new InteractionRepository(tx, this.deps.store.dialect).addFeedback(feedback),
    );
    return feedback;
  }

  listInteractions(
    input: ParsedInput<'interactions.list'>,
  ): Promise<ChannelOutput<'interactions.list'>> {
    return this.interactions.list(input);
  }

  /** Interactions after a position, oldest first (the online scoring walk; see the repository). */
  interactionsAfter(
    cursor: InteractionCursor,
    limit: number,
    through?: InteractionCursor,
  ): Promise<InteractionRecord[]> {
    return this.interactions.after(cursor, limit, through);
  }

  countInteractions(filter: InteractionFilter): Promise<number> {
    return this.interactions.count(filter);
  }

  /** Whether each trace had an error (absent: no such trace), for a backtest set's outcome strata. */
  async traceErrors(traceIds: readonly string[]): Promise<Map<string, boolean>> {
    const out = new Map<string, boolean>();
    for (let i = 0; i < traceIds.length; i += 500) {
      const rows = await this.deps.store.db
        .selectFrom('trace')
        .select(['id', 'error_count'])
        .where('id', 'in', traceIds.slice(i, i + 500))
        .execute();
      for (const row of rows) out.set(row.id, row.error_count > 0);
    }
    return out;
  }

  async interaction(id: string): Promise<InteractionView> {
    const found = await this.interactions.get(id);
    if (!found)
      throw new AssayError('NOT_FOUND', `interactions.get: no interaction with id "${id}"`);
    return found;
  }
}
