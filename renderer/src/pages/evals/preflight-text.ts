import {
  preflightSchema,
  type Preflight,
  type PreflightProblem,
} from '../../../../shared/contract';

/** Cases named per problem: enough to find the first few, short enough for one line. */
const SHOWN = 6;

/** A problem some cases have (a scorecard's problem is every case's). */
export type CaseProblem = Exclude<PreflightProblem, { kind: 'scorecard-unusable' }>;

/** `#0, #4, …`: the cases a problem names, by position, as the dataset page numbers them. */
export function caseList(problem: CaseProblem): string {
  const shown = problem.positions.slice(0, SHOWN).map((position) => `#${position}`);
  return problem.count > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}

const casesWord = (n: number) => (n === 1 ? 'case' : 'cases');

/** `12 of 40 cases: #1, #4, …` */
export function missingCasesText(problem: CaseProblem, total: number): string {
  return `${problem.count} of ${total} ${casesWord(total)}: ${caseList(problem)}`;
}

/** `3 cases: #2, #5, #9` */
export function matcherCasesText(problem: CaseProblem): string {
  return `${problem.count} ${casesWord(problem.count)}: ${caseList(problem)}`;
}

/**
 * The headline of a matcher problem: the core writes `llm-judge needs a judge model: how to
 * set one…`, and the field it sits next to already says how, so the part before the colon
 * is shown and the whole message goes in the tooltip.
 */
export function matcherHeadline(message: string): string {
  const at = message.indexOf(': ');
  return at > 0 ? message.slice(0, at) : message;
}

/** Which field of the dialog a problem belongs next to. */
export type ProblemPlace = 'prompt' | 'judge' | 'embedding' | 'dataset' | 'scorecard';

export function placeOf(problem: PreflightProblem): ProblemPlace {
  if (problem.kind === 'missing-variables') return 'prompt';
  if (problem.kind === 'scorecard-unusable') return 'scorecard';
  if (problem.type === 'llm-judge') return 'judge';
  if (problem.type === 'similarity') return 'embedding';
  return 'dataset';
}

/** The pre-flight an evals.start refusal carries in its details, if it is one. */
export function refusedPreflight(details: unknown): Preflight | null {
  if (typeof details !== 'object' || details === null || !('preflight' in details)) return null;
  const parsed = preflightSchema.safeParse((details as { preflight: unknown }).preflight);
  return parsed.success ? parsed.data : null;
}
