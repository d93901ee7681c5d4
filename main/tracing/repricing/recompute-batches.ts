import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CostFilter, CostModel } from '../../../shared/contract/costs';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';
import { big } from './price-math';
import type { RepriceRange } from './reprice-range';
import { and, newCostExpr, repriceable, spanConditions, type PricedModel } from './reprice-sql';

/** Spans a batch transaction updates at most (more only when that many share one instant). */
export const RECOMPUTE_BATCH = 2_000;
/** Trace ids per statement that locks or sums traces again. */
const TRACE_CHUNK = 500;

export interface RecomputeScope {
  readonly range: RepriceRange;
  readonly filter: CostFilter;
  readonly model: CostModel | null;
}

/** What a recomputation saw and changed, summed over its batches. */
export interface RecomputeFigures {
  examined: number;
  changed: number;
  tracesUpdated: number;
  /** Pico-dollars over the spans examined; null while none of them was priced. */
  costBefore: bigint | null;
  costAfter: bigint | null;
  unpricedBefore: number;
  unpricedAfter: number;
  lostPrice: number;
  gainedPrice: number;
}

export const noFigures = (): RecomputeFigures => ({
  examined: 0,
  changed: 0,
  tracesUpdated: 0,
  costBefore: null,
  costAfter: null,
  unpricedBefore: 0,
  unpricedAfter: 0,
  lostPrice: 0,
  gainedPrice: 0,
});

const addCost = (a: bigint | null, b: bigint | null): bigint | null =>
  a === null ? b : b === null ? a : a + b;

/** The scope's spans; with `withRange` false the caller bounds started_at (one index range). */
function scopeConditions(
  store: Store,
  scope: RecomputeScope,
  withRange = true,
): RawBuilder<unknown>[] {
  return [
    ...spanConditions(store.dialect, withRange ? scope.range : null, scope.filter, scope.model),
    repriceable(store.dialect),
  ];
}

/** The (provider, model) pairs of the spans in scope, with how many spans each. */
export async function modelsInScope(
  store: Store,
  scope: RecomputeScope,
): Promise<{ provider: string; model: string; spans: number }[]> {
  const { rows } = await sql<{ provider: string; model: string; spans: number | string }>`
    SELECT span.provider AS provider, span.model AS model, count(*) AS spans
    FROM span WHERE ${and(scopeConditions(store, scope))}
    GROUP BY span.provider, span.model
    ORDER BY span.provider, span.model`.execute(store.db);
  return rows.map((r) => ({ provider: r.provider, model: r.model, spans: Number(r.spans) }));
}

/** A batch's lower bound on started_at: inclusive at first, exclusive after a one-instant batch. */
interface Lower {
  readonly at: string;
  readonly inclusive: boolean;
}

const lowerCondition = (lower: Lower) =>
  lower.inclusive ? sql`span.started_at >= ${lower.at}` : sql`span.started_at > ${lower.at}`;

/**
 * Walks the scope in started_at order, RECOMPUTE_BATCH spans a transaction, so ingest never
 * waits long for the write lock. A batch is bounded by the start time of the span just past
 * it (an index range read of the batch, not a sort of the table); spans sharing that instant
 * go to the next batch, and a run of more than a batch at one instant is a batch of its own.
 */
export async function recomputeInBatches(
  store: Store,
  scope: RecomputeScope,
  models: readonly PricedModel[],
  figures: RecomputeFigures,
  batchSize = RECOMPUTE_BATCH,
): Promise<void> {
  // Each statement bounds started_at once, by the batch's own edges: given the range's edges
  // too, SQLite may read the index over the whole range for every batch (1M spans: 190 s).
  const base = scopeConditions(store, scope, false);
  const rangeEnd = sql`span.started_at < ${scope.range.to}`;
  const newCost = newCostExpr(models);
  let lower: Lower = { at: scope.range.from, inclusive: true };
  for (;;) {
    const { rows } = await sql<{ started_at: string }>`
      SELECT span.started_at AS started_at FROM span
      WHERE ${and([...base, lowerCondition(lower), rangeEnd])}
      ORDER BY span.started_at LIMIT 1 OFFSET ${batchSize}`.execute(store.db);
    const bound = rows[0]?.started_at ?? null;
    let batch: RawBuilder<unknown>[];
    let next: Lower | null;
    if (bound === null) {
      batch = [...base, lowerCondition(lower), rangeEnd];
      next = null;
    } else if (bound !== lower.at) {
      batch = [...base, lowerCondition(lower), sql`span.started_at < ${bound}`];
      next = { at: bound, inclusive: true };
    } else {
      batch = [...base, sql`span.started_at = ${bound}`];
      next = { at: bound, inclusive: false };
    }
    // A batch that failed inside a group commit is run again alone: keep the last run's figures.
    const done: { figures: RecomputeFigures | null } = { figures: null };
    await store.writes.runLarge(async (tx) => {
      done.figures = await recomputeBatch(tx, store, batch, newCost);
    });
    if (done.figures) mergeFigures(figures, done.figures);
    if (next === null) return;
    lower = next;
  }
}

function mergeFigures(into: RecomputeFigures, from: RecomputeFigures): void {
  into.examined += from.examined;
  into.changed += from.changed;
  into.tracesUpdated += from.tracesUpdated;
  into.costBefore = addCost(into.costBefore, from.costBefore);
  into.costAfter = addCost(into.costAfter, from.costAfter);
  into.unpricedBefore += from.unpricedBefore;
  into.unpricedAfter += from.unpricedAfter;
  into.lostPrice += from.lostPrice;
  into.gainedPrice += from.gainedPrice;
}

interface BatchRow {
  examined: number | string;
  before: string | null;
  after: string | null;
  unpriced_before: number | string | null;
  unpriced_after: number | string | null;
  changed: number | string | null;
  lost: number | string | null;
  gained: number | string | null;
}

/** One batch in one transaction: its figures, its spans' new costs, their traces' sums. */
async function recomputeBatch(
  tx: Kysely<DB>,
  store: Store,
  batch: RawBuilder<unknown>[],
  newCost: RawBuilder<number | null>,
): Promise<RecomputeFigures> {
  const where = and(batch);
  const { rows } = await sql<BatchRow>`
    SELECT count(*) AS examined,
           CAST(sum(t.old) AS TEXT) AS before, CAST(sum(t.new) AS TEXT) AS after,
           sum(CASE WHEN t.status = 'ok' AND t.old IS NULL THEN 1 ELSE 0 END) AS unpriced_before,
           sum(CASE WHEN t.status = 'ok' AND t.new IS NULL THEN 1 ELSE 0 END) AS unpriced_after,
           sum(CASE WHEN t.old IS DISTINCT FROM t.new THEN 1 ELSE 0 END) AS changed,
           sum(CASE WHEN t.old IS NOT NULL AND t.new IS NULL THEN 1 ELSE 0 END) AS lost,
           sum(CASE WHEN t.old IS NULL AND t.new IS NOT NULL THEN 1 ELSE 0 END) AS gained
    FROM (SELECT span.cost_pico_usd AS old, ${newCost} AS new, span.status AS status
          FROM span WHERE ${where}) AS t`.execute(tx);
  const row = rows[0]!;
  const n = (v: number | string | null) => Number(v ?? 0);
  const figures: RecomputeFigures = {
    examined: n(row.examined),
    changed: n(row.changed),
    tracesUpdated: 0,
    costBefore: row.before === null ? null : big(row.before),
    costAfter: row.after === null ? null : big(row.after),
    unpricedBefore: n(row.unpriced_before),
    unpricedAfter: n(row.unpriced_after),
    lostPrice: n(row.lost),
    gainedPrice: n(row.gained),
  };
  if (figures.changed === 0) return figures;
  const changed = sql`span.cost_pico_usd IS DISTINCT FROM ${newCost}`;
  const traces = await sql<{ trace_id: string }>`
    SELECT DISTINCT span.trace_id AS trace_id FROM span WHERE ${where} AND ${changed}`.execute(tx);
  const traceIds = traces.rows.map((r) => r.trace_id).sort();
  // PostgreSQL: hold the traces before their spans change. Ingest adds a new span's cost to
  // its trace row (trace-upsert.ts) in the transaction that stores the span: once these rows
  // are held, such a span is either committed (and counted in the sums below, a statement
  // that sees it) or waits and adds its cost to the summed row afterwards. SQLite has one
  // writer at a time, so nothing can come between.
  if (store.dialect === 'postgres')
    for (const ids of chunks(traceIds))
      await sql`SELECT id FROM trace WHERE id IN (${sql.join(ids)}) ORDER BY id FOR UPDATE`.execute(
        tx,
      );
  await sql`UPDATE span SET cost_pico_usd = ${newCost} WHERE ${where} AND ${changed}`.execute(tx);
  // A trace's cost sums every priced span of it and counts the LLM spans that answered without
  // a price, as trace-fold.ts does on ingest: summed again from the stored spans.
  for (const ids of chunks(traceIds))
    await sql`
      UPDATE trace SET
        cost_pico_usd = (SELECT sum(s.cost_pico_usd) FROM span s WHERE s.trace_id = trace.id),
        unpriced_count = (SELECT count(*) FROM span s WHERE s.trace_id = trace.id
          AND s.kind = 'llm' AND s.status = 'ok' AND s.cost_pico_usd IS NULL)
      WHERE trace.id IN (${sql.join(ids)})`.execute(tx);
  figures.tracesUpdated = traceIds.length;
  return figures;
}

function chunks(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += TRACE_CHUNK) out.push(ids.slice(i, i + TRACE_CHUNK));
  return out;
}
