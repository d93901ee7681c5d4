import { AssayError } from '../../../shared/errors';

/**
 * One thing wrong with one case (or with the file around it). `path` is how a person finds the
 * field, in the file's own terms and bracket notation (`test_cases[3].matchers[0].pattern`);
 * `line` is the 1-based file line when the input was a file; CSV adds its data `row`.
 */
export interface CaseProblem {
  readonly line?: number;
  readonly row?: number;
  readonly path: string;
  readonly message: string;
  /**
   * An assertion of another tool that Assay cannot run (promptfoo's python, rouge-n, …): the
   * one kind of problem that importing with `skipUnmapped` gets past.
   */
  readonly unmapped?: { readonly assertion: string; readonly reason: string };
}

export type PathSegment = string | number;

/** `['test_cases', 3, 'matchers', 0]` → `test_cases[3].matchers[0]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

/** `test_cases[3].matchers[0]` → `test_cases.3.matchers.0`, as field-level UI errors expect. */
function dotted(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

function describeProblem(problem: CaseProblem, fileName: string | undefined): string {
  const where =
    problem.line === undefined
      ? ''
      : fileName
        ? `${fileName}:${problem.line}: `
        : `line ${problem.line}: `;
  const row = problem.row === undefined ? '' : `row ${problem.row}: `;
  const path = problem.path === '' ? '' : `${problem.path}: `;
  return `${where}${row}${path}${problem.message}`;
}

/** Every problem as one line a person can act on, in the order found. */
export function describeProblems(problems: readonly CaseProblem[], fileName?: string): string[] {
  return problems.map((p) => describeProblem(p, fileName));
}

/**
 * One coded error for every problem found: the message names the first (file, line, field),
 * details carry all of them, plus `issues` in the dotted form field-level UI errors read.
 */
export function invalidCasesError(
  where: string,
  problems: readonly CaseProblem[],
  fileName?: string,
): AssayError {
  const first = problems[0] ?? { path: '', message: 'invalid' };
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AssayError(
    'VALIDATION_FAILED',
    `${where}: ${describeProblem(first, fileName)}${more}`,
    {
      ...(fileName === undefined ? {} : { file: fileName }),
      problems,
      issues: problems.map((p) => ({ path: dotted(p.path) || '(input)', message: p.message })),
    },
  );
}
