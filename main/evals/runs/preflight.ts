import type { Preflight, PreflightProblem } from '../../../shared/contract';
import { extractVariables } from '../../../shared/template/variables';
import type { ProviderId } from '../../../shared/contract';
import type { FrozenPrompt } from '../../prompts/render';
import type { ScorecardPlan } from '../../quality/eval-scoring/scorecard-scorer';
import { getMatcherDefinition } from '../matchers/registry';

/** Cases listed per problem: enough to find them, bounded for a 50,000-case dataset. */
const MAX_LISTED = 50;

export interface PreflightCase {
  /** The case's position in its dataset (what the dataset page shows). */
  readonly position: number;
  readonly vars: Readonly<Record<string, string>>;
  readonly matchers: readonly unknown[];
}

export interface PreflightModels {
  readonly judge?: unknown;
  readonly embedding?: unknown;
}

/** The variables a frozen prompt renders, in order of first use. */
export function promptVariables(frozen: FrozenPrompt): string[] {
  const names = new Set<string>();
  for (const message of frozen.messages)
    if ('template' in message)
      for (const name of extractVariables(message.template)) names.add(name);
  return [...names];
}

type CaseProblem = Exclude<PreflightProblem, { kind: 'scorecard-unusable' }>;

/** Problems of one kind and cause, with the cases that have them. */
class Grouped<P extends CaseProblem> {
  private readonly groups = new Map<string, P>();

  add(key: string, index: number, position: number, make: () => P): void {
    let group = this.groups.get(key);
    if (!group) {
      group = make();
      this.groups.set(key, group);
    }
    group.count++;
    if (group.cases.length < MAX_LISTED) {
      group.cases.push(index);
      group.positions.push(position);
    }
  }

  list(): P[] {
    return [...this.groups.values()];
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MissingProblem = Mutable<Extract<PreflightProblem, { kind: 'missing-variables' }>>;
type UnusableProblem = Mutable<Extract<PreflightProblem, { kind: 'matcher-unusable' }>>;

const NO_JUDGE =
  'llm-judge needs a judge model: set provider and model on the matcher, or the run\'s judge model (--judge-model or judge_model: in a suite; "Judge model" in the new-run dialog)';
const NO_EMBEDDING =
  'similarity needs an embedding model: set the run\'s embedding model (--embedding-model or embedding_model: in a suite; "Embedding model" in the new-run dialog)';

/** Why a matcher that calls a model cannot run with these models, or null when it can. */
function unusable(raw: unknown, models: PreflightModels): { type: string; message: string } | null {
  if (raw === null || typeof raw !== 'object') return null;
  const spec = raw as Record<string, unknown>;
  const written = typeof spec.type === 'string' ? spec.type : '';
  const type = getMatcherDefinition(written.replace(/^not-/, ''))?.type;
  if (type === 'llm-judge') {
    const own = typeof spec.provider === 'string' && typeof spec.model === 'string';
    return own || models.judge ? null : { type, message: NO_JUDGE };
  }
  if (type === 'similarity') return models.embedding ? null : { type, message: NO_EMBEDDING };
  return null;
}

type ScorecardProblem = Extract<PreflightProblem, { kind: 'scorecard-unusable' }>;

/**
 * The graders of a run's scorecard that could run on no case: a judge whose provider is not set
 * up (`setupProblem` says why), a matcher grader that needs a model the run does not name. Each
 * would leave every case unscored after paying for every call.
 */
export function scorecardProblems(
  plan: ScorecardPlan,
  models: PreflightModels,
  setupProblem: (provider: ProviderId) => string | null,
): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  for (const { name, version } of plan.graders) {
    const { definition } = version;
    let message: string | null = null;
    if (definition.kind === 'llm_judge') {
      const { provider, model } = definition.model;
      const why = setupProblem(provider);
      if (why !== null) message = `its judge ${provider}:${model} cannot be called: ${why}`;
    } else if (definition.kind === 'deterministic' && definition.check.type === 'matcher') {
      message = unusable(definition.check.matcher, models)?.message ?? null;
    }
    if (message !== null)
      problems.push({
        kind: 'scorecard-unusable',
        scorecard: plan.pin.name,
        grader: name,
        message,
      });
  }
  return problems;
}

/**
 * Checks a run before any model is called: every case against the prompt's variables (a case
 * that lacks one would only fail at its call, 1,000 times over), and every matcher that calls
 * a model against the models the run names. Works from variable names rather than rendering,
 * so a 5,000-case dataset is checked in a few milliseconds. `more`: problems found apart
 * (the scorecard's).
 */
export function preflight(
  frozen: FrozenPrompt,
  cases: readonly PreflightCase[],
  models: PreflightModels,
  more: readonly PreflightProblem[] = [],
): Omit<Preflight, 'datasetMatchers'> {
  const needed = promptVariables(frozen).filter((name) => !Object.hasOwn(frozen.defaults, name));
  const datasetVariables = new Set<string>();
  const missing = new Grouped<MissingProblem>();
  const matchers = new Grouped<UnusableProblem>();
  cases.forEach((c, index) => {
    for (const name of Object.keys(c.vars)) datasetVariables.add(name);
    const lacking = needed.filter((name) => !Object.hasOwn(c.vars, name));
    if (lacking.length > 0)
      missing.add(lacking.join('\n'), index, c.position, () => ({
        kind: 'missing-variables',
        names: lacking,
        cases: [],
        positions: [],
        count: 0,
      }));
    for (const raw of c.matchers) {
      const problem = unusable(raw, models);
      if (problem)
        matchers.add(`${problem.type}\n${problem.message}`, index, c.position, () => ({
          kind: 'matcher-unusable',
          ...problem,
          cases: [],
          positions: [],
          count: 0,
        }));
    }
  });
  const problems: PreflightProblem[] = [...missing.list(), ...matchers.list(), ...more];
  return {
    ok: problems.length === 0,
    cases: cases.length,
    promptVariables: promptVariables(frozen),
    datasetVariables: [...datasetVariables].sort(),
    problems,
  };
}

/**
 * One line per problem, for an error message and the CLI. Cases are named by their position in
 * the dataset, or by the file line they were written on when `lineOf` knows it (a suite file).
 */
export function describePreflight(
  problems: readonly PreflightProblem[],
  lineOf: (index: number) => number | undefined = () => undefined,
): string[] {
  return problems.map((p) => {
    if (p.kind === 'scorecard-unusable')
      return `scorecard "${p.scorecard}": grader "${p.grader}" cannot run: ${p.message}`;
    const lines = p.cases.map(lineOf);
    const named = lines.every((l) => l !== undefined)
      ? `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`
      : p.positions.map((position) => `#${position}`).join(', ');
    const more = p.count > p.cases.length ? `, and ${p.count - p.cases.length} more` : '';
    const where = `${p.count} case${p.count === 1 ? '' : 's'} (${named}${more})`;
    if (p.kind === 'matcher-unusable') return `${where}: ${p.message}`;
    const names = p.names.map((n) => `"${n}"`).join(', ');
    return `${where} lack${p.count === 1 ? 's' : ''} the variable${p.names.length === 1 ? '' : 's'} ${names} that the prompt uses`;
  });
}
