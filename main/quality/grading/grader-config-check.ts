import type { GraderDefinition, ScoreConfig } from '../../../shared/contract/quality';
import { parseMatcherSpec, type ParseMatcherResult } from '../../evals/matchers/registry';

/**
 * Whether a definition can give scores its config holds. The contract validates each on its
 * own; this checks the pair, so the grader service can refuse a grader that could never score
 * (a matcher's 0..1 on a categorical scale, a bounded metric on a numeric one) when it is saved,
 * and grading reports the same words if such a version reaches it anyway.
 */

type Check = Extract<GraderDefinition, { kind: 'deterministic' }>['check'];

const parsed = new WeakMap<object, ParseMatcherResult>();

/** The matcher spec parsed once per spec object: grading runs it for every target. */
export function parsedMatcher(
  spec: Extract<Check, { type: 'matcher' }>['matcher'],
): ParseMatcherResult {
  const hit = parsed.get(spec);
  if (hit) return hit;
  const result = parseMatcherSpec(spec);
  parsed.set(spec, result);
  return result;
}

function matcherIssue(
  check: Extract<Check, { type: 'matcher' }>,
  config: ScoreConfig,
): string | null {
  const spec = parsedMatcher(check.matcher);
  if (!spec.ok) {
    const first = spec.issues[0];
    const where = first && first.path !== '' ? `${first.path}: ` : '';
    return `invalid ${check.matcher.type} matcher: ${where}${first?.message ?? 'invalid'}`;
  }
  if (config.type === 'categorical')
    return 'a matcher scores 0..1 or pass/fail: give it a numeric or boolean score config, not levels';
  return null;
}

function metricIssue(
  check: Extract<Check, { type: 'metric' }>,
  config: ScoreConfig,
): string | null {
  const bounded = check.min !== undefined || check.max !== undefined;
  if (check.min !== undefined && check.max !== undefined && check.min > check.max)
    return `metric ${check.metric}: min ${check.min} is above max ${check.max}`;
  if (check.metric === 'json_valid') {
    if (bounded) return 'json_valid is true or false: it takes no min or max';
    return config.type === 'boolean'
      ? null
      : 'json_valid is true or false: give it a boolean score config';
  }
  if (bounded)
    return config.type === 'boolean'
      ? null
      : `metric ${check.metric} with min/max says whether it lies within them: give it a boolean score config`;
  return config.type === 'numeric'
    ? null
    : `metric ${check.metric} without min/max is the score itself: give it a numeric score config (or set min/max for a boolean one)`;
}

/** Why this definition cannot score on this config; null when it can. */
export function graderConfigIssue(
  definition: GraderDefinition,
  config: ScoreConfig,
): string | null {
  if (definition.kind !== 'deterministic') return null;
  return definition.check.type === 'matcher'
    ? matcherIssue(definition.check, config)
    : metricIssue(definition.check, config);
}
