import type { Kysely, Selectable } from 'kysely';
import type {
  PulseCondition,
  PulseFilter,
  PulseMetric,
  PulseRuleBody,
  PulseRuleView,
} from '../../../shared/contract/pulse';
import { readJson, writeJson } from '../../store/json-column';
import type { AlertRuleTable, DB } from '../../store/schema';

/** A rule as stored is its view: the body, its firing state and its last evaluation. */
export type RuleRecord = PulseRuleView;

function toRule(row: Selectable<AlertRuleTable>): RuleRecord {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric as PulseMetric,
    scorecardId: row.scorecard_id,
    condition: readJson<PulseCondition>(row.condition_json),
    windowMinutes: row.window_minutes,
    filter: readJson<PulseFilter>(row.filter_json),
    minSamples: row.min_samples,
    webhookIds: readJson<string[]>(row.webhook_ids_json),
    enabled: row.enabled === 1,
    firing: row.firing === 1,
    lastEvaluatedAt: row.last_evaluated_at,
    lastValue: row.last_value,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const bodyColumns = (body: PulseRuleBody) => ({
  name: body.name,
  metric: body.metric,
  scorecard_id: body.scorecardId ?? null,
  condition_json: writeJson(body.condition),
  window_minutes: body.windowMinutes,
  filter_json: writeJson(body.filter),
  min_samples: body.minSamples,
  webhook_ids_json: writeJson(body.webhookIds),
  enabled: body.enabled ? 1 : 0,
});

export interface EvaluationRecord {
  readonly at: string;
  readonly value: number | null;
  readonly error: string | null;
}

/** Pulse rules: the body a person wrote and the state the runner keeps. */
export class RuleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(id: string, body: PulseRuleBody, now: string): Promise<void> {
    await this.db
      .insertInto('alert_rule')
      .values({ id, ...bodyColumns(body), firing: 0, created_at: now, updated_at: now })
      .execute();
  }

  /** Replaces the body; `resetFiring` clears the state when what the rule measures changed. */
  async replace(id: string, body: PulseRuleBody, now: string, resetFiring: boolean) {
    await this.db
      .updateTable('alert_rule')
      .set({
        ...bodyColumns(body),
        updated_at: now,
        ...(resetFiring ? { firing: 0, last_value: null, last_error: null } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('alert_rule').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async get(id: string): Promise<RuleRecord | null> {
    const row = await this.db
      .selectFrom('alert_rule')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRule(row) : null;
  }

  /** Newest first. */
  async list(enabledOnly = false): Promise<RuleRecord[]> {
    let q = this.db.selectFrom('alert_rule').selectAll();
    if (enabledOnly) q = q.where('enabled', '=', 1);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toRule);
  }

  async recordEvaluation(id: string, evaluation: EvaluationRecord): Promise<void> {
    await this.db
      .updateTable('alert_rule')
      .set({
        last_evaluated_at: evaluation.at,
        last_value: evaluation.value,
        last_error: evaluation.error,
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Moves the firing state from `from` to `to` only if it still is `from`: of two processes
   * evaluating one rule at once, one wins, so one alert is stored. True when this call moved it.
   */
  async flipFiring(id: string, from: boolean, to: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable('alert_rule')
      .set({ firing: to ? 1 : 0 })
      .where('id', '=', id)
      .where('firing', '=', from ? 1 : 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Takes a deleted webhook off every rule that lists it. */
  async removeWebhook(webhookId: string): Promise<void> {
    for (const rule of await this.list()) {
      if (!rule.webhookIds.includes(webhookId)) continue;
      await this.db
        .updateTable('alert_rule')
        .set({ webhook_ids_json: writeJson(rule.webhookIds.filter((id) => id !== webhookId)) })
        .where('id', '=', rule.id)
        .execute();
    }
  }
}
