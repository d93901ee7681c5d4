import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, TraceTable } from '../store/schema';
import type { Dialect } from '../store/store';
import { greatest, least, msBetween } from '../store/sql-fragments';

/**
 * Merges a folded summary (trace-fold.ts) into the stored trace row in one statement, so two
 * writers (two server processes on Postgres) never lose each other's spans: sums add, times
 * widen, and the root's name, source and previews replace a non-root's when the root arrives.
 */
export async function upsertTraceRows(
  db: Kysely<DB>,
  dialect: Dialect,
  rows: readonly Insertable<TraceTable>[],
): Promise<void> {
  // One statement per chunk: a batch of 512 spans holds ~100 traces (a statement each cost ~15%).
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK)
    await upsertChunk(db, dialect, rows.slice(i, i + UPSERT_CHUNK));
}

/** 23 columns a row: far below either database's bound-parameter limit. */
const UPSERT_CHUNK = 200;

async function upsertChunk(
  db: Kysely<DB>,
  dialect: Dialect,
  rows: readonly Insertable<TraceTable>[],
): Promise<void> {
  const rootArrives = sql`trace.root_span_id IS NULL AND excluded.root_span_id IS NOT NULL`;
  const rootWins = (column: string) =>
    sql<
      string | null
    >`CASE WHEN ${rootArrives} THEN coalesce(excluded.${sql.raw(column)}, trace.${sql.raw(column)})
        ELSE coalesce(trace.${sql.raw(column)}, excluded.${sql.raw(column)}) END`;
  const firstWins = (column: string) =>
    sql<string | null>`coalesce(trace.${sql.raw(column)}, excluded.${sql.raw(column)})`;
  const add = (column: string) =>
    sql<number>`trace.${sql.raw(column)} + excluded.${sql.raw(column)}`;
  const started = least(dialect, sql.ref('trace.started_at'), sql.ref('excluded.started_at'));
  const ended = greatest(dialect, sql.ref('trace.ended_at'), sql.ref('excluded.ended_at'));
  await db
    .insertInto('trace')
    .values([...rows])
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: sql<string>`CASE WHEN ${rootArrives} THEN excluded.name ELSE trace.name END`,
        source: sql<string>`CASE WHEN ${rootArrives} THEN excluded.source ELSE trace.source END`,
        root_span_id: firstWins('root_span_id'),
        started_at: started,
        ended_at: ended,
        latency_ms: msBetween(dialect, started, ended),
        span_count: add('span_count'),
        llm_count: add('llm_count'),
        error_count: add('error_count'),
        input_tokens: add('input_tokens'),
        output_tokens: add('output_tokens'),
        cost_pico_usd: sql<
          number | null
        >`CASE WHEN trace.cost_pico_usd IS NULL THEN excluded.cost_pico_usd
          WHEN excluded.cost_pico_usd IS NULL THEN trace.cost_pico_usd
          ELSE trace.cost_pico_usd + excluded.cost_pico_usd END`,
        unpriced_count: add('unpriced_count'),
        provider: firstWins('provider'),
        model: firstWins('model'),
        prompt_version_id: rootWins('prompt_version_id'),
        session_id: rootWins('session_id'),
        user_id: rootWins('user_id'),
        tags_json: rootWins('tags_json'),
        input_preview: rootWins('input_preview'),
        output_preview: rootWins('output_preview'),
      }),
    )
    .execute();
}
