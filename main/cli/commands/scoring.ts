import Table from 'cli-table3';
import {
  budgetText,
  samplingText,
  scoringFilterText,
  type ScoringRuleView,
  type ScorecardView,
} from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { Core } from '../../app/create-core';
import { invoke, withCore } from '../with-core';
import {
  filterFrom,
  parseBudget,
  parseSampling,
  withFlagNames,
  type FilterOptions,
} from './scoring-options';

/**
 * `assay scoring …`: the online scoring rules (which production interactions a scorecard's
 * graders score as they arrive), through the `scoringRules.*` channels. The scoring itself
 * runs in the long-lived shells (`assay serve`, the app), which pick up a rule at once.
 */

interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export interface ScoringListOptions extends CommonOptions {
  readonly all?: boolean;
}

export interface ScoringCreateOptions extends CommonOptions, FilterOptions {
  readonly name?: string;
  readonly scorecard?: string;
  readonly sampling?: string;
  readonly dailyBudget?: string;
  readonly disabled?: boolean;
}

const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

const missing = (where: string, flag: string, example: string): AssayError =>
  new AssayError('VALIDATION_FAILED', `${where}: ${flag} is required (${example})`, {
    issues: [{ path: flag, message: 'required' }],
  });

/** A rule by id, or by the name of a live rule. */
async function resolveRule(core: Core, ref: string, where: string): Promise<ScoringRuleView> {
  const { rules } = await invoke(core, 'scoringRules.list', { includeArchived: true });
  const rule =
    rules.find((r) => r.id === ref) ?? rules.find((r) => !r.archived && r.name === ref.trim());
  if (!rule)
    throw new AssayError(
      'NOT_FOUND',
      `${where}: no scoring rule named or with id "${ref}" (assay scoring list shows them)`,
      { issues: [{ path: 'RULE', message: 'no such scoring rule' }] },
    );
  return rule;
}

/** A scorecard by id, or by the name of a live scorecard. */
async function resolveScorecard(core: Core, ref: string, where: string): Promise<ScorecardView> {
  const { scorecards } = await invoke(core, 'scorecards.list', { includeArchived: true });
  const card =
    scorecards.find((c) => c.id === ref) ??
    scorecards.find((c) => !c.archived && c.name === ref.trim());
  if (!card)
    throw new AssayError(
      'NOT_FOUND',
      `${where}: --scorecard: no scorecard named or with id "${ref}"`,
      { issues: [{ path: '--scorecard', message: 'no such scorecard' }] },
    );
  return card;
}

/** "running", "paused: spent $5.00 of …", "disabled": the state with its reason. */
export function stateText(rule: ScoringRuleView): string {
  const { state, reason, lastError, rescore } = rule.status;
  const base = state === 'running' ? 'running' : (reason ?? state);
  const extra = [
    rescore.pending ? `re-scoring (${rescore.rescored} so far)` : null,
    lastError ? `last error: ${lastError}` : null,
  ].filter((t) => t !== null);
  return [base, ...extra].join('; ');
}

function rulesTable(rules: readonly ScoringRuleView[], cards: ReadonlyMap<string, string>) {
  const table = new Table({
    head: [
      'name',
      'id',
      'scorecard',
      'filter',
      'sampling',
      'judge spend today',
      'status',
      'scored',
      'through',
    ],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [null, null, null, 30, null, null, 40, null, null],
  });
  for (const r of rules)
    table.push([
      r.name,
      r.id,
      cards.get(r.scorecardId) ?? r.scorecardId,
      scoringFilterText(r.filter),
      samplingText(r.sampling),
      budgetText(r.status.spentTodayUsd, r.dailyBudgetUsd),
      stateText(r),
      r.status.scored,
      r.status.through ?? '-',
    ]);
  return table.toString();
}

/** `assay scoring list`: every live rule (`--all`: archived too) with its status. */
export async function scoringListCommand(options: ScoringListOptions): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const { rules } = await invoke(core, 'scoringRules.list', {
      includeArchived: options.all === true,
    });
    if (options.json) return printJson({ rules });
    if (rules.length === 0) {
      process.stdout.write(
        'No scoring rules yet (assay scoring create scores production interactions with a scorecard as they arrive).\n',
      );
      return;
    }
    const { scorecards } = await invoke(core, 'scorecards.list', { includeArchived: true });
    const names = new Map(scorecards.map((c) => [c.id, c.name]));
    process.stdout.write(`${rulesTable(rules, names)}\n`);
  });
}

/** One line on what a rule now does. */
function ruleLine(verb: string, rule: ScoringRuleView): string {
  return `${verb} scoring rule "${rule.name}" (${rule.id}): ${scoringFilterText(rule.filter)}, ${samplingText(rule.sampling)} sampled, ${stateText(rule)}.\n`;
}

/**
 * `assay scoring create --name N --scorecard NAME|ID --sampling 10% --daily-budget 5|none`:
 * sampling and budget have no default, so a rule never spends on judges by accident.
 */
export async function scoringCreateCommand(options: ScoringCreateOptions): Promise<void> {
  const where = 'scoring create';
  try {
    if (options.name === undefined) throw missing(where, '--name', '--name "Support answers"');
    if (options.scorecard === undefined)
      throw missing(where, '--scorecard', 'the name or id of the scorecard whose graders score');
    if (options.sampling === undefined)
      throw missing(where, '--sampling', '100%, 10% or a fraction like 0.1');
    if (options.dailyBudget === undefined)
      throw missing(where, '--daily-budget', 'US dollars of judge calls a UTC day, or none');
    const sampling = parseSampling(options.sampling);
    const dailyBudgetUsd = parseBudget(options.dailyBudget);
    const filter = filterFrom(options);
    const { name, scorecard } = options;
    await withCore(options.dataDir, async (core) => {
      const card = await resolveScorecard(core, scorecard, where);
      const rule = await invoke(core, 'scoringRules.create', {
        name,
        scorecardId: card.id,
        filter,
        sampling,
        dailyBudgetUsd,
        enabled: options.disabled !== true,
      });
      if (options.json) return printJson(rule);
      process.stdout.write(ruleLine('Created', rule));
    });
  } catch (err) {
    throw withFlagNames(err, where);
  }
}

async function setEnabled(ref: string, enabled: boolean, options: CommonOptions): Promise<void> {
  const where = enabled ? 'scoring enable' : 'scoring disable';
  await withCore(options.dataDir, async (core) => {
    try {
      const found = await resolveRule(core, ref, where);
      const rule = await invoke(core, 'scoringRules.update', { id: found.id, enabled });
      if (options.json) return printJson(rule);
      process.stdout.write(ruleLine(enabled ? 'Enabled' : 'Disabled', rule));
    } catch (err) {
      throw withFlagNames(err, where);
    }
  });
}

/** `assay scoring enable RULE`: it scores what arrives from now on. */
export const scoringEnableCommand = (ref: string, options: CommonOptions) =>
  setEnabled(ref, true, options);

/** `assay scoring disable RULE`: it scores nothing until enabled. */
export const scoringDisableCommand = (ref: string, options: CommonOptions) =>
  setEnabled(ref, false, options);

/**
 * `assay scoring rescore RULE`: what the rule scored is graded again with the scorecard's
 * current grader versions, in the background of the shell that runs the rules.
 */
export async function scoringRescoreCommand(ref: string, options: CommonOptions): Promise<void> {
  const where = 'scoring rescore';
  await withCore(options.dataDir, async (core) => {
    try {
      const found = await resolveRule(core, ref, where);
      const rule = await invoke(core, 'scoringRules.rescore', { id: found.id });
      if (options.json) return printJson(rule);
      process.stdout.write(
        `Re-scoring "${rule.name}": up to ${rule.status.scored} interactions it scored are graded again with the scorecard's current grader versions (judge calls count against its daily budget). assay serve or the app does the work; assay scoring list shows how far it got.\n`,
      );
    } catch (err) {
      throw withFlagNames(err, where);
    }
  });
}

/** `assay scoring delete RULE`: archives it (it stops, its name is free); its scores stay. */
export async function scoringDeleteCommand(ref: string, options: CommonOptions): Promise<void> {
  const where = 'scoring delete';
  await withCore(options.dataDir, async (core) => {
    try {
      const found = await resolveRule(core, ref, where);
      const rule = await invoke(core, 'scoringRules.archive', { id: found.id, archived: true });
      if (options.json) return printJson(rule);
      process.stdout.write(
        `Deleted scoring rule "${rule.name}" (${rule.id}): it scores nothing more; the ${rule.status.scored} interactions it scored keep their scores.\n`,
      );
    } catch (err) {
      throw withFlagNames(err, where);
    }
  });
}
