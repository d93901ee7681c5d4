import type { ClientError } from '../../client';

/** One problem of a refused import, as the core lists them in the error's details. */
export interface ImportProblem {
  readonly line?: number;
  readonly row?: number;
  readonly path: string;
  readonly message: string;
}

function isProblem(value: unknown): value is ImportProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as { path?: unknown; message?: unknown };
  return typeof path === 'string' && typeof message === 'string';
}

/** Every problem the error carries (the message itself names only the first). */
export function problemsOf(error: ClientError): ImportProblem[] {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const problems = (details as { problems: unknown }).problems;
  return Array.isArray(problems) ? problems.filter(isProblem) : [];
}

/** `line 12 · row 3 · test_cases[2].matchers[0]: message`. */
export function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.line === undefined ? null : `line ${problem.line}`,
    problem.row === undefined ? null : `row ${problem.row}`,
    problem.path || null,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(' · ')}: ${problem.message}` : problem.message;
}
