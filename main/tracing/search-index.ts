import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../store/schema';
import type { Dialect } from '../store/store';

/**
 * Full-text search over span inputs and outputs: SQLite's FTS5 (span_fts, keyed by the span's
 * rowid, holding the trace id) or a Postgres tsvector table (span_search). Both store the
 * words' index, not the text: the text is already in the span.
 */
export interface SearchIndex {
  add(tx: Kysely<DB>, entries: readonly SearchEntry[]): Promise<void>;
  /** Drops the entries of these spans (retention), before the spans themselves are deleted. */
  remove(tx: Kysely<DB>, spanIds: readonly string[]): Promise<void>;
  /** A condition on `trace.id`: the trace has a span whose words match `query`. */
  traceMatches(query: string): RawBuilder<SqlBool>;
  /** The same condition, in the form that reads fastest for how often `query` matches. */
  traceCondition(db: Kysely<DB>, query: string): Promise<RawBuilder<SqlBool>>;
}

export interface SearchEntry {
  readonly spanId: string;
  readonly traceId: string;
  readonly body: string;
}

/**
 * A user's search as an FTS5 query that cannot be a syntax error: every word (a run of letters
 * and digits, as the unicode61 tokenizer splits text) becomes a quoted token and all must
 * match, so `AND`, `*`, `:` or a lone quote are never parsed as operators. The index keeps no
 * positions (detail=none: it cut the index's insert time by a quarter and its size by more),
 * so a "quoted phrase" matches its words anywhere in the span, not only side by side.
 */
export function ftsQuery(query: string): string {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

/** NUL ends a C string in FTS5 and is refused in Postgres text. */
function clean(body: string): string {
  return body.includes('\u0000') ? body.replaceAll('\u0000', ' ') : body;
}

class SqliteSearchIndex implements SearchIndex {
  async add(tx: Kysely<DB>, entries: readonly SearchEntry[]): Promise<void> {
    const rows = entries.filter((e) => e.body.trim());
    if (rows.length === 0) return;
    // One statement for the batch (a statement per span cost a quarter of the index time):
    // the entries go in as one JSON array, and each finds its span's rowid by id.
    const json = JSON.stringify(rows.map((e) => [e.spanId, clean(e.body)]));
    await sql`INSERT INTO span_fts (rowid, trace_id, body)
              SELECT s.rowid, s.trace_id, e.value ->> 1
              FROM json_each(${json}) AS e JOIN span AS s ON s.id = e.value ->> 0`.execute(tx);
  }

  async remove(tx: Kysely<DB>, spanIds: readonly string[]): Promise<void> {
    if (spanIds.length === 0) return;
    await sql`DELETE FROM span_fts WHERE rowid IN
              (SELECT rowid FROM span WHERE id IN (${sql.join(spanIds)}))`.execute(tx);
  }

  traceMatches(query: string): RawBuilder<SqlBool> {
    const match = ftsQuery(query);
    if (!match) return sql<SqlBool>`1 = 1`;
    return sql<SqlBool>`trace.id IN (SELECT trace_id FROM span_fts WHERE span_fts MATCH ${match})`;
  }

  /**
   * `trace.id IN (every matching span's trace)` costs in proportion to the matches: a word in
   * 680k of 1M spans took 3.1 s. For such words, walking traces in the list's order and asking
   * FTS5 about each trace's spans by rowid finds a page in ~20-50 ms, but a rare word would walk
   * every trace (seconds). Counting the matches first (~1 ms rare, ~60-110 ms common) picks the
   * form: measured crossover near 25-30k matching spans (bench/traces-store.bench.ts).
   */
  async traceCondition(db: Kysely<DB>, query: string): Promise<RawBuilder<SqlBool>> {
    const match = ftsQuery(query);
    if (!match) return sql<SqlBool>`1 = 1`;
    const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM
      (SELECT 1 FROM span_fts WHERE span_fts MATCH ${match} LIMIT ${FREQUENT_MATCHES})`.execute(db);
    if (Number(counted.rows[0]?.n ?? 0) < FREQUENT_MATCHES) return this.traceMatches(query);
    return sql<SqlBool>`EXISTS (SELECT 1 FROM span s WHERE s.trace_id = trace.id AND s.rowid IN
      (SELECT rowid FROM span_fts WHERE span_fts MATCH ${match} AND rowid = s.rowid))`;
  }
}

/** Matching spans from which a search walks traces instead of collecting every match. */
const FREQUENT_MATCHES = 25_000;

class PostgresSearchIndex implements SearchIndex {
  async add(tx: Kysely<DB>, entries: readonly SearchEntry[]): Promise<void> {
    const rows = entries.filter((e) => e.body.trim());
    if (rows.length === 0) return;
    await sql`INSERT INTO span_search (span_id, trace_id, body) VALUES ${sql.join(
      rows.map((e) => sql`(${e.spanId}, ${e.traceId}, to_tsvector('simple', ${clean(e.body)}))`),
    )} ON CONFLICT (span_id) DO NOTHING`.execute(tx);
  }

  async remove(tx: Kysely<DB>, spanIds: readonly string[]): Promise<void> {
    if (spanIds.length === 0) return;
    await sql`DELETE FROM span_search WHERE span_id IN (${sql.join(spanIds)})`.execute(tx);
  }

  traceCondition(_db: Kysely<DB>, query: string): Promise<RawBuilder<SqlBool>> {
    return Promise.resolve(this.traceMatches(query));
  }

  traceMatches(query: string): RawBuilder<SqlBool> {
    if (!query.trim()) return sql<SqlBool>`1 = 1`;
    return sql<SqlBool>`trace.id IN (SELECT trace_id FROM span_search
      WHERE body @@ websearch_to_tsquery('simple', ${clean(query)}))`;
  }
}

export function searchIndexFor(dialect: Dialect): SearchIndex {
  return dialect === 'postgres' ? new PostgresSearchIndex() : new SqliteSearchIndex();
}
