import { sql, type RawBuilder } from 'kysely';
import type { StatsFigures, StatsGroupBy } from '../../../shared/contract/trace-insights';
import { picoToUsd } from '../../../shared/money';

export interface StatsInput {
  readonly from?: string;
  readonly to?: string;
  readonly groupBy: StatsGroupBy;
  readonly filter: {
    readonly provider?: string;
    readonly model?: string;
    readonly promptVersionId?: string;
    readonly source?: string;
  };
}

export const GROUP_COLUMN = {
  provider: 'provider',
  model: 'model',
  prompt: 'prompt_version_id',
} as const satisfies Record<StatsGroupBy, string>;

/**
 * A span without a group value (no model, no prompt version) is grouped under '' so NULLs
 * join and compare like any key; no stored provider, model or version id is empty.
 */
export const NO_GROUP = '';

export interface BucketRow {
  day: string;
  gk: string;
  calls: number | string;
  errors: number | string;
  input_tokens: number | string | null;
  output_tokens: number | string | null;
  cost: number | string | null;
  unpriced: number | string;
  p95: number | string;
}

export const num = (v: number | string | null): number => (v === null ? 0 : Number(v));

export function figures(row: BucketRow): StatsFigures {
  const calls = num(row.calls);
  const errors = num(row.errors);
  return {
    calls,
    errors,
    errorRate: calls === 0 ? 0 : errors / calls,
    inputTokens: num(row.input_tokens),
    outputTokens: num(row.output_tokens),
    costUsd: row.cost === null ? null : picoToUsd(Number(row.cost)),
    unpricedCount: num(row.unpriced),
    p95LatencyMs: num(row.p95),
  };
}

/** The LLM spans a stats request covers: its range, its filter, and maybe only some groups. */
export function spanConditions(
  input: StatsInput,
  range: { startedFrom: string; startedBefore: string },
  onlyGroups: readonly string[] | null = null,
): RawBuilder<unknown>[] {
  const column = sql.ref(`span.${GROUP_COLUMN[input.groupBy]}`);
  const f = input.filter;
  const conditions: RawBuilder<unknown>[] = [
    sql`span.kind = 'llm'`,
    sql`span.started_at >= ${range.startedFrom}`,
    sql`span.started_at < ${range.startedBefore}`,
  ];
  if (f.provider) conditions.push(sql`span.provider = ${f.provider}`);
  if (f.model) conditions.push(sql`span.model = ${f.model}`);
  if (f.promptVersionId) conditions.push(sql`span.prompt_version_id = ${f.promptVersionId}`);
  if (f.source) conditions.push(sql`span.source = ${f.source}`);
  if (onlyGroups)
    conditions.push(
      sql`coalesce(${column}, ${NO_GROUP}) IN (${sql.join(onlyGroups.map((g) => sql`${g}`))})`,
    );
  return conditions;
}

/**
 * Figures of LLM spans per bucket, in one portable statement and one sort (SQLite 3.28+ and
 * Postgres both have window functions and named windows): every span gets its bucket's sums and
 * its latency rank, and only the span at the nearest rank ceil(0.95 n) of each bucket is kept.
 * (A join of per-bucket aggregates back to the ranked spans was tried first: SQLite scanned
 * the ranked spans once per bucket, 10 s for 100k spans.) The rank uses integer arithmetic,
 * (95 n + 99) / 100, which is ceil(0.95 n) on both dialects (no ceil() in stock SQLite), so
 * p95 is exact and only one row per bucket leaves the database, however many spans match.
 */
export function bucketQuery(
  input: StatsInput,
  range: { startedFrom: string; startedBefore: string },
  byDay: boolean,
  byGroup: boolean,
  onlyGroups: readonly string[] | null,
): RawBuilder<BucketRow> {
  const column = sql.ref(`span.${GROUP_COLUMN[input.groupBy]}`);
  const dayExpr = byDay ? sql`substr(span.started_at, 1, 10)` : sql`''`;
  // A literal, not a parameter: Postgres cannot type a bare parameter in a select list.
  const groupExpr = byGroup ? sql`coalesce(${column}, ${NO_GROUP})` : sql`''`;
  const conditions = spanConditions(input, range, onlyGroups);
  return sql<BucketRow>`
    WITH s AS (
      SELECT ${dayExpr} AS day, ${groupExpr} AS gk, span.latency_ms AS latency_ms,
             span.status AS status, span.cost_pico_usd AS cost_pico_usd,
             span.input_tokens AS input_tokens, span.output_tokens AS output_tokens
      FROM span
      WHERE ${sql.join(conditions, sql` AND `)}
    ),
    ranked AS (
      SELECT day, gk, latency_ms,
             row_number() OVER (PARTITION BY day, gk ORDER BY latency_ms) AS rn,
             count(*) OVER bucket AS calls,
             sum(CASE WHEN status = 'error' THEN 1 ELSE 0 END) OVER bucket AS errors,
             sum(input_tokens) OVER bucket AS input_tokens,
             sum(output_tokens) OVER bucket AS output_tokens,
             sum(cost_pico_usd) OVER bucket AS cost,
             sum(CASE WHEN status = 'ok' AND cost_pico_usd IS NULL THEN 1 ELSE 0 END)
               OVER bucket AS unpriced
      FROM s
      WINDOW bucket AS (PARTITION BY day, gk)
    )
    SELECT day, gk, calls, errors, input_tokens, output_tokens, cost, unpriced,
           latency_ms AS p95
    FROM ranked
    WHERE rn = (95 * calls + 99) / 100
    ORDER BY day, gk`;
}

export type SumsRow = Omit<BucketRow, 'p95'>;

/** Mergeable figures (counts and sums) per day and group: one GROUP BY, no sort of spans. */
export function sumsQuery(
  input: StatsInput,
  range: { startedFrom: string; startedBefore: string },
): RawBuilder<SumsRow> {
  const column = sql.ref(`span.${GROUP_COLUMN[input.groupBy]}`);
  return sql<SumsRow>`
    SELECT substr(span.started_at, 1, 10) AS day, coalesce(${column}, ${NO_GROUP}) AS gk,
           count(*) AS calls,
           sum(CASE WHEN span.status = 'error' THEN 1 ELSE 0 END) AS errors,
           sum(span.input_tokens) AS input_tokens, sum(span.output_tokens) AS output_tokens,
           sum(span.cost_pico_usd) AS cost,
           sum(CASE WHEN span.status = 'ok' AND span.cost_pico_usd IS NULL THEN 1 ELSE 0 END)
             AS unpriced
    FROM span
    WHERE ${sql.join(spanConditions(input, range), sql` AND `)}
    -- By position: Postgres would not match the select's coalesce(col, $1) to a second $n.
    GROUP BY 1, 2`;
}

export interface LatencyRow {
  day: string;
  gk: string;
  latency_ms: number | string;
}

/** Each span's latency with its day and group, at most `limit` rows. */
export function latencyQuery(
  input: StatsInput,
  range: { startedFrom: string; startedBefore: string },
  limit: number,
): RawBuilder<LatencyRow> {
  const column = sql.ref(`span.${GROUP_COLUMN[input.groupBy]}`);
  return sql<LatencyRow>`
    SELECT substr(span.started_at, 1, 10) AS day, coalesce(${column}, ${NO_GROUP}) AS gk,
           span.latency_ms AS latency_ms
    FROM span
    WHERE ${sql.join(spanConditions(input, range), sql` AND `)}
    LIMIT ${limit}`;
}
