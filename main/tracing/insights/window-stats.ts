import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { StatsFigures } from '../../../shared/contract/trace-insights';
import type { DB } from '../../store/schema';
import { bucketQuery, figures } from './stats-sql';

/**
 * Figures over a window of minutes, not days (pulse alert rules): the cost dashboard's one
 * statement (stats-sql.ts) over `startedFrom <= started_at < startedBefore`, and the spans
 * behind a bad figure.
 */

export interface TrafficFilter {
  readonly model?: string;
  readonly promptVersionId?: string;
}

export interface TrafficWindow {
  readonly startedFrom: string;
  readonly startedBefore: string;
  readonly filter: TrafficFilter;
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

export async function windowFigures(db: Kysely<DB>, window: TrafficWindow): Promise<StatsFigures> {
  const input = { groupBy: 'model' as const, filter: window.filter };
  const { rows } = await bucketQuery(input, window, false, false, null).execute(db);
  return rows[0] ? figures(rows[0]) : EMPTY;
}

/** What makes a span one of the worst: it failed, it was slow, it cost the most. */
export type WorstBy = 'errors' | 'latency' | 'cost';

export interface WindowLinks {
  readonly traceIds: string[];
  readonly interactionIds: string[];
}

function llmSpans(db: Kysely<DB>, window: TrafficWindow) {
  let q = db
    .selectFrom('span')
    .select(['span.trace_id'])
    .where('span.kind', '=', 'llm')
    .where('span.started_at', '>=', window.startedFrom)
    .where('span.started_at', '<', window.startedBefore);
  if (window.filter.model) q = q.where('span.model', '=', window.filter.model);
  if (window.filter.promptVersionId)
    q = q.where('span.prompt_version_id', '=', window.filter.promptVersionId);
  return q;
}

type SpanQuery = ReturnType<typeof llmSpans>;

const ORDER: Record<WorstBy, (q: SpanQuery) => SpanQuery> = {
  errors: (q) => q.where('span.status', '=', 'error').orderBy('span.started_at', 'desc'),
  latency: (q) => q.orderBy('span.latency_ms', 'desc'),
  cost: (q) => q.where('span.cost_pico_usd', 'is not', null).orderBy('span.cost_pico_usd', 'desc'),
};

/** The traces of the window's worst spans (worst first) and the interactions logged on them. */
export async function windowWorst(
  db: Kysely<DB>,
  window: TrafficWindow,
  by: WorstBy,
  limit: number,
): Promise<WindowLinks> {
  // A trace holds several spans: read a few more than wanted so `limit` traces remain.
  const rows = await ORDER[by](llmSpans(db, window))
    .limit(limit * 4)
    .execute();
  const traceIds = [...new Set(rows.map((r) => r.trace_id))].slice(0, limit);
  return { traceIds, interactionIds: await interactionsOfTraces(db, traceIds) };
}

async function interactionsOfTraces(db: Kysely<DB>, traceIds: string[]): Promise<string[]> {
  if (traceIds.length === 0) return [];
  const rows = await db
    .selectFrom('interaction')
    .select(['id', 'trace_id'])
    .where('trace_id', 'in', traceIds)
    .execute();
  const rank = new Map(traceIds.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => rank.get(a.trace_id!)! - rank.get(b.trace_id!)! || a.id.localeCompare(b.id))
    .map((r) => r.id);
}

const CHUNK = 500;

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

function filtered<Q extends SelectQueryBuilder<DB, 'span', { id: string }>>(
  q: Q,
  filter: TrafficFilter,
): Q {
  let out = q;
  if (filter.model) out = out.where('span.model', '=', filter.model) as Q;
  if (filter.promptVersionId)
    out = out.where('span.prompt_version_id', '=', filter.promptVersionId) as Q;
  return out;
}

/**
 * Which of these interactions and spans match a filter (`interaction:<id>` / `span:<id>` keys).
 * An interaction's prompt is its own, else its trace's; its model is its trace's.
 */
export async function targetsMatching(
  db: Kysely<DB>,
  targets: readonly { type: string; id: string }[],
  filter: TrafficFilter,
): Promise<Set<string>> {
  const kept = new Set<string>();
  const interactionIds = targets.filter((t) => t.type === 'interaction').map((t) => t.id);
  const spanIds = targets.filter((t) => t.type === 'span').map((t) => t.id);
  const interactions = await inChunks(interactionIds, (chunk) => {
    let q = db
      .selectFrom('interaction')
      .leftJoin('trace', 'trace.id', 'interaction.trace_id')
      .select('interaction.id')
      .where('interaction.id', 'in', chunk);
    if (filter.model) q = q.where('trace.model', '=', filter.model);
    if (filter.promptVersionId)
      q = q.where((eb) =>
        eb(
          eb.fn.coalesce('interaction.prompt_version_id', 'trace.prompt_version_id'),
          '=',
          filter.promptVersionId!,
        ),
      );
    return q.execute();
  });
  for (const row of interactions) kept.add(`interaction:${row.id}`);
  const spans = await inChunks(spanIds, (chunk) =>
    filtered(
      db.selectFrom('span').select('span.id').where('span.id', 'in', chunk),
      filter,
    ).execute(),
  );
  for (const row of spans) kept.add(`span:${row.id}`);
  return kept;
}

/** The trace of each span given (spans that are gone are left out). */
export async function tracesOfSpans(
  db: Kysely<DB>,
  spanIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks(spanIds, (chunk) =>
    db.selectFrom('span').select(['id', 'trace_id']).where('id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.id, r.trace_id]));
}
