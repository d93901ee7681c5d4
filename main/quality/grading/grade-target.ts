import type { GraderVersionView } from '../../../shared/contract/quality';
import type { MatcherContext } from '../../evals/matchers/registry';
import { normalizeScore } from '../scoring/normalize';
import { gradeWithCode } from './code-grader';
import { gradeError, messageOf, unscored, type GradeResult } from './grade-result';
import { graderConfigIssue, parsedMatcher } from './grader-config-check';
import type { GradingTarget } from './grading-target';
import { gradeWithJudge, type JudgeOptions } from './judge-grader';
import type { JudgeSeam } from './judge-seam';
import { gradeWithMatcher } from './matcher-grader';
import { gradeWithMetric } from './metric-grader';

/**
 * Runs one grader version on one target. Never throws, and never passes what it could not
 * judge: every way of not scoring comes back `unscored` or `error` with a reason and no value.
 */

/** What a grader version is graded with: its definition, score config and rubric. */
export type GraderToRun = Pick<GraderVersionView, 'definition' | 'scoreConfig' | 'rubric'>;

export interface GradeDeps {
  /** Resolves judge prompts and calls judge models: needed by llm_judge graders. */
  readonly judge?: JudgeSeam | undefined;
  /**
   * What matchers that call a model use (llm-judge, similarity): the eval runner's own seam
   * (evals/runs/case-call.ts builds it), so a matcher grades here exactly as in a run.
   */
  readonly matcherContext?: MatcherContext | undefined;
}

export type GradeOptions = JudgeOptions;

async function run(
  grader: GraderToRun,
  target: GradingTarget,
  deps: GradeDeps,
  options: GradeOptions,
): Promise<GradeResult> {
  const { definition, scoreConfig: config } = grader;
  switch (definition.kind) {
    case 'deterministic': {
      const { check } = definition;
      if (check.type === 'metric') return gradeWithMetric(check, config, target);
      const spec = parsedMatcher(check.matcher);
      // The config check refused invalid specs already.
      if (!spec.ok) return gradeError('invalid matcher');
      const ctx = deps.matcherContext ?? {};
      return gradeWithMatcher(
        check.matcher,
        spec.spec.type,
        config,
        target,
        options.signal && !ctx.signal ? { ...ctx, signal: options.signal } : ctx,
      );
    }
    case 'code':
      return gradeWithCode(definition.source, definition.timeoutMs, config, target);
    case 'llm_judge':
      return gradeWithJudge(definition, grader.rubric, config, target, deps.judge, options);
    case 'human':
      return unscored('waits for a reviewer');
  }
}

export async function gradeTarget(
  grader: GraderToRun,
  target: GradingTarget,
  deps: GradeDeps = {},
  options: GradeOptions = {},
): Promise<GradeResult> {
  const issue = graderConfigIssue(grader.definition, grader.scoreConfig);
  if (issue !== null) return gradeError(issue);
  if (options.signal?.aborted) return gradeError('cancelled before grading');
  let result: GradeResult;
  try {
    result = await run(grader, target, deps, options);
  } catch (err) {
    return gradeError(`${grader.definition.kind} grader failed: ${messageOf(err)}`);
  }
  // Invariant: a scored result holds a value its config holds, so no stored score is off-scale.
  if (result.status === 'scored') {
    const read = result.value === null ? null : normalizeScore(grader.scoreConfig, result.value);
    if (read === null || !read.ok)
      return gradeError(
        `the grader gave ${String(result.value)}, which its score config cannot hold`,
        result.costUsd,
      );
  }
  return result;
}
