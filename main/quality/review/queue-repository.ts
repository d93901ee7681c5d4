import type { Kysely, Selectable } from 'kysely';
import type { ReviewQueueRule } from '../../../shared/contract/review';
import { readJsonOrNull, writeJson } from '../../store/json-column';
import type { DB, ReviewQueueTable } from '../../store/schema';

export type FillKind = 'hand' | 'filter' | 'rule';

/** A review queue as stored, with its grader's name (joined: queues show it everywhere). */
export interface QueueRecord {
  readonly id: string;
  readonly name: string;
  readonly graderId: string;
  readonly graderName: string;
  readonly filledBy: FillKind | null;
  readonly rule: ReviewQueueRule | null;
  readonly instructions: string;
  readonly archived: boolean;
  readonly createdAt: string;
}

type QueueRow = Selectable<ReviewQueueTable> & { grader_name: string };

function toQueue(row: QueueRow): QueueRecord {
  return {
    id: row.id,
    name: row.name,
    graderId: row.grader_id,
    graderName: row.grader_name,
    filledBy: row.filled_by as FillKind | null,
    rule: readJsonOrNull<ReviewQueueRule>(row.rule_json),
    instructions: row.instructions,
    archived: row.archived === 1,
    createdAt: row.created_at,
  };
}

/** Review queues. Items live in ItemRepository. */
export class QueueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private select() {
    return this.db
      .selectFrom('review_queue')
      .innerJoin('grader', 'grader.id', 'review_queue.grader_id')
      .selectAll('review_queue')
      .select('grader.name as grader_name');
  }

  async insert(queue: Omit<QueueRecord, 'graderName'>): Promise<void> {
    await this.db
      .insertInto('review_queue')
      .values({
        id: queue.id,
        name: queue.name,
        grader_id: queue.graderId,
        filled_by: queue.filledBy,
        rule_json: queue.rule === null ? null : writeJson(queue.rule),
        instructions: queue.instructions,
        archived: queue.archived ? 1 : 0,
        created_at: queue.createdAt,
      })
      .execute();
  }

  async queue(id: string): Promise<QueueRecord | null> {
    const row = await this.select().where('review_queue.id', '=', id).executeTakeFirst();
    return row ? toQueue(row) : null;
  }

  async liveByName(name: string): Promise<QueueRecord | null> {
    const row = await this.select()
      .where('review_queue.name', '=', name)
      .where('review_queue.archived', '=', 0)
      .executeTakeFirst();
    return row ? toQueue(row) : null;
  }

  /** Newest first. */
  async list(includeArchived: boolean): Promise<QueueRecord[]> {
    let q = this.select();
    if (!includeArchived) q = q.where('review_queue.archived', '=', 0);
    const rows = await q
      .orderBy('review_queue.created_at', 'desc')
      .orderBy('review_queue.id', 'desc')
      .execute();
    return rows.map(toQueue);
  }

  async setArchived(id: string, archived: boolean): Promise<void> {
    await this.db
      .updateTable('review_queue')
      .set({ archived: archived ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  /** Records how the queue was last filled (a hand fill keeps no rule). */
  async setFill(id: string, kind: FillKind, rule: ReviewQueueRule | null): Promise<void> {
    await this.db
      .updateTable('review_queue')
      .set({ filled_by: kind, rule_json: rule === null ? null : writeJson(rule) })
      .where('id', '=', id)
      .execute();
  }
}
