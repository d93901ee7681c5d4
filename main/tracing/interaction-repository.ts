import type { Kysely, Selectable } from 'kysely';
import type { Feedback, InteractionFilter, InteractionView } from '../../shared/contract/traces';
import { readJson, readJsonOrNull, writeJson } from '../store/json-column';
import type { DB, InteractionFeedbackTable, InteractionTable } from '../store/schema';
import { jsonArrayHas } from '../store/sql-fragments';
import type { Dialect } from '../store/store';

export type InteractionRecord = Omit<InteractionView, 'feedback'>;

/** A position in the (created_at, id) order of interactions. */
export interface InteractionCursor {
  readonly createdAt: string;
  readonly id: string;
}

function toInteraction(row: Selectable<InteractionTable>): InteractionRecord {
  return {
    id: row.id,
    type: row.type,
    traceId: row.trace_id,
    input: readJson<unknown>(row.input_json),
    output: readJsonOrNull<unknown>(row.output_json),
    sessionId: row.session_id,
    userId: row.user_id,
    tags: readJson<string[]>(row.tags_json),
    metadata: readJsonOrNull<Record<string, unknown>>(row.metadata_json),
    promptVersionId: row.prompt_version_id,
    spanIds: readJson<string[]>(row.span_ids_json),
    createdAt: row.created_at,
  };
}

function toFeedback(row: Selectable<InteractionFeedbackTable>): Feedback {
  return {
    id: row.id,
    interactionId: row.interaction_id,
    score: row.score,
    label: row.label,
    comment: row.comment,
    userId: row.user_id,
    createdAt: row.created_at,
  };
}

/** Interactions an app logged (interactions.create) and the feedback given on them. */
export class InteractionRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /** Inserts unless the id is stored already (an app retrying a create); returns whether it was new. */
  async insert(record: InteractionRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('interaction')
      .values({
        id: record.id,
        type: record.type,
        trace_id: record.traceId,
        input_json: writeJson(record.input ?? null),
        output_json:
          record.output === null || record.output === undefined ? null : writeJson(record.output),
        session_id: record.sessionId,
        user_id: record.userId,
        tags_json: writeJson(record.tags),
        metadata_json: record.metadata ? writeJson(record.metadata) : null,
        prompt_version_id: record.promptVersionId,
        span_ids_json: writeJson(record.spanIds),
        created_at: record.createdAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async addFeedback(feedback: Feedback): Promise<void> {
    await this.db
      .insertInto('interaction_feedback')
      .values({
        id: feedback.id,
        interaction_id: feedback.interactionId,
        score: feedback.score,
        label: feedback.label,
        comment: feedback.comment,
        user_id: feedback.userId,
        created_at: feedback.createdAt,
      })
      .execute();
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('interaction')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  async get(id: string): Promise<InteractionView | null> {
    const row = await this.db
      .selectFrom('interaction')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const [view] = await this.withFeedback([toInteraction(row)]);
    return view!;
  }

  /**
   * Interactions after a position in (created_at, id) order, oldest first, up to `through`
   * inclusive when given: the walk of a background reader (online scoring) that must see each
   * once. Rows only, without feedback.
   */
  async after(
    cursor: InteractionCursor,
    limit: number,
    through?: InteractionCursor,
  ): Promise<InteractionRecord[]> {
    let q = this.db
      .selectFrom('interaction')
      .selectAll()
      .where((eb) =>
        eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(cursor.createdAt, cursor.id)),
      );
    if (through)
      q = q.where((eb) =>
        eb(eb.refTuple('created_at', 'id'), '<=', eb.tuple(through.createdAt, through.id)),
      );
    const rows = await q.orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(toInteraction);
  }

  /** How many interactions a filter matches (a backtest's monthly volume). */
  async count(filter: InteractionFilter): Promise<number> {
    let q = this.db.selectFrom('interaction').select((eb) => eb.fn.countAll<number>().as('n'));
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.sessionId) q = q.where('session_id', '=', filter.sessionId);
    if (filter.userId) q = q.where('user_id', '=', filter.userId);
    if (filter.from) q = q.where('created_at', '>=', new Date(filter.from).toISOString());
    if (filter.to) q = q.where('created_at', '<', new Date(filter.to).toISOString());
    for (const tag of filter.tags ?? [])
      q = q.where(jsonArrayHas(this.dialect, 'interaction.tags_json', tag));
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(input: {
    filter: InteractionFilter;
    offset: number;
    limit: number;
  }): Promise<{ items: InteractionView[]; nextOffset: number | null }> {
    const f = input.filter;
    let q = this.db.selectFrom('interaction').selectAll();
    if (f.type) q = q.where('type', '=', f.type);
    if (f.sessionId) q = q.where('session_id', '=', f.sessionId);
    if (f.userId) q = q.where('user_id', '=', f.userId);
    if (f.from) q = q.where('created_at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('created_at', '<', new Date(f.to).toISOString());
    for (const tag of f.tags ?? [])
      q = q.where(jsonArrayHas(this.dialect, 'interaction.tags_json', tag));
    // A session reads as a conversation: oldest first; everything else newest first.
    const order = f.sessionId ? 'asc' : 'desc';
    const rows = await q
      .orderBy('created_at', order)
      .orderBy('id', order)
      .offset(input.offset)
      .limit(input.limit + 1)
      .execute();
    const items = await this.withFeedback(rows.slice(0, input.limit).map(toInteraction));
    return { items, nextOffset: rows.length > input.limit ? input.offset + input.limit : null };
  }

  private async withFeedback(records: InteractionRecord[]): Promise<InteractionView[]> {
    if (records.length === 0) return [];
    const rows = await this.db
      .selectFrom('interaction_feedback')
      .selectAll()
      .where(
        'interaction_id',
        'in',
        records.map((r) => r.id),
      )
      .orderBy('created_at')
      .execute();
    const byInteraction = new Map<string, Feedback[]>();
    for (const row of rows) {
      const list = byInteraction.get(row.interaction_id) ?? [];
      list.push(toFeedback(row));
      byInteraction.set(row.interaction_id, list);
    }
    return records.map((r) => ({ ...r, feedback: byInteraction.get(r.id) ?? [] }));
  }
}
