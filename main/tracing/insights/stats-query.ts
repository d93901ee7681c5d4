import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  StatsFigures,
  StatsGroupBy,
  TraceStats,
} from '../../../shared/contract/trace-insights';
import { MAX_STATS_GROUPS } from '../../../shared/contract/trace-insights';
import { picoToUsd } from '../../../shared/money';
import type { DB } from '../../store/schema';
import { statsRange } from './stats-range';

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

const GROUP_COLUMN = {
  provider: 'provider',
  model: 'model',
  prompt: 'prompt_version_id',
} as const satisfies Record<StatsGroupBy, string>;

/**
 * A span without a group value (no model, no prompt version) is grouped under '' so NULLs
 * join and compare like any key; no stored provider, model or version id is empty.
 */
const NO_GROUP = '';

interface BucketRow {
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

const num = (v: number | string | null): number => (v === null ? 0 : Number(v));

function figures(row: BucketRow): StatsFigures {
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

/**
 * Figures of LLM spans per bucket, in one portable statement (SQLite 3.25+ and Postgres both
 * have window functions): the aggregates per bucket, joined to the span whose latency has the
 * nearest rank ceil(0.95 n) in its bucket. The rank uses integer arithmetic,
 * (95 n + 99) / 100, which is ceil(0.95 n) on both dialects (no ceil() in stock SQLite), so
 * p95 is exact and only one row per bucket leaves the database, however many spans match.
 */
function bucketQuery(
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
  const f = input.filter;
  const conditions = [
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
             count(*) OVER (PARTITION BY day, gk) AS n
      FROM s
    ),
    agg AS (
      SELECT day, gk, count(*) AS calls,
             sum(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors,
             sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
             sum(cost_pico_usd) AS cost,
             sum(CASE WHEN status = 'ok' AND cost_pico_usd IS NULL THEN 1 ELSE 0 END) AS unpriced
      FROM s GROUP BY day, gk
    )
    SELECT agg.day, agg.gk, agg.calls, agg.errors, agg.input_tokens, agg.output_tokens,
           agg.cost, agg.unpriced, ranked.latency_ms AS p95
    FROM agg JOIN ranked ON ranked.day = agg.day AND ranked.gk = agg.gk
      AND ranked.rn = (95 * ranked.n + 99) / 100
    ORDER BY agg.day, agg.gk`;
}

const EMPTY: StatsFigures = {
  calls: 0,
  errors: 0,
  errorRate: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: null,
  unpricedCount: 0,
  p95LatencyMs: 0,
};

/**
 * The cost dashboard's figures over a date range. Four bucketings of the same spans (the
 * range, per group, per day, per day and group); past MAX_STATS_GROUPS groups (by calls) the
 * day-by-group series keeps the busiest ones and counts the rest, so an answer stays at most
 * 366 x MAX_STATS_GROUPS rows whatever the data holds.
 */
export async function traceStats(
  db: Kysely<DB>,
  input: StatsInput,
  now = Date.now(),
): Promise<TraceStats> {
  const range = statsRange(input.from, input.to, now);
  const run = async (byDay: boolean, byGroup: boolean, only: readonly string[] | null = null) =>
    (await bucketQuery(input, range, byDay, byGroup, only).execute(db)).rows;
  const [total] = await run(false, false);
  const groupRows = (await run(false, true)).sort(
    (a, b) => num(b.calls) - num(a.calls) || a.gk.localeCompare(b.gk),
  );
  const charted = groupRows.slice(0, MAX_STATS_GROUPS);
  const omitted = groupRows.length - charted.length;
  const daily = await run(true, false);
  const series =
    charted.length === 0
      ? []
      : await run(true, true, omitted > 0 ? charted.map((g) => g.gk) : null);
  const group = (gk: string) => (gk === NO_GROUP ? null : gk);
  return {
    from: range.from,
    to: range.to,
    groupBy: input.groupBy,
    days: range.days,
    totals: total ? figures(total) : EMPTY,
    groups: charted.map((row) => ({ ...figures(row), group: group(row.gk) })),
    daily: daily.map((row) => ({ ...figures(row), day: row.day })),
    series: series.map((row) => ({ ...figures(row), day: row.day, group: group(row.gk) })),
    groupsOmitted: omitted,
  };
}
