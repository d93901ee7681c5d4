import { sql, type Kysely, type Selectable } from 'kysely';
import type { AlertView, PulseCondition, AlertMetric } from '../../../shared/contract/pulse';
import { readJson, writeJson } from '../../store/json-column';
import type { AlertTable, DB } from '../../store/schema';

/** An alert as stored: the view without the delivery counts, with when it was read. */
export type AlertRecord = Omit<AlertView, 'read' | 'deliveries'> & {
  readonly readAt: string | null;
};

function toAlert(row: Selectable<AlertTable>): AlertRecord {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    metric: row.metric as AlertMetric,
    condition: readJson<PulseCondition>(row.condition_json),
    value: row.value,
    previousValue: row.previous_value,
    window: { from: row.window_from, to: row.window_to },
    firedAt: row.fired_at,
    summary: row.summary,
    interactionIds: readJson<string[]>(row.interaction_ids_json),
    traceIds: readJson<string[]>(row.trace_ids_json),
    readAt: row.read_at,
  };
}

export interface AlertFilter {
  readonly unreadOnly: boolean;
  readonly ruleId?: string;
  readonly offset: number;
  readonly limit: number;
}

type Counts = AlertView['deliveries'];
const NO_DELIVERIES: Counts = { pending: 0, delivered: 0, failed: 0 };

/** The inbox: alerts newest first, read or not. */
export class AlertRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(alert: AlertRecord): Promise<void> {
    await this.db
      .insertInto('alert')
      .values({
        id: alert.id,
        rule_id: alert.ruleId,
        rule_name: alert.ruleName,
        metric: alert.metric,
        condition_json: writeJson(alert.condition),
        value: alert.value,
        previous_value: alert.previousValue,
        window_from: alert.window.from,
        window_to: alert.window.to,
        summary: alert.summary,
        interaction_ids_json: writeJson(alert.interactionIds),
        trace_ids_json: writeJson(alert.traceIds),
        fired_at: alert.firedAt,
        read_at: alert.readAt,
      })
      .execute();
  }

  async get(id: string): Promise<AlertRecord | null> {
    const row = await this.db
      .selectFrom('alert')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toAlert(row) : null;
  }

  /** One more than `limit` is read, so the caller knows whether a next page exists. */
  async list(filter: AlertFilter): Promise<AlertRecord[]> {
    let q = this.db.selectFrom('alert').selectAll();
    if (filter.unreadOnly) q = q.where('read_at', 'is', null);
    if (filter.ruleId !== undefined) q = q.where('rule_id', '=', filter.ruleId);
    const rows = await q
      .orderBy('fired_at', 'desc')
      .orderBy('id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit + 1)
      .execute();
    return rows.map(toAlert);
  }

  async unreadCount(): Promise<number> {
    const row = await this.db
      .selectFrom('alert')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks the given alerts (or all) read at `at`, or unread again with `at` null. */
  async markRead(ids: readonly string[] | 'all', at: string | null): Promise<void> {
    let q = this.db.updateTable('alert').set({ read_at: at });
    // Read alerts keep the time they were first read.
    q = at === null ? q.where('read_at', 'is not', null) : q.where('read_at', 'is', null);
    if (ids !== 'all') {
      if (ids.length === 0) return;
      q = q.where('id', 'in', ids);
    }
    await q.execute();
  }

  /** Deliveries by state for each alert given. */
  async deliveryCounts(alertIds: readonly string[]): Promise<Map<string, Counts>> {
    const counts = new Map<string, Counts>();
    if (alertIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('webhook_delivery')
      .select([
        'alert_id',
        sql<number>`sum(CASE WHEN finished_at IS NULL THEN 1 ELSE 0 END)`.as('pending'),
        sql<number>`sum(CASE WHEN finished_at IS NOT NULL AND delivered = 1 THEN 1 ELSE 0 END)`.as(
          'delivered',
        ),
        sql<number>`sum(CASE WHEN finished_at IS NOT NULL AND delivered = 0 THEN 1 ELSE 0 END)`.as(
          'failed',
        ),
      ])
      .where('alert_id', 'in', alertIds)
      .groupBy('alert_id')
      .execute();
    for (const row of rows)
      counts.set(row.alert_id, {
        pending: Number(row.pending),
        delivered: Number(row.delivered),
        failed: Number(row.failed),
      });
    return counts;
  }
}

export function alertView(alert: AlertRecord, counts: Counts = NO_DELIVERIES): AlertView {
  const { readAt, ...rest } = alert;
  return { ...rest, read: readAt !== null, deliveries: counts };
}
