import { vi } from 'vitest';
import {
  BULLSEYE_LEVELS,
  graderDefinitionSchema,
  scoreConfigSchema,
} from '../../../shared/contract/quality';
import type { ScoreConfig } from '../../../shared/contract/quality';
import type { GraderToRun } from './grade-target';
import { gradingTarget, type GradingTarget } from './grading-target';
import type { JudgeModelRequest, JudgePromptTemplate, JudgeSeam } from './judge-seam';

/** A grader version from contract-shaped input, defaults filled as the contract fills them. */
export function grader(definition: unknown, scoreConfig: unknown, rubric = ''): GraderToRun {
  return {
    definition: graderDefinitionSchema.parse(definition),
    scoreConfig: scoreConfigSchema.parse(scoreConfig),
    rubric,
  };
}

export const BULLSEYE: ScoreConfig = scoreConfigSchema.parse({
  type: 'categorical',
  levels: BULLSEYE_LEVELS,
});
export const BOOLEAN: ScoreConfig = scoreConfigSchema.parse({ type: 'boolean' });

/** An answered chat turn with everything a grader may read. */
export function fullTarget(over: Partial<GradingTarget> = {}): GradingTarget {
  return gradingTarget({
    input: 'What is the capital of France?',
    output: 'Paris.',
    expected: 'Paris',
    context: ['Paris is the capital and largest city of France.'],
    instructions: 'Answer geography questions in one short sentence.',
    latencyMs: 420,
    costUsd: 0.000125,
    toolCallCount: 0,
    ...over,
  });
}

/**
 * A judge seam with canned replies: the prompt it resolves and every request it was sent are
 * kept, so tests can read what the judge saw.
 */
export function fakeJudge(
  replies: readonly string[] | ((request: JudgeModelRequest) => string),
  options: { prompt?: JudgePromptTemplate; costPicoUsd?: number | null } = {},
) {
  let i = 0;
  const resolvePrompt = vi.fn(() =>
    Promise.resolve(
      options.prompt ?? {
        messages: [
          { role: 'system' as const, content: 'You grade answers.\n\n{{rubric}}' },
          {
            role: 'user' as const,
            content: '<input>{{input}}</input>\n<output>{{output}}</output>',
          },
        ],
      },
    ),
  );
  const call = vi.fn((request: JudgeModelRequest) => {
    const text = typeof replies === 'function' ? replies(request) : (replies[i++] ?? '');
    return Promise.resolve({
      text,
      costPicoUsd: options.costPicoUsd === undefined ? 2_000_000 : options.costPicoUsd,
    });
  });
  const seam: JudgeSeam = { resolvePrompt, call };
  return { seam, resolvePrompt, call };
}
