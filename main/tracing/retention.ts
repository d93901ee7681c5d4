import type { Kysely } from 'kysely';
import { PeriodicTask } from '../kit/periodic-task';
import type { DB } from '../store/schema';
import type { Store } from '../store/store';
import { searchIndexFor } from './search-index';

export interface PurgeReport {
  readonly traces: number;
  readonly spans: number;
  readonly interactions: number;
  readonly transactions: number;
}

/**
 * Bounds per write transaction: the write queue is shared with ingest, so a purge of a year of
 * traces runs as many short transactions (each well under 100 ms) rather than one that holds
 * the database for seconds. A trace with more spans than a batch is emptied over several.
 */
const TRACES_PER_TX = 200;
const SPANS_PER_TX = 2_000;
const INTERACTIONS_PER_TX = 1_000;

const DAY_MS = 86_400_000;

/**
 * Forgets what other domains keep about spans and interactions being deleted (their scores,
 * in the quality domain), inside the deleting transaction; wired in create-core.ts.
 */
export type ForgetDeleted = (
  tx: Kysely<DB>,
  targetType: 'interaction' | 'span',
  ids: readonly string[],
) => Promise<void>;

/** The start of the window kept: traces that ended before it are deleted. */
export function retentionCutoff(days: number, now = Date.now()): string {
  return new Date(now - days * DAY_MS).toISOString();
}

/**
 * Deletes traces that started and ended before `cutoff` with their spans, search entries and
 * trace rows, and interactions created before it (their feedback goes by cascade). Spans go
 * before their trace row, so a listed trace never lacks spans it had; an interrupted purge
 * resumes where it stopped. The scores of the spans and interactions of a batch go in that
 * batch's transaction (`forget`), so a crash never leaves scores of deleted targets.
 */
export async function purgeTracesBefore(
  store: Store,
  cutoff: string,
  forget: ForgetDeleted,
): Promise<PurgeReport> {
  const search = searchIndexFor(store.dialect);
  let traces = 0;
  let spans = 0;
  let interactions = 0;
  let transactions = 0;
  for (;;) {
    let done = false;
    await store.writes.run(async (tx) => {
      const old = await tx
        .selectFrom('trace')
        .select('id')
        .where('started_at', '<', cutoff)
        .where('ended_at', '<', cutoff)
        .orderBy('started_at')
        .limit(TRACES_PER_TX)
        .execute();
      if (old.length === 0) {
        done = true;
        return;
      }
      const traceIds = old.map((t) => t.id);
      const spanIds = (
        await tx
          .selectFrom('span')
          .select('id')
          .where('trace_id', 'in', traceIds)
          .limit(SPANS_PER_TX)
          .execute()
      ).map((s) => s.id);
      if (spanIds.length > 0) {
        await forget(tx, 'span', spanIds);
        await search.remove(tx, spanIds);
        await tx.deleteFrom('span').where('id', 'in', spanIds).execute();
        spans += spanIds.length;
      }
      // Fewer spans than a batch: these traces have none left, so their rows go too.
      if (spanIds.length < SPANS_PER_TX) {
        await tx.deleteFrom('trace').where('id', 'in', traceIds).execute();
        traces += traceIds.length;
      }
    });
    transactions++;
    if (done) break;
    // Let queued ingest and reads in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (;;) {
    let deleted = 0;
    await store.writes.run(async (tx) => {
      const old = await tx
        .selectFrom('interaction')
        .select('id')
        .where('created_at', '<', cutoff)
        .limit(INTERACTIONS_PER_TX)
        .execute();
      if (old.length === 0) return;
      const ids = old.map((i) => i.id);
      await forget(tx, 'interaction', ids);
      // Explicitly, not only by cascade: SQLite enforces foreign keys only with the pragma on.
      await tx.deleteFrom('interaction_feedback').where('interaction_id', 'in', ids).execute();
      await tx.deleteFrom('interaction').where('id', 'in', ids).execute();
      deleted = ids.length;
    });
    transactions++;
    interactions += deleted;
    if (deleted < INTERACTIONS_PER_TX) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { traces, spans, interactions, transactions };
}

const HOUR_MS = 3_600_000;

/**
 * The background sweep: shortly after start, then hourly, with the retention read fresh each
 * time (a change in Settings applies at the next sweep); null when retention is off.
 */
export class RetentionSweep extends PeriodicTask<PurgeReport> {
  constructor(
    purge: (cutoff: string) => Promise<PurgeReport>,
    retentionDays: () => number,
    onError: (err: unknown) => void,
    timing = { firstDelayMs: 15_000, intervalMs: HOUR_MS },
  ) {
    super(
      async (now) => {
        const days = retentionDays();
        return days <= 0 ? null : purge(retentionCutoff(days, now));
      },
      onError,
      timing,
    );
  }
}
