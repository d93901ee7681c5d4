import type { Kysely, Selectable } from 'kysely';
import type { ReviewItemState, ReviewItemView } from '../../../shared/contract/review';
import type { DB, ReviewItemTable } from '../../store/schema';

export type ItemRecord = ReviewItemView;

function toItem(row: Selectable<ReviewItemTable>): ItemRecord {
  return {
    id: row.id,
    queueId: row.queue_id,
    targetId: row.target_id,
    position: row.position,
    assignee: row.assignee,
    state: row.state as ReviewItemState,
    completedAt: row.completed_at,
    scoreId: row.score_id,
  };
}

const itemRow = (item: ItemRecord) => ({
  id: item.id,
  queue_id: item.queueId,
  target_id: item.targetId,
  position: item.position,
  assignee: item.assignee,
  state: item.state,
  completed_at: item.completedAt,
  score_id: item.scoreId,
});

/** Rows per insert: 500 × 8 parameters stays far under both drivers' limits. */
const CHUNK = 500;

export interface StateCount {
  readonly queueId: string;
  readonly assignee: string | null;
  readonly state: ReviewItemState;
  readonly count: number;
}

/** A completed item's human score, as agreement reads it. */
export interface ScoredItem {
  readonly targetId: string;
  readonly assignee: string;
  readonly value: number | null;
  readonly level: string | null;
}

/** Review items: one interaction for one reviewer (or open, with no assignee). */
export class ItemRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts, skipping any that would repeat (queue, target, assignee); returns how many went in. */
  async insert(items: readonly ItemRecord[]): Promise<number> {
    let inserted = 0;
    for (let at = 0; at < items.length; at += CHUNK) {
      const result = await this.db
        .insertInto('review_item')
        .values(items.slice(at, at + CHUNK).map(itemRow))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return inserted;
  }

  async item(id: string): Promise<ItemRecord | null> {
    const row = await this.db
      .selectFrom('review_item')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toItem(row) : null;
  }

  /** Every interaction in the queue, with the reviewers who hold it (null: open). */
  async holders(queueId: string): Promise<Map<string, (string | null)[]>> {
    const rows = await this.db
      .selectFrom('review_item')
      .select(['target_id', 'assignee'])
      .where('queue_id', '=', queueId)
      .execute();
    const byTarget = new Map<string, (string | null)[]>();
    for (const row of rows) {
      const list = byTarget.get(row.target_id) ?? [];
      list.push(row.assignee);
      byTarget.set(row.target_id, list);
    }
    return byTarget;
  }

  async maxPosition(queueId: string): Promise<number> {
    const row = await this.db
      .selectFrom('review_item')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('queue_id', '=', queueId)
      .executeTakeFirst();
    return row?.max ?? 0;
  }

  /** Open items (no reviewer yet) in queue order. */
  async open(queueId: string): Promise<ItemRecord[]> {
    const rows = await this.db
      .selectFrom('review_item')
      .selectAll()
      .where('queue_id', '=', queueId)
      .where('assignee', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toItem);
  }

  /**
   * What a reviewer works through, in queue order: their own items, and the open ones for
   * interactions they hold no item of (they take one by scoring or skipping it).
   */
  async forReviewer(queueId: string, reviewer: string): Promise<ItemRecord[]> {
    const rows = await this.db
      .selectFrom('review_item as i')
      .selectAll('i')
      .where('i.queue_id', '=', queueId)
      .where((eb) =>
        eb.or([
          eb('i.assignee', '=', reviewer),
          eb.and([
            eb('i.assignee', 'is', null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('review_item as m')
                  .select('m.id')
                  .whereRef('m.queue_id', '=', 'i.queue_id')
                  .whereRef('m.target_id', '=', 'i.target_id')
                  .where('m.assignee', '=', reviewer),
              ),
            ),
          ]),
        ]),
      )
      .orderBy('i.position')
      .orderBy('i.id')
      .execute();
    return rows.map(toItem);
  }

  /** The item of one interaction a reviewer holds in a queue, if any. */
  async heldBy(queueId: string, targetId: string, reviewer: string): Promise<ItemRecord | null> {
    const row = await this.db
      .selectFrom('review_item')
      .selectAll()
      .where('queue_id', '=', queueId)
      .where('target_id', '=', targetId)
      .where('assignee', '=', reviewer)
      .executeTakeFirst();
    return row ? toItem(row) : null;
  }

  /** Gives an open item to a reviewer; false if someone took it first. */
  async take(id: string, reviewer: string): Promise<boolean> {
    const result = await this.db
      .updateTable('review_item')
      .set({ assignee: reviewer })
      .where('id', '=', id)
      .where('assignee', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Completes an item with the score it produced; a completed item keeps its first score. */
  async complete(id: string, scoreId: string, at: string): Promise<void> {
    await this.db
      .updateTable('review_item')
      .set({ state: 'completed', score_id: scoreId, completed_at: at })
      .where('id', '=', id)
      .where('state', '<>', 'completed')
      .execute();
  }

  async skip(id: string): Promise<void> {
    await this.db
      .updateTable('review_item')
      .set({ state: 'skipped' })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute();
  }

  /** Items per queue, reviewer and state: every count a queue view shows. */
  async counts(queueIds: readonly string[]): Promise<StateCount[]> {
    if (queueIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('review_item')
      .select((eb) => ['queue_id', 'assignee', 'state', eb.fn.countAll<number>().as('n')])
      .where('queue_id', 'in', queueIds)
      .groupBy(['queue_id', 'assignee', 'state'])
      .execute();
    return rows.map((r) => ({
      queueId: r.queue_id,
      assignee: r.assignee,
      state: r.state as ReviewItemState,
      count: Number(r.n),
    }));
  }

  /** The completed items' human scores (agreement compares them per interaction). */
  async scored(queueId: string): Promise<ScoredItem[]> {
    const rows = await this.db
      .selectFrom('review_item')
      .innerJoin('score', 'score.id', 'review_item.score_id')
      .select(['review_item.target_id', 'review_item.assignee', 'score.value', 'score.level'])
      .where('review_item.queue_id', '=', queueId)
      .where('review_item.state', '=', 'completed')
      .where('review_item.assignee', 'is not', null)
      .execute();
    return rows.map((r) => ({
      targetId: r.target_id,
      assignee: r.assignee!,
      value: r.value,
      level: r.level,
    }));
  }
}
