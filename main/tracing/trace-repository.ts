import {
  sql,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { TraceFilter, TraceSummary } from '../../shared/contract/traces';
import { picoToUsd, usdToPico } from '../../shared/money';
import { readJsonOrNull } from '../store/json-column';
import type { DB, TraceTable } from '../store/schema';
import { jsonArrayHas } from '../store/sql-fragments';
import type { Dialect } from '../store/store';
import { searchIndexFor, type SearchIndex } from './search-index';

export type TraceSort = 'time' | 'cost' | 'latency' | 'tokens';

/** Matches of an indexed equality filter from which a non-time sort walks its own index. */
const SORT_WALK_FROM = 5_000;

const SORT_COLUMN = {
  time: 'started_at',
  cost: 'cost_pico_usd',
  latency: 'latency_ms',
  tokens: 'output_tokens',
} as const satisfies Record<TraceSort, keyof TraceTable>;

export function toTraceSummary(row: Selectable<TraceTable>): TraceSummary {
  return {
    id: row.id,
    name: row.name,
    source: row.source as TraceSummary['source'],
    rootSpanId: row.root_span_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    latencyMs: row.latency_ms,
    spanCount: row.span_count,
    llmCount: row.llm_count,
    errorCount: row.error_count,
    status: row.error_count > 0 ? 'error' : 'ok',
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    costUsd: row.cost_pico_usd === null ? null : picoToUsd(row.cost_pico_usd),
    unpricedCount: row.unpriced_count,
    provider: row.provider,
    model: row.model,
    promptVersionId: row.prompt_version_id,
    sessionId: row.session_id,
    userId: row.user_id,
    tags: readJsonOrNull<string[]>(row.tags_json) ?? [],
    inputPreview: row.input_preview,
    outputPreview: row.output_preview,
  };
}

/** Trace summary rows: the Traces list, its filters and full-text search. */
export class TraceRepository {
  private readonly search: SearchIndex;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {
    this.search = searchIndexFor(dialect);
  }

  async get(id: string): Promise<TraceSummary | null> {
    const row = await this.db
      .selectFrom('trace')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toTraceSummary(row) : null;
  }

  /** One page more than asked is read, to know whether another page follows. */
  async list(input: {
    filter: TraceFilter;
    sort: TraceSort;
    order: 'asc' | 'desc';
    offset: number;
    limit: number;
  }): Promise<{ items: TraceSummary[]; nextOffset: number | null }> {
    const column = SORT_COLUMN[input.sort];
    const search = input.filter.search
      ? await this.search.traceCondition(this.db, input.filter.search)
      : undefined;
    const walk = await this.walksSortIndex(input.filter, input.sort);
    const rows = await this.filtered(input.filter, search, walk)
      .selectAll()
      .orderBy(column, input.order)
      // SQLite: every sort column's index ends in the rowid, so with rowid as the tie-break the
      // index gives the whole order and the page is read by walking it, never by sorting every
      // match (a provider filter sorted 222,000 traces in 161 ms with `id` as the tie-break).
      .orderBy(this.dialect === 'sqlite' ? sql`rowid` : sql.ref('id'), input.order)
      .offset(input.offset)
      .limit(input.limit + 1)
      .execute();
    const more = rows.length > input.limit;
    return {
      items: rows.slice(0, input.limit).map(toTraceSummary),
      nextOffset: more ? input.offset + input.limit : null,
    };
  }

  /**
   * Whether a page sorted by cost, latency or tokens should walk that column's index instead
   * of its equality filter's (model, user, session, prompt version; each indexed with time).
   * The filter's index reads only the matches but must sort them all: fine for a few thousand,
   * 35-128 ms for a model with 10,000 traces of 222,000. Walking the sort index stops at the
   * page, after ~2 ms when matches are common, but would read most of the table for a rare one.
   * Counting the matches (bounded) picks the form, as the search does for frequent words.
   */
  private async walksSortIndex(f: TraceFilter, sort: TraceSort): Promise<boolean> {
    if (this.dialect !== 'sqlite' || sort === 'time' || f.search) return false;
    if (!(f.model || f.userId || f.sessionId || f.promptVersionId)) return false;
    const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (${this.filtered(f)
      .select(sql`1`.as('one'))
      .limit(SORT_WALK_FROM)})`.execute(this.db);
    return Number(counted.rows[0]?.n ?? 0) >= SORT_WALK_FROM;
  }

  private filtered(
    f: TraceFilter,
    search?: RawBuilder<SqlBool>,
    walkSortIndex = false,
  ): SelectQueryBuilder<DB, 'trace', object> {
    // A unary + keeps SQLite from reading a term through its index (walksSortIndex).
    const eq = (column: 'model' | 'user_id' | 'session_id' | 'prompt_version_id', value: string) =>
      walkSortIndex
        ? sql<SqlBool>`+${sql.ref(`trace.${column}`)} = ${value}`
        : sql<SqlBool>`${sql.ref(`trace.${column}`)} = ${value}`;
    let q = this.db.selectFrom('trace');
    if (f.from) q = q.where('started_at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('started_at', '<', new Date(f.to).toISOString());
    if (f.source) q = q.where('source', '=', f.source);
    if (f.provider) q = q.where('provider', '=', f.provider);
    if (f.model) q = q.where(eq('model', f.model));
    if (f.promptVersionId) q = q.where(eq('prompt_version_id', f.promptVersionId));
    if (f.status === 'error') q = q.where('error_count', '>', 0);
    if (f.status === 'ok') q = q.where('error_count', '=', 0);
    if (f.minCostUsd !== undefined) q = q.where('cost_pico_usd', '>=', usdToPico(f.minCostUsd));
    if (f.maxCostUsd !== undefined) q = q.where('cost_pico_usd', '<=', usdToPico(f.maxCostUsd));
    if (f.minLatencyMs !== undefined) q = q.where('latency_ms', '>=', f.minLatencyMs);
    if (f.maxLatencyMs !== undefined) q = q.where('latency_ms', '<=', f.maxLatencyMs);
    if (f.userId) q = q.where(eq('user_id', f.userId));
    if (f.sessionId) q = q.where(eq('session_id', f.sessionId));
    for (const tag of f.tags ?? []) q = q.where(jsonArrayHas(this.dialect, 'trace.tags_json', tag));
    if (f.search) q = q.where(search ?? this.search.traceMatches(f.search));
    return q;
  }

  /** Distinct values seen, for the filter pickers (bounded: a picker is not a report). */
  async facets(): Promise<{ providers: string[]; models: string[] }> {
    const providers = await this.db
      .selectFrom('trace')
      .select('provider')
      .distinct()
      .where('provider', 'is not', null)
      .limit(100)
      .execute();
    const models = await this.db
      .selectFrom('trace')
      .select('model')
      .distinct()
      .where('model', 'is not', null)
      .limit(500)
      .execute();
    return {
      providers: providers.map((r) => r.provider!).sort(),
      models: models.map((r) => r.model!).sort(),
    };
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('trace')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
