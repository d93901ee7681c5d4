import { z } from 'zod';
import { PROVIDER_IDS } from '../../../../shared/contract/settings';
import { renderTemplate } from '../../../../shared/template/variables';
import { cannotJudge, defineMatcher, gradedSchema, text } from '../core/definition';
import { buildJudgePrompt, parseJudgeReply } from './judge-prompt';
import { levelsOf, normalizeGrade, scaleSchema } from './judge-scale';
import { formatScore } from '../core/reason-format';

const schema = gradedSchema('llm-judge', {
  /** What a good output does; `{{var}}` is filled from the case's variables. */
  rubric: text('rubric'),
  /** Judge provider id (openai, anthropic, bedrock, local). Absent: the run's judge model. */
  provider: z
    .enum(PROVIDER_IDS, {
      error: (issue) =>
        `provider must be one of ${PROVIDER_IDS.join(', ')} (got ${JSON.stringify(issue.input)})`,
    })
    .optional(),
  model: text('model').optional(),
  scale: scaleSchema,
  /** Show the judge the case's expected output as a reference answer. */
  showExpected: z.boolean().default(true),
}).superRefine((spec, ctx) => {
  if ((spec.provider === undefined) !== (spec.model === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [spec.provider === undefined ? 'provider' : 'model'],
      message: "give provider and model together (or neither, to use the run's default judge)",
    });
  }
});

/**
 * A model grades the output against a rubric. The judge's cost is reported apart from the
 * prompt's. Without a judge model, or with a reply that holds no verdict, the result fails as
 * "could not judge" so `not` never turns a missing judge into a pass.
 */
export const llmJudgeMatcher = defineMatcher({
  type: 'llm-judge',
  aliases: { 'llm-rubric': {} },
  callsModel: true,
  description: 'An LLM grades the output against a rubric (pass-fail or graded levels).',
  binary: false,
  defaultThreshold: 0.5,
  schema,
  async evaluate(spec, subject, ctx) {
    if (ctx.judge === undefined)
      return cannotJudge('no judge configured: llm-judge needs a model to call');
    const judgeModel =
      spec.provider !== undefined && spec.model !== undefined
        ? { provider: spec.provider, model: spec.model }
        : ctx.defaultJudge;
    if (judgeModel === undefined)
      return cannotJudge(
        'no judge model: set provider and model on the matcher or a default judge for the run',
      );
    if (ctx.signal?.aborted) return cannotJudge('cancelled before the judge was called');
    const rubric = renderTemplate(spec.rubric, subject.vars);
    const prompt = buildJudgePrompt(
      {
        rubric: rubric.text,
        output: subject.text,
        vars: subject.vars,
        ...(spec.showExpected && subject.expected !== undefined
          ? { expected: subject.expected }
          : {}),
      },
      spec.scale,
    );
    const reply = await ctx.judge({ ...judgeModel, ...prompt });
    const cost = reply.costPicoUsd === null ? {} : { costPicoUsd: reply.costPicoUsd };
    const judge = `${judgeModel.provider}/${judgeModel.model}`;
    const details = {
      judge,
      judgeCost: reply.costPicoUsd ?? 'unpriced',
      ...(rubric.missing.length > 0 ? { missingVars: rubric.missing } : {}),
    };
    const parsed = parseJudgeReply(reply.text, spec.scale);
    if (!parsed.ok) return { ...cannotJudge(parsed.error, details), ...cost };
    const why = parsed.reason === '' ? 'no reason given' : parsed.reason;
    if (spec.scale === 'pass-fail') {
      return {
        score: parsed.score,
        reason: `judge ${parsed.score === 1 ? 'passed' : 'failed'} it: ${why}`,
        details,
        ...cost,
      };
    }
    const score = normalizeGrade(parsed.score, levelsOf(spec.scale));
    return {
      score,
      reason: `judge graded ${parsed.score} (${formatScore(score)}): ${why}`,
      details: { ...details, grade: parsed.score },
      ...cost,
    };
  },
});
