import type { Kysely, Selectable } from 'kysely';
import { AssayError } from '../../shared/errors';
import { insertRows } from '../store/bulk-insert';
import type { DB, SpanTable } from '../store/schema';
import type { Dialect } from '../store/store';
import { searchIndexFor, type SearchIndex } from './search-index';
import { searchBody, spanTexts } from './search-text';
import type { SpanRecord } from './span-record';
import { spanRow, toSpanRecord } from './span-rows';
import {
  payloadStubOf,
  payloadWithoutBlobs,
  type PayloadStub,
  type PayloadStubs,
  type SpanPayloadBlobs,
} from './span-payload-blobs';
import { foldTrace } from './trace-fold';
import { upsertTraceRows } from './trace-upsert';

export type { SpanKind, SpanRecord } from './span-record';
export { toSpanRecord } from './span-rows';

/** Rows per INSERT: 36 columns stay far below either database's bound-parameter limit. */
const INSERT_CHUNK = 200;
/** The most spans one trace read returns (a runaway agent loop can log millions). */
export const TRACE_SPAN_LIMIT = 5_000;

/**
 * Spans on either database, written through the database's write queue (a repository bound to
 * the batch's transaction): a span, its search entry and its trace's summary row commit
 * together, so a listed trace always has its spans and a span is never unsearchable.
 */
export class SpanRepository {
  private readonly search: SearchIndex;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
    /** Where payloads stored as stubs are read (team server with S3); see span-payload-blobs.ts. */
    private readonly payloads?: SpanPayloadBlobs,
  ) {
    this.search = searchIndexFor(dialect);
  }

  /**
   * Stores the spans not stored yet and folds them into their traces. Ids already stored are
   * skipped (an exporter retrying a batch it saw fail must not count its spans twice), so a
   * batch is idempotent. Returns how many were new. `stubs` name the spans whose payloads were
   * uploaded to object storage before this transaction (SpanPayloadBlobs.offload).
   */
  async insertBatch(
    spans: readonly SpanRecord[],
    options: { dedupe?: boolean; stubs?: PayloadStubs } = {},
  ): Promise<number> {
    const fresh = options.dedupe === false ? spans : await this.unseen(spans);
    if (fresh.length === 0) return 0;
    await this.insertRowsOf(fresh, options.stubs);
    const withTexts = fresh.map((span) => ({
      span,
      texts: spanTexts(span.requestJson, span.responseJson),
    }));
    await this.search.add(
      this.db,
      withTexts.map(({ span, texts }) => ({
        spanId: span.id,
        traceId: span.traceId,
        body: searchBody(texts),
      })),
    );
    const byTrace = new Map<string, typeof withTexts>();
    for (const entry of withTexts) {
      const list = byTrace.get(entry.span.traceId);
      if (list) list.push(entry);
      else byTrace.set(entry.span.traceId, [entry]);
    }
    await upsertTraceRows(this.db, this.dialect, [...byTrace.values()].map(foldTrace));
    return fresh.length;
  }

  /**
   * Spans kept out of the Traces list and search (an eval run's calls): the rows alone, read
   * back by id (an eval result's span) and by trace.
   */
  async insertUnlisted(spans: readonly SpanRecord[], stubs?: PayloadStubs): Promise<void> {
    await this.insertRowsOf(spans, stubs);
  }

  private async insertRowsOf(spans: readonly SpanRecord[], stubs?: PayloadStubs): Promise<void> {
    for (let i = 0; i < spans.length; i += INSERT_CHUNK)
      await insertRows(
        this.db,
        this.dialect,
        'span',
        spans.slice(i, i + INSERT_CHUNK).map((span) => spanRow(span, stubs?.get(span.id))),
      );
  }

  /** One span with a fresh id (the call path's own): no lookup for an earlier copy. */
  async insert(span: SpanRecord, stubs?: PayloadStubs): Promise<void> {
    await this.insertBatch([span], { dedupe: false, stubs });
  }

  /**
   * The spans of a batch not stored yet. A stored span with the same id and trace is an
   * exporter's retry; with the same id in another trace it is a different span Assay cannot key
   * (span ids are global here, as random OpenTelemetry ids are): the batch is refused naming
   * it, never stored in part nor skipped unsaid (the same rule checkBatch applies inside one
   * batch).
   */
  private async unseen(spans: readonly SpanRecord[]): Promise<SpanRecord[]> {
    const storedTrace = new Map<string, string>();
    for (let i = 0; i < spans.length; i += 500) {
      const ids = spans.slice(i, i + 500).map((s) => s.id);
      const rows = await this.db
        .selectFrom('span')
        .select(['id', 'trace_id'])
        .where('id', 'in', ids)
        .execute();
      for (const r of rows) storedTrace.set(r.id, r.trace_id);
    }
    const seen = new Set<string>();
    return spans.filter((s, index) => {
      const stored = storedTrace.get(s.id);
      if (stored !== undefined && stored !== s.traceId)
        throw new AssayError(
          'MALFORMED_REQUEST',
          `span ${index} (${JSON.stringify(s.id.slice(0, 64))}) repeats the id of a span stored in another trace (${JSON.stringify(stored.slice(0, 64))}); span ids must be unique across traces`,
          { span: index, field: 'spanId' },
        );
      if (stored !== undefined || seen.has(s.id)) return false;
      seen.add(s.id);
      return true;
    });
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('span')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  async get(id: string): Promise<SpanRecord | null> {
    const row = await this.db
      .selectFrom('span')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await this.records([row]))[0]! : null;
  }

  /** A trace's spans in the order they started; ids break ties of one millisecond. */
  async byTrace(traceId: string, limit = TRACE_SPAN_LIMIT): Promise<SpanRecord[]> {
    const rows = await this.db
      .selectFrom('span')
      .selectAll()
      .where('trace_id', '=', traceId)
      .orderBy('started_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return this.records(rows);
  }

  /** The reruns of a span, oldest first. */
  async rerunsOf(spanId: string): Promise<SpanRecord[]> {
    const rows = await this.db
      .selectFrom('span')
      .selectAll()
      .where('rerun_of', '=', spanId)
      .orderBy('started_at')
      .execute();
    return this.records(rows);
  }

  /** Rows to records, payloads kept in object storage fetched (verified) on the way. */
  private async records(rows: readonly Selectable<SpanTable>[]): Promise<SpanRecord[]> {
    const stubbed: { spanId: string; stub: PayloadStub }[] = [];
    for (const row of rows) {
      const stub = payloadStubOf(row);
      if (!stub) continue;
      if (!this.payloads) throw payloadWithoutBlobs(row.id, stub);
      stubbed.push({ spanId: row.id, stub });
    }
    const loaded = stubbed.length > 0 ? await this.payloads!.load(stubbed) : undefined;
    return rows.map((row) => toSpanRecord(row, loaded?.get(row.id)));
  }
}
