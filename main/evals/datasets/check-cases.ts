import { z } from 'zod';
import { caseVarsSchema, expectedSchema, tagsSchema } from '../../../shared/contract';
import { isPlainJson } from '../../../shared/json-value';
import { parseMatcherText } from '../matchers/registry';
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
  /**
   * A path of the stored case → the same spot as the source wrote it, when the source names
   * fields its own way (assay-py: `vars` is `input`, `matchers[0].required` is `required_keys`).
   */
  readonly spell?: (sub: readonly PathSegment[]) => PathSegment[];
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
  const own = at.spell ? at.spell(sub) : sub;
  const line = at.lineOf?.(own);
  return {
    ...(line === undefined ? {} : { line }),
    ...(at.row === undefined ? {} : { row: at.row }),
    path: formatPath([...at.base, ...own]),
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

type Issues = readonly { path: string; message: string }[];

const NOT_PLAIN: Issues = [
  { path: '', message: 'a matcher must be plain JSON (no NaN or Infinity)' },
];

/**
 * Checks matchers with the matcher library. Verdicts are memoised within one check by the
 * matcher object (expanded promptfoo cases share theirs) and by its JSON (a large import
 * repeats the same few matchers on every case), so no matcher is walked twice.
 */
export class MatcherChecker {
  private readonly verdicts = new Map<string, Issues>();
  private readonly byObject = new WeakMap<object, Issues>();

  check(
    matchers: readonly unknown[],
    at: CaseLocator,
    pathOf: MatcherPath = defaultMatcherPath,
  ): CaseProblem[] {
    const problems: CaseProblem[] = [];
    matchers.forEach((matcher, i) => {
      const here = pathOf(i);
      for (const issue of this.verdict(matcher))
        problems.push(problemAt(at, [...here, ...segmentsOf(issue.path)], issue.message));
    });
    return problems;
  }

  private verdict(matcher: unknown): Issues {
    const object = typeof matcher === 'object' && matcher !== null ? matcher : null;
    const known = object && this.byObject.get(object);
    if (known) return known;
    let issues: Issues;
    if (!isPlainJson(matcher)) issues = NOT_PLAIN;
    else {
      const key = JSON.stringify(matcher);
      issues = this.verdicts.get(key) ?? this.parse(key, matcher);
    }
    if (object) this.byObject.set(object, issues);
    return issues;
  }

  private parse(key: string, matcher: unknown): Issues {
    // The registry's cache: the run that follows an import finds these specs parsed.
    const parsed = parseMatcherText(key, matcher);
    const issues = parsed.ok ? [] : parsed.issues;
    this.verdicts.set(key, issues);
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
