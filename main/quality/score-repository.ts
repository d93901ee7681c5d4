import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ScoreSource, ScoreTarget, ScoreView } from '../../shared/contract/quality';
import { picoToUsd } from '../../shared/money';
import type { DB, ScoreTable } from '../store/schema';

/** A score as stored: the view's fields, cost in exact pico-dollars, and the retry key. */
export interface ScoreRecord {
  readonly id: string;
  readonly target: ScoreTarget;
  readonly graderId: string | null;
  readonly graderVersionId: string | null;
  readonly name: string;
  readonly value: number | null;
  readonly level: string | null;
  readonly reason: string | null;
  readonly source: ScoreSource;
  readonly costPicoUsd: number | null;
  readonly author: string | null;
  readonly idempotencyKey: string | null;
  readonly createdAt: string;
}

function toScore(row: Selectable<ScoreTable>): ScoreRecord {
  return {
    id: row.id,
    target: { type: row.target_type as ScoreTarget['type'], id: row.target_id },
    graderId: row.grader_id,
    graderVersionId: row.grader_version_id,
    name: row.name,
    value: row.value,
    level: row.level,
    reason: row.reason,
    source: row.source as ScoreSource,
    costPicoUsd: row.cost_pico_usd,
    author: row.author,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
  };
}

/** A score as its row: one mapping for every writer of scores. */
export function scoreRow(score: ScoreRecord): Insertable<ScoreTable> & { readonly id: string } {
  return {
    id: score.id,
    target_type: score.target.type,
    target_id: score.target.id,
    grader_id: score.graderId,
    grader_version_id: score.graderVersionId,
    name: score.name,
    value: score.value,
    level: score.level,
    reason: score.reason,
    source: score.source,
    cost_pico_usd: score.costPicoUsd,
    author: score.author,
    idempotency_key: score.idempotencyKey,
    created_at: score.createdAt,
  };
}

export function scoreView(score: ScoreRecord): ScoreView {
  return {
    id: score.id,
    target: score.target,
    graderId: score.graderId,
    graderVersionId: score.graderVersionId,
    name: score.name,
    value: score.value,
    level: score.level,
    reason: score.reason,
    source: score.source,
    costUsd: score.costPicoUsd === null ? null : picoToUsd(score.costPicoUsd),
    author: score.author,
    createdAt: score.createdAt,
  };
}

export interface ScoreFilter {
  readonly target?: ScoreTarget;
  readonly graderId?: string;
  readonly limit: number;
}

/** Scores of every source. Rows are never updated: a new judgement is a new score. */
export class ScoreRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Inserts unless the idempotency key is stored, or (a grader's score) the target already has
   * a score from that grader version; returns whether it was new. Never fails on those, so a
   * retry inside a group commit cannot fail the other writes of its batch.
   */
  async insert(score: ScoreRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('score')
      .values(scoreRow(score))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async byKey(key: string): Promise<ScoreRecord | null> {
    const row = await this.db
      .selectFrom('score')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row ? toScore(row) : null;
  }

  /** The score a grader version gave a target, if it gave one. */
  async byGraderVersion(target: ScoreTarget, graderVersionId: string): Promise<ScoreRecord | null> {
    const row = await this.db
      .selectFrom('score')
      .selectAll()
      .where('target_type', '=', target.type)
      .where('target_id', '=', target.id)
      .where('grader_version_id', '=', graderVersionId)
      .where('source', '=', 'grader')
      .executeTakeFirst();
    return row ? toScore(row) : null;
  }

  /** Newest first, in the order of the (target | grader, created_at, id) indexes. */
  async list(filter: ScoreFilter): Promise<ScoreRecord[]> {
    let q = this.db.selectFrom('score').selectAll();
    if (filter.target)
      q = q.where('target_type', '=', filter.target.type).where('target_id', '=', filter.target.id);
    if (filter.graderId !== undefined) q = q.where('grader_id', '=', filter.graderId);
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(toScore);
  }
}
