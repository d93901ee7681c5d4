import { z } from 'zod';
import { caseVarsSchema, expectedSchema, tagsSchema } from '../../../shared/contract';
import { isPlainJson } from '../../../shared/json-value';
import { parseMatcherSpec } from '../matchers/registry';
import type { CaseDraft } from './case-draft';
import { formatPath, type CaseProblem, type PathSegment } from './problems';

/** Where a case came from, so a problem can name it the way its source does. */
export interface CaseLocator {
  /** The case's own path (`['test_cases', 3]`); empty when `line` or `row` already says which. */
  readonly base: readonly PathSegment[];
  /** CSV data row (1 = first row after the header). */
  readonly row?: number;
  /** File line of a field inside the case (nearest existing ancestor), when there is a file. */
  readonly lineOf?: (sub: readonly PathSegment[]) => number | undefined;
}

/** The shape every case must have, whatever its source; matchers are checked one by one below. */
const draftSchema = z.object({
  description: z.string().max(2000),
  vars: caseVarsSchema,
  expected: expectedSchema.optional(),
  matchers: z.array(z.unknown()).max(100, 'at most 100 matchers per case'),
  tags: tagsSchema,
});

export function problemAt(
  at: CaseLocator,
  sub: readonly PathSegment[],
  message: string,
): CaseProblem {
  const line = at.lineOf?.(sub);
  return {
    ...(line === undefined ? {} : { line }),
    ...(at.row === undefined ? {} : { row: at.row }),
    path: formatPath([...at.base, ...sub]),
    message,
  };
}

/** Where matcher `i` of a list was written, relative to its case. */
export type MatcherPath = (i: number) => PathSegment[];
export const defaultMatcherPath: MatcherPath = (i) => ['matchers', i];

/** `value.0.x` (the matcher library's path notation) as segments. */
function segmentsOf(path: string): PathSegment[] {
  return path
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Checks matchers with the matcher library. Verdicts are memoised by the matcher's JSON within
 * one check: a large import repeats the same few matchers on every case.
 */
export class MatcherChecker {
  private readonly verdicts = new Map<string, { path: string; message: string }[]>();

  check(
    matchers: readonly unknown[],
    at: CaseLocator,
    pathOf: MatcherPath = defaultMatcherPath,
  ): CaseProblem[] {
    const problems: CaseProblem[] = [];
    matchers.forEach((matcher, i) => {
      const here = pathOf(i);
      if (!isPlainJson(matcher)) {
        problems.push(problemAt(at, here, 'a matcher must be plain JSON (no NaN or Infinity)'));
        return;
      }
      for (const issue of this.verdict(matcher))
        problems.push(problemAt(at, [...here, ...segmentsOf(issue.path)], issue.message));
    });
    return problems;
  }

  private verdict(matcher: unknown): { path: string; message: string }[] {
    const key = JSON.stringify(matcher);
    let issues = this.verdicts.get(key);
    if (issues === undefined) {
      const parsed = parseMatcherSpec(matcher);
      issues = parsed.ok ? [] : parsed.issues;
      this.verdicts.set(key, issues);
    }
    return issues;
  }
}

/** Every problem of one draft: shape, variables, tags, then each matcher. */
export function checkDraft(
  draft: CaseDraft,
  at: CaseLocator,
  matchers: MatcherChecker,
  pathOf: MatcherPath = defaultMatcherPath,
): CaseProblem[] {
  const parsed = draftSchema.safeParse(draft);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) =>
      problemAt(
        at,
        issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'),
        issue.message,
      ),
    );
  }
  return matchers.check(draft.matchers, at, pathOf);
}
