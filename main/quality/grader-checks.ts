import type { GraderDefinition, ScoreConfig } from '../../shared/contract/quality';
import { AssayError, type FieldIssue } from '../../shared/errors';
import { parseMatcherSpec } from '../evals/matchers/registry';

/**
 * What a deterministic check can give: a matcher passes or scores 0..1 (boolean or numeric);
 * a bare metric is a number (numeric); a metric with bounds, and `json_valid`, is whether it
 * holds (boolean). A judge, code or a person can give any config.
 */
function deterministicIssues(
  definition: Extract<GraderDefinition, { kind: 'deterministic' }>,
  config: ScoreConfig,
): FieldIssue[] {
  const check = definition.check;
  if (check.type === 'matcher') {
    // The matcher registry is a pure library the grading engine runs too: checking the spec
    // here means a grader never stores a matcher that could only fail when it runs.
    const parsed = parseMatcherSpec(check.matcher);
    if (!parsed.ok)
      return parsed.issues.map((i) => ({
        path: ['definition.check.matcher', i.path].filter((p) => p !== '').join('.'),
        message: i.message,
      }));
    return config.type === 'categorical'
      ? [
          {
            path: 'scoreConfig.type',
            message: 'a matcher gives a pass (boolean) or a 0..1 score (numeric)',
          },
        ]
      : [];
  }
  const issues: FieldIssue[] = [];
  if (check.min !== undefined && check.max !== undefined && check.min > check.max)
    issues.push({ path: 'definition.check.max', message: 'must not be less than min' });
  const bounded = check.min !== undefined || check.max !== undefined;
  if (check.metric === 'json_valid') {
    if (bounded)
      issues.push({
        path: 'definition.check.min',
        message: 'json_valid is true or false: it has no bounds',
      });
    if (config.type !== 'boolean')
      issues.push({ path: 'scoreConfig.type', message: 'json_valid gives a boolean score' });
  } else if (bounded && config.type !== 'boolean') {
    issues.push({
      path: 'scoreConfig.type',
      message: 'a metric with bounds scores whether it lies within them: use a boolean config',
    });
  } else if (!bounded && config.type !== 'numeric') {
    issues.push({
      path: 'scoreConfig.type',
      message: `${check.metric} is a number: use a numeric config (or give bounds for a boolean)`,
    });
  }
  return issues;
}

/** Throws VALIDATION_FAILED naming every field where a definition and its config disagree. */
export function checkGrader(
  where: string,
  definition: GraderDefinition,
  config: ScoreConfig,
): void {
  const issues = definition.kind === 'deterministic' ? deterministicIssues(definition, config) : [];
  throwIssues(where, issues);
}

/** Many issues as one coded error, the first one named in the message (as the transports do). */
export function throwIssues(where: string, issues: readonly FieldIssue[]): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new AssayError(
    'VALIDATION_FAILED',
    `${where}: invalid "${first.path}": ${first.message}${more}`,
    {
      issues,
    },
  );
}
