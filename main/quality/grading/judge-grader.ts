import type { GraderDefinition, ScoreConfig } from '../../../shared/contract/quality';
import { gradeError, messageOf, scored, unscored, usdOf, type GradeResult } from './grade-result';
import type { GradingTarget } from './grading-target';
import { answerResponseFormat } from './judge-answer-format';
import { judgeMessages } from './judge-messages';
import type { JudgeSeam } from './judge-seam';
import { parseJudgeVerdict } from './judge-verdict';

/**
 * An LLM-judge grader: its prompt from the registry, rendered for the target, sent to the judge
 * model with a structured-output schema, the reply read against the score config. The judge's
 * cost is returned apart from the target's own, also when its reply could not be read (the call
 * was paid for).
 */

type JudgeDefinition = Extract<GraderDefinition, { kind: 'llm_judge' }>;

export interface JudgeOptions {
  readonly signal?: AbortSignal | undefined;
  /** Grade with the definition's second model (calibration) instead of its first. */
  readonly judgeModel?: 'primary' | 'second' | undefined;
}

function promptName(definition: JudgeDefinition): string {
  const { name, label, version } = definition.prompt;
  return `${name}@${version ?? label ?? 'production'}`;
}

export async function gradeWithJudge(
  definition: JudgeDefinition,
  rubric: string,
  config: ScoreConfig,
  target: GradingTarget,
  seam: JudgeSeam | undefined,
  options: JudgeOptions = {},
): Promise<GradeResult> {
  if (target.output === null) return unscored('no output to grade');
  if (seam === undefined)
    return gradeError('no judge configured: an LLM judge needs a model to call');
  const model = options.judgeModel === 'second' ? definition.secondModel : definition.model;
  if (model === undefined) return gradeError('this grader has no second judge model');
  let template;
  try {
    template = await seam.resolvePrompt(definition.prompt, options.signal);
  } catch (err) {
    return gradeError(
      `judge prompt ${promptName(definition)} could not be read: ${messageOf(err)}`,
    );
  }
  const rendered = judgeMessages(template, target, rubric, config);
  if (!rendered.ok)
    return rendered.status === 'unscored' ? unscored(rendered.reason) : gradeError(rendered.reason);
  let reply;
  try {
    reply = await seam.call(
      {
        ...model,
        messages: rendered.messages,
        responseFormat: answerResponseFormat(config),
        prompt: definition.prompt,
      },
      options.signal,
    );
  } catch (err) {
    // What a failed call cost is not known.
    return gradeError(`judge call failed: ${messageOf(err)}`, null);
  }
  const cost = usdOf(reply.costPicoUsd);
  const verdict = parseJudgeVerdict(reply.text, config);
  if (!verdict.ok) return unscored(verdict.reason, cost);
  return scored(
    verdict.value,
    verdict.level,
    verdict.reason === '' ? 'the judge gave no reason' : verdict.reason,
    cost,
  );
}
