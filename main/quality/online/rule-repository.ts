import type { Kysely, Selectable } from 'kysely';
import type { ScoringFilter } from '../../../shared/contract/scoring-rules';
import { readJson, writeJson } from '../../store/json-column';
import type { DB, ScoringRuleProgressTable, ScoringRuleTable } from '../../store/schema';
import type { InteractionCursor } from '../../tracing/interaction-repository';

/** A scoring rule as stored: its budget in exact pico-dollars. */
export interface RuleRecord {
  readonly id: string;
  readonly name: string;
  readonly scorecardId: string;
  readonly filter: ScoringFilter;
  readonly sampling: number;
  readonly dailyBudgetPicoUsd: number | null;
  readonly enabled: boolean;
  readonly archived: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A rescore's window: interactions after `after` up to `through` inclusive. */
export interface RescoreWindow {
  readonly after: InteractionCursor;
  readonly through: InteractionCursor;
}

export interface RuleProgress {
  readonly ruleId: string;
  /** When the walk (re)started: the rule's business is what was created from then on. */
  readonly startedAt: string;
  /** Everything at or before this position was scored or skipped. */
  readonly after: InteractionCursor;
  readonly scored: number;
  readonly skipped: number;
  readonly budgetSkipped: number;
  readonly rescore: RescoreWindow | null;
  readonly rescored: number;
  readonly updatedAt: string;
}

/** What one walked page adds: the new position and the page's counts. */
export interface PageAdvance {
  readonly after: InteractionCursor;
  readonly scored: number;
  readonly skipped: number;
  readonly budgetSkipped: number;
}

interface RuleBody {
  readonly filter: ScoringFilter;
  readonly sampling: number;
}

function toRule(row: Selectable<ScoringRuleTable>): RuleRecord {
  const body = readJson<RuleBody>(row.body_json);
  return {
    id: row.id,
    name: row.name,
    scorecardId: row.scorecard_id,
    filter: body.filter,
    sampling: body.sampling,
    dailyBudgetPicoUsd: row.daily_budget_pico_usd,
    enabled: row.enabled === 1,
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toProgress(row: Selectable<ScoringRuleProgressTable>): RuleProgress {
  const r = row;
  const rescore =
    r.rescore_after_created_at !== null &&
    r.rescore_after_id !== null &&
    r.rescore_through_created_at !== null &&
    r.rescore_through_id !== null
      ? {
          after: { createdAt: r.rescore_after_created_at, id: r.rescore_after_id },
          through: { createdAt: r.rescore_through_created_at, id: r.rescore_through_id },
        }
      : null;
  return {
    ruleId: r.rule_id,
    startedAt: r.started_at,
    after: { createdAt: r.after_created_at, id: r.after_id },
    scored: Number(r.scored),
    skipped: Number(r.skipped),
    budgetSkipped: Number(r.budget_skipped),
    rescore,
    rescored: Number(r.rescored),
    updatedAt: r.updated_at,
  };
}

const ruleRow = (rule: RuleRecord) => ({
  id: rule.id,
  name: rule.name,
  scorecard_id: rule.scorecardId,
  body_json: writeJson({ filter: rule.filter, sampling: rule.sampling } satisfies RuleBody),
  daily_budget_pico_usd: rule.dailyBudgetPicoUsd,
  enabled: rule.enabled ? 1 : 0,
  archived: rule.archived ? 1 : 0,
  created_at: rule.createdAt,
  updated_at: rule.updatedAt,
});

/** Scoring rules, their walk over interactions, and their judge spend per UTC day. */
export class RuleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A new rule with its walk starting at `start`. */
  async insert(rule: RuleRecord, start: InteractionCursor): Promise<void> {
    await this.db.insertInto('scoring_rule').values(ruleRow(rule)).execute();
    await this.db
      .insertInto('scoring_rule_progress')
      .values({
        rule_id: rule.id,
        started_at: start.createdAt,
        after_created_at: start.createdAt,
        after_id: start.id,
        scored: 0,
        skipped: 0,
        budget_skipped: 0,
        rescore_after_created_at: null,
        rescore_after_id: null,
        rescore_through_created_at: null,
        rescore_through_id: null,
        rescored: 0,
        updated_at: rule.createdAt,
      })
      .execute();
  }

  async update(rule: RuleRecord): Promise<void> {
    const row = ruleRow(rule);
    // The id and creation time never change.
    await this.db
      .updateTable('scoring_rule')
      .set({
        name: row.name,
        scorecard_id: row.scorecard_id,
        body_json: row.body_json,
        daily_budget_pico_usd: row.daily_budget_pico_usd,
        enabled: row.enabled,
        archived: row.archived,
        updated_at: row.updated_at,
      })
      .where('id', '=', rule.id)
      .execute();
  }

  async rule(id: string): Promise<RuleRecord | null> {
    const row = await this.db
      .selectFrom('scoring_rule')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRule(row) : null;
  }

  async liveByName(name: string): Promise<RuleRecord | null> {
    const row = await this.db
      .selectFrom('scoring_rule')
      .selectAll()
      .where('name', '=', name)
      .where('archived', '=', 0)
      .executeTakeFirst();
    return row ? toRule(row) : null;
  }

  /** Newest first. */
  async list(includeArchived: boolean): Promise<RuleRecord[]> {
    let q = this.db.selectFrom('scoring_rule').selectAll();
    if (!includeArchived) q = q.where('archived', '=', 0);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toRule);
  }

  /** The rules a runner walks: enabled and live. */
  async running(): Promise<RuleRecord[]> {
    const rows = await this.db
      .selectFrom('scoring_rule')
      .selectAll()
      .where('enabled', '=', 1)
      .where('archived', '=', 0)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRule);
  }

  async progress(ruleId: string): Promise<RuleProgress | null> {
    const row = await this.db
      .selectFrom('scoring_rule_progress')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .executeTakeFirst();
    return row ? toProgress(row) : null;
  }

  async progressOf(ruleIds: readonly string[]): Promise<Map<string, RuleProgress>> {
    if (ruleIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('scoring_rule_progress')
      .selectAll()
      .where('rule_id', 'in', ruleIds)
      .execute();
    return new Map(rows.map((r) => [r.rule_id, toProgress(r)]));
  }

  /** Moves the walk past a page and adds its counts (in the transaction of its scores). */
  async advance(ruleId: string, page: PageAdvance, now: string): Promise<void> {
    await this.db
      .updateTable('scoring_rule_progress')
      .set((eb) => ({
        after_created_at: page.after.createdAt,
        after_id: page.after.id,
        scored: eb('scored', '+', page.scored),
        skipped: eb('skipped', '+', page.skipped),
        budget_skipped: eb('budget_skipped', '+', page.budgetSkipped),
        updated_at: now,
      }))
      .where('rule_id', '=', ruleId)
      .execute();
  }

  /** Adds counts without moving the walk (interactions that arrived behind it). */
  async addCounts(ruleId: string, counts: Omit<PageAdvance, 'after'>, now: string): Promise<void> {
    if (counts.scored === 0 && counts.skipped === 0 && counts.budgetSkipped === 0) return;
    await this.db
      .updateTable('scoring_rule_progress')
      .set((eb) => ({
        scored: eb('scored', '+', counts.scored),
        skipped: eb('skipped', '+', counts.skipped),
        budget_skipped: eb('budget_skipped', '+', counts.budgetSkipped),
        updated_at: now,
      }))
      .where('rule_id', '=', ruleId)
      .execute();
  }

  /** Starts the walk again at `start` (a rule enabled again scores from then on). */
  async restart(ruleId: string, start: InteractionCursor, now: string): Promise<void> {
    await this.db
      .updateTable('scoring_rule_progress')
      .set({
        started_at: start.createdAt,
        after_created_at: start.createdAt,
        after_id: start.id,
        updated_at: now,
      })
      .where('rule_id', '=', ruleId)
      .execute();
  }

  /** Sets (or, with null, ends) the rescore window and adds what the last page re-graded. */
  async setRescore(
    ruleId: string,
    window: RescoreWindow | null,
    rescored: number,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('scoring_rule_progress')
      .set((eb) => ({
        rescore_after_created_at: window?.after.createdAt ?? null,
        rescore_after_id: window?.after.id ?? null,
        rescore_through_created_at: window?.through.createdAt ?? null,
        rescore_through_id: window?.through.id ?? null,
        rescored: eb('rescored', '+', rescored),
        updated_at: now,
      }))
      .where('rule_id', '=', ruleId)
      .execute();
  }

  /** A new rescore counts from zero. */
  async startRescore(ruleId: string, window: RescoreWindow, now: string): Promise<void> {
    await this.db
      .updateTable('scoring_rule_progress')
      .set({
        rescore_after_created_at: window.after.createdAt,
        rescore_after_id: window.after.id,
        rescore_through_created_at: window.through.createdAt,
        rescore_through_id: window.through.id,
        rescored: 0,
        updated_at: now,
      })
      .where('rule_id', '=', ruleId)
      .execute();
  }

  /** Adds judge spend to a rule's day. */
  async addSpend(ruleId: string, day: string, picoUsd: number, calls: number): Promise<void> {
    if (picoUsd === 0 && calls === 0) return;
    await this.db
      .insertInto('scoring_rule_spend')
      .values({ rule_id: ruleId, day, judge_pico_usd: picoUsd, judge_calls: calls })
      .onConflict((oc) =>
        oc.columns(['rule_id', 'day']).doUpdateSet((eb) => ({
          judge_pico_usd: eb(
            'scoring_rule_spend.judge_pico_usd',
            '+',
            eb.ref('excluded.judge_pico_usd'),
          ),
          judge_calls: eb('scoring_rule_spend.judge_calls', '+', eb.ref('excluded.judge_calls')),
        })),
      )
      .execute();
  }

  /** Pico-dollars each rule spent on judges on `day` (rules with none are absent). */
  async spendOn(day: string, ruleIds: readonly string[]): Promise<Map<string, number>> {
    if (ruleIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('scoring_rule_spend')
      .select(['rule_id', 'judge_pico_usd'])
      .where('day', '=', day)
      .where('rule_id', 'in', ruleIds)
      .execute();
    return new Map(rows.map((r) => [r.rule_id, Number(r.judge_pico_usd)]));
  }
}
