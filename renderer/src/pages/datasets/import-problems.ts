import type { ClientError } from '../../client';

/** One problem of a refused import, as the core lists them in the error's details. */
export interface ImportProblem {
  readonly line?: number;
  readonly row?: number;
  readonly path: string;
  readonly message: string;
  readonly unmapped?: { readonly assertion: string; readonly reason: string };
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

/** A promptfoo assertion Assay has no matcher for, as the core reports it. */
export interface UnmappedAssertion extends ImportProblem {
  /** The assertion type as promptfoo names it (`python`, `rouge-n`). */
  readonly assertion: string;
  /** Why it cannot run, without the core's advice on how to import anyway (the button is that). */
  readonly reason: string;
}

/** The problem as an unmappable assertion (the core marks those), or null for any other. */
export function unmappedOf(problem: ImportProblem): UnmappedAssertion | null {
  const { unmapped } = problem;
  if (typeof unmapped?.assertion !== 'string' || typeof unmapped.reason !== 'string') return null;
  return { ...problem, assertion: unmapped.assertion, reason: unmapped.reason };
}

/**
 * The assertions a refused promptfoo import could not map, when they are all that stopped it:
 * importing anyway (`skipUnmapped`) then goes through, those cases unscored. Empty when any
 * other problem would stop the import as well.
 */
export function unmappedOnly(error: ClientError): UnmappedAssertion[] {
  if (error.code !== 'VALIDATION_FAILED') return [];
  const problems = problemsOf(error);
  const unmapped = problems.map(unmappedOf).filter((u) => u !== null);
  return unmapped.length > 0 && unmapped.length === problems.length ? unmapped : [];
}
