import { sql, type RawBuilder } from 'kysely';
import type { ScoreConfig, ScoreSource } from '../../../shared/contract/quality';
import { UNSCORED_BUCKET, type DashboardSplit } from '../../../shared/contract/quality-insights';
import { binThresholds } from './score-buckets';

/**
 * The dashboard's SQL, one portable statement per grader so each reads one range of the
 * score_grader index (grader_id, created_at). Buckets and split values are computed in the
 * database, so only one row per (version, day, split value, bucket) leaves it, however many
 * scores match.
 *
 * The split reads the target's own tables (interaction and its trace, span, eval result and its
 * run) in the same statement. That is a read of the tracing and eval domains' rows outside
 * their services, on purpose: asking those services target by target would mean a million
 * calls for a million scores.
 */

export interface VersionConfig {
  readonly id: string;
  readonly config: ScoreConfig;
}

export interface ScoreScope {
  readonly graderId: string;
  /** A pinned version: only its scores. */
  readonly versionId: string | null;
  readonly since: string;
  readonly before: string;
  readonly source: ScoreSource | undefined;
}

/** A text literal, not a parameter: Postgres cannot type a bare parameter in a select list. */
const text = (value: string) => sql.lit(value);

function configBucket(config: ScoreConfig): RawBuilder<string> {
  if (config.type === 'categorical') return sql`coalesce(s.level, ${text(UNSCORED_BUCKET)})`;
  if (config.type === 'boolean')
    return sql`CASE WHEN s.value = 1 THEN ${text('true')} ELSE ${text('false')} END`;
  const op = config.higherIsBetter ? sql.raw('>=') : sql.raw('<=');
  const arms = binThresholds(config).map(
    ({ bin, at }) => sql`WHEN s.value ${op} ${at} THEN ${text(String(bin))}`,
  );
  return sql`CASE ${sql.join(arms, sql` `)} ELSE ${text('0')} END`;
}

/** A score's bucket under its own version's config (see score-buckets.ts). */
export function bucketExpr(versions: readonly VersionConfig[]): RawBuilder<string> {
  const unscored = text(UNSCORED_BUCKET);
  if (versions.length === 0) return sql`${unscored}`;
  const arms = versions.map(
    (v) => sql`WHEN s.grader_version_id = ${v.id} THEN ${configBucket(v.config)}`,
  );
  return sql`CASE WHEN s.value IS NULL THEN ${unscored} ${sql.join(arms, sql` `)} ELSE ${unscored} END`;
}

/** Every target table, left-joined: a score has one target, so at most one side matches. */
const TARGET_JOINS = sql`
  LEFT JOIN interaction i ON s.target_type = 'interaction' AND i.id = s.target_id
  LEFT JOIN trace t ON t.id = i.trace_id
  LEFT JOIN span sp ON s.target_type = 'span' AND sp.id = s.target_id
  LEFT JOIN eval_result er ON s.target_type = 'eval_result' AND er.id = s.target_id
  LEFT JOIN eval_run r ON r.id = er.run_id`;

/**
 * The split value of a score's target, '' when it has none ('' is never a stored prompt
 * version id or model, so it groups and compares like any key). An interaction's prompt
 * version is its own, else its trace's; its model is its trace's.
 */
export function splitExpr(split: DashboardSplit): RawBuilder<string> {
  if (split === 'prompt_version')
    return sql`coalesce(i.prompt_version_id, t.prompt_version_id, sp.prompt_version_id, r.prompt_version_id, '')`;
  if (split === 'model')
    return sql`coalesce(t.provider || ':' || t.model, t.model, sp.provider || ':' || sp.model, sp.model, r.provider || ':' || r.model, '')`;
  return sql`${text('')}`;
}

export const joinsFor = (split: DashboardSplit) => (split === 'none' ? sql`` : TARGET_JOINS);

function conditions(scope: ScoreScope): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [
    sql`s.grader_id = ${scope.graderId}`,
    sql`s.created_at >= ${scope.since}`,
    sql`s.created_at < ${scope.before}`,
  ];
  if (scope.versionId !== null) where.push(sql`s.grader_version_id = ${scope.versionId}`);
  if (scope.source !== undefined) where.push(sql`s.source = ${scope.source}`);
  return where;
}

export interface AggregateRow {
  v: string;
  day: string;
  sk: string;
  b: string;
  src: string;
  n: number | string;
  scored: number | string;
  total: number | string | null;
  cost: number | string | null;
}

/** Grouped by source too when `bySource` (the per-day sums keep it for the source filter). */
export function aggregateQuery(
  scope: ScoreScope,
  split: DashboardSplit,
  versions: readonly VersionConfig[],
  bySource = false,
): RawBuilder<AggregateRow> {
  const src = bySource ? sql`s.source` : sql`${text('')}`;
  return sql<AggregateRow>`
    SELECT s.grader_version_id AS v, substr(s.created_at, 1, 10) AS day,
      ${splitExpr(split)} AS sk, ${bucketExpr(versions)} AS b, ${src} AS src,
      count(*) AS n, count(s.value) AS scored, sum(s.value) AS total,
      sum(s.cost_pico_usd) AS cost
    FROM score s ${joinsFor(split)}
    WHERE ${sql.join(conditions(scope), sql` AND `)}
    GROUP BY 1, 2, 3, 4, 5`;
}

/** A row as the dashboard adds it up: normalized already, over versions and sources. */
export interface DayRow {
  day: string;
  sk: string;
  b: string;
  n: number | string;
  scored: number | string;
  /** Sum of the normalized (0..1) scores. */
  ns: number | string | null;
  cost: number | string | null;
}

/**
 * The rows of ended days, summed already (score-rollup.ts keeps them). Only what the dashboard
 * adds up leaves the database: no version or source (the filters use them), and the
 * normalized sum instead of the values, so no version's config is needed to read them.
 */
export function rollupQuery(
  scope: Pick<ScoreScope, 'graderId' | 'versionId' | 'source'>,
  split: DashboardSplit,
  firstDay: string,
  lastDay: string,
): RawBuilder<DayRow> {
  const where: RawBuilder<unknown>[] = [
    sql`grader_id = ${scope.graderId}`,
    sql`split = ${split}`,
    sql`day >= ${firstDay}`,
    sql`day <= ${lastDay}`,
  ];
  if (scope.versionId !== null) where.push(sql`grader_version_id = ${scope.versionId}`);
  if (scope.source !== undefined) where.push(sql`source = ${scope.source}`);
  return sql<DayRow>`
    SELECT day, split_key AS sk, bucket AS b, n, scored, norm_sum AS ns, cost_pico_usd AS cost
    FROM score_day
    WHERE ${sql.join(where, sql` AND `)}`;
}

export interface TargetRow {
  id: string;
  target_type: string;
  target_id: string;
  grader_version_id: string;
  value: number | null;
  level: string | null;
  reason: string | null;
  source: string;
  created_at: string;
  trace_id: string | null;
  run_id: string | null;
}

/** The scores behind one point, newest first, with where each target opens. */
export function targetsQuery(
  scope: ScoreScope,
  split: DashboardSplit,
  splitKey: string | null | undefined,
  bucket: { versions: readonly VersionConfig[]; key: string } | null,
  limit: number,
): RawBuilder<TargetRow> {
  const where = conditions(scope);
  if (split !== 'none' && splitKey !== undefined)
    where.push(sql`${splitExpr(split)} = ${splitKey ?? ''}`);
  if (bucket) where.push(sql`${bucketExpr(bucket.versions)} = ${bucket.key}`);
  return sql<TargetRow>`
    SELECT s.id, s.target_type, s.target_id, s.grader_version_id, s.value, s.level, s.reason,
      s.source, s.created_at, sp.trace_id AS trace_id, er.run_id AS run_id
    FROM score s ${TARGET_JOINS}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY s.created_at DESC, s.id DESC
    LIMIT ${limit}`;
}
