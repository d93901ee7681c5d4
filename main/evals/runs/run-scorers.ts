import type { MatcherInput, ParsedInput, Preflight } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { canonicalJson } from '../../kit/canonical-json';
import { parseMatcherSpec } from '../matchers/registry';

type StartInput = ParsedInput<'evals.start'>;

/** The scorers of a run, defaults filled in (a run that names none keeps the cases' matchers). */
export interface RunScorers {
  readonly useDatasetMatchers: boolean;
  readonly skip: readonly string[];
  readonly add: readonly MatcherInput[];
}

/** Dataset matchers listed by the pre-flight: enough for a picker, bounded for odd datasets. */
const MAX_LISTED = 50;

/** A matcher's identity for `scorers.skip`: its JSON with keys sorted. */
export function matcherKey(matcher: unknown): string {
  return canonicalJson(matcher);
}

/**
 * Validates the matchers added at start with the matcher library; each problem names its field
 * (`scorers.add.0.pattern`), so a form shows it next to that option.
 */
export function checkScorers(input: StartInput, where: string): RunScorers | null {
  const scorers = input.scorers;
  if (!scorers) return null;
  // The scorecard is pinned apart (run-service.ts): a run stores its pin, not the reference.
  const { useDatasetMatchers, skip, add } = scorers;
  const issues = scorers.add.flatMap((matcher, i) => {
    const parsed = parseMatcherSpec(matcher);
    return parsed.ok
      ? []
      : parsed.issues.map((issue) => ({
          path: ['scorers', 'add', String(i), ...(issue.path ? [issue.path] : [])].join('.'),
          message: issue.message,
        }));
  });
  if (issues.length > 0) {
    const [first] = issues;
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: ${first?.path}: ${first?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { issues },
    );
  }
  return { useDatasetMatchers, skip, add };
}

/** The matchers a case is scored with in a run with these scorers. */
export function matchersOf(
  own: readonly MatcherInput[],
  scorers: RunScorers | null,
): MatcherInput[] {
  if (!scorers) return [...own];
  const skip = new Set(scorers.skip);
  const kept = scorers.useDatasetMatchers ? own.filter((m) => !skip.has(matcherKey(m))) : [];
  return [...kept, ...scorers.add];
}

/** The distinct matchers the cases carry, with how many cases carry each. */
export function datasetMatchers(
  cases: readonly { readonly matchers: readonly MatcherInput[] }[],
): Preflight['datasetMatchers'] {
  const found = new Map<string, { key: string; matcher: MatcherInput; count: number }>();
  for (const c of cases) {
    const seen = new Set<string>();
    for (const matcher of c.matchers) {
      const key = matcherKey(matcher);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = found.get(key);
      if (entry) entry.count++;
      else if (found.size < MAX_LISTED) found.set(key, { key, matcher, count: 1 });
    }
  }
  return [...found.values()];
}
