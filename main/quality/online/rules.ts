import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { usdToPico } from '../../../shared/money';
import { newId } from '../../kit/ids';
import { isUniqueViolation } from '../../store/constraint-errors';
import type { DB } from '../../store/schema';
import type { InteractionCursor } from '../../tracing/interaction-repository';
import { ScorecardRepository } from '../scorecard-repository';
import { modelMatcherGraders } from './model-matchers';
import { RuleRepository, type RuleRecord } from './rule-repository';

/**
 * Writes of the scoring rule register. A rule walks interactions from the moment it starts
 * (created, enabled again, restored): online scoring scores what arrives while it runs, and a
 * rule switched back on does not spend its budget on what came while it was off.
 */

const nameTaken = (where: string, name: string): AssayError =>
  new AssayError(
    'CONFLICT',
    `${where}: a scoring rule named "${name}" exists (archive it, or pick another name)`,
    { issues: [{ path: 'name', message: 'taken by a live scoring rule' }] },
  );

/** Where a rule starting now begins: after everything created before this instant. */
export function startingNow(now: string): InteractionCursor {
  return { createdAt: now, id: '' };
}

async function checkScorecard(db: Kysely<DB>, where: string, id: string): Promise<void> {
  const card = await new ScorecardRepository(db).scorecard(id);
  if (!card)
    throw new AssayError('NOT_FOUND', `${where}: no scorecard with id "${id}"`, {
      issues: [{ path: 'scorecardId', message: 'no such scorecard' }],
    });
  if (card.archived)
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: invalid "scorecardId": scorecard "${card.name}" is archived; restore it first`,
      { issues: [{ path: 'scorecardId', message: 'archived scorecard' }] },
    );
  const needModels = await modelMatcherGraders(db, id);
  if (needModels.length > 0) {
    const names = needModels.map((n) => `"${n}"`).join(', ');
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: invalid "scorecardId": scorecard "${card.name}" has matcher graders that call a model (${names}); a rule names no judge or embedding model for them, so they could score nothing. Use an LLM judge grader (it names its own model), or a scorecard without them`,
      { issues: [{ path: 'scorecardId', message: `matcher graders that call a model: ${names}` }] },
    );
  }
}

export async function requireRule(
  repo: RuleRepository,
  id: string,
  where: string,
): Promise<RuleRecord> {
  const rule = await repo.rule(id);
  if (!rule)
    throw new AssayError('NOT_FOUND', `${where}: no scoring rule with id "${id}"`, {
      issues: [{ path: 'id', message: 'no such scoring rule' }],
    });
  return rule;
}

/** Runs a register write, turning a lost race for a live name into the same CONFLICT. */
async function named<T>(where: string, name: () => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(where, name());
    throw err;
  }
}

export async function createRule(
  db: Kysely<DB>,
  input: ParsedInput<'scoringRules.create'>,
): Promise<RuleRecord> {
  const where = 'scoringRules.create';
  const now = new Date().toISOString();
  const rule: RuleRecord = {
    id: newId(),
    name: input.name,
    scorecardId: input.scorecardId,
    filter: input.filter,
    sampling: input.sampling,
    dailyBudgetPicoUsd: input.dailyBudgetUsd === null ? null : usdToPico(input.dailyBudgetUsd),
    enabled: input.enabled,
    archived: false,
    createdAt: now,
    updatedAt: now,
  };
  await named(
    where,
    () => input.name,
    () =>
      db.transaction().execute(async (tx) => {
        await checkScorecard(tx, where, input.scorecardId);
        const repo = new RuleRepository(tx);
        if (await repo.liveByName(input.name)) throw nameTaken(where, input.name);
        await repo.insert(rule, startingNow(now));
      }),
  );
  return rule;
}

export async function updateRule(
  db: Kysely<DB>,
  input: ParsedInput<'scoringRules.update'>,
): Promise<RuleRecord> {
  const where = 'scoringRules.update';
  let name = input.name ?? input.id;
  return named(
    where,
    () => name,
    () =>
      db.transaction().execute(async (tx) => {
        const repo = new RuleRepository(tx);
        const rule = await requireRule(repo, input.id, where);
        name = input.name ?? rule.name;
        if (input.scorecardId !== undefined && input.scorecardId !== rule.scorecardId)
          await checkScorecard(tx, where, input.scorecardId);
        if (!rule.archived && name !== rule.name) {
          const live = await repo.liveByName(name);
          if (live && live.id !== rule.id) throw nameTaken(where, name);
        }
        const now = new Date().toISOString();
        const next: RuleRecord = {
          ...rule,
          name,
          scorecardId: input.scorecardId ?? rule.scorecardId,
          filter: input.filter ?? rule.filter,
          sampling: input.sampling ?? rule.sampling,
          dailyBudgetPicoUsd:
            input.dailyBudgetUsd === undefined
              ? rule.dailyBudgetPicoUsd
              : input.dailyBudgetUsd === null
                ? null
                : usdToPico(input.dailyBudgetUsd),
          enabled: input.enabled ?? rule.enabled,
          updatedAt: now,
        };
        await repo.update(next);
        if (next.enabled && !rule.enabled) await repo.restart(rule.id, startingNow(now), now);
        return next;
      }),
  );
}

export async function archiveRule(
  db: Kysely<DB>,
  input: ParsedInput<'scoringRules.archive'>,
): Promise<RuleRecord> {
  const where = 'scoringRules.archive';
  let name = input.id;
  return named(
    where,
    () => name,
    () =>
      db.transaction().execute(async (tx) => {
        const repo = new RuleRepository(tx);
        const rule = await requireRule(repo, input.id, where);
        name = rule.name;
        if (rule.archived === input.archived) return rule;
        if (!input.archived) {
          const live = await repo.liveByName(rule.name);
          if (live && live.id !== rule.id) throw nameTaken(where, rule.name);
        }
        const now = new Date().toISOString();
        const next = { ...rule, archived: input.archived, updatedAt: now };
        await repo.update(next);
        // Restored, it scores what arrives from now on, as a rule enabled again does.
        if (!input.archived) await repo.restart(rule.id, startingNow(now), now);
        return next;
      }),
  );
}

/**
 * Asks for a rescore of what the rule has walked so far: from its start to its current
 * position. A rescore already pending starts over (a grader may have changed again since).
 */
export async function requestRescore(db: Kysely<DB>, id: string): Promise<RuleRecord> {
  const where = 'scoringRules.rescore';
  return db.transaction().execute(async (tx) => {
    const repo = new RuleRepository(tx);
    const rule = await requireRule(repo, id, where);
    if (rule.archived)
      throw new AssayError(
        'VALIDATION_FAILED',
        `${where}: invalid "id": scoring rule "${rule.name}" is archived; restore it first`,
        { issues: [{ path: 'id', message: 'archived scoring rule' }] },
      );
    const progress = (await repo.progress(rule.id))!;
    const after = progress.rescore?.after ?? startingNow(rule.createdAt);
    await repo.startRescore(rule.id, { after, through: progress.after }, new Date().toISOString());
    return rule;
  });
}
