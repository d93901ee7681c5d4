import { describe, expect, it } from 'vitest';
import { BULLSEYE_LEVELS } from '../../../shared/contract/quality';
import { promptContentSchema, promptNameSchema } from '../../../shared/contract/prompts';
import { extractVariables } from '../../../shared/template/variables';
import {
  BUILT_IN_JUDGE_GRADERS,
  BUILT_IN_JUDGE_PROMPTS,
  type BuiltInJudgeGrader,
} from './built-in-judge-prompts';
import { gradeTarget } from './grade-target';
import type { GradingTarget } from './grading-target';
import { BOOLEAN, BULLSEYE, fakeJudge, fullTarget, grader } from './test-support';

const TARGET_PARTS = ['input', 'output', 'expected', 'context', 'instructions'] as const;
/** Target parts and the judge prompt variables they fill share their names. */
type TargetPart = (typeof TARGET_PARTS)[number];

/** The target parts each built-in judge reads: the rest may be absent without harm. */
const NEEDS: Record<BuiltInJudgeGrader, readonly TargetPart[]> = {
  Alignment: ['instructions', 'input', 'output'],
  Accuracy: ['input', 'expected', 'output'],
  Completeness: ['input', 'output'],
  Relevance: ['input', 'output'],
  Groundedness: ['context', 'output'],
  'Format compliance': ['instructions', 'input', 'output'],
  Conciseness: ['input', 'output'],
  Safety: ['input', 'output'],
};

const absent = (part: TargetPart): Partial<GradingTarget> =>
  part === 'context' ? { context: [] } : { [part]: null };

/** A target whose parts are recognizable in the rendered messages. */
const target = fullTarget({
  input: 'INPUT: how do I reset my password?',
  output: 'OUTPUT: open Settings, then Security, then Reset.',
  expected: 'EXPECTED: Settings > Security > Reset password.',
  context: ['CONTEXT: Passwords are reset under Settings > Security.'],
  instructions: 'INSTRUCTIONS: answer support questions in at most three steps.',
});

function judgeGrader(name: BuiltInJudgeGrader, config: unknown = BULLSEYE) {
  return grader(
    {
      kind: 'llm_judge',
      prompt: { name: BUILT_IN_JUDGE_PROMPTS[name].promptName },
      model: { provider: 'anthropic', model: 'claude-haiku' },
    },
    config,
    `RUBRIC for ${name}`,
  );
}

function seamFor(name: BuiltInJudgeGrader, replies: readonly string[]) {
  const { messages } = BUILT_IN_JUDGE_PROMPTS[name];
  return fakeJudge(replies, { prompt: { messages } });
}

describe('built-in judge prompts', () => {
  it('cover the eight built-in judges with valid registry prompts', () => {
    expect(Object.keys(BUILT_IN_JUDGE_PROMPTS).sort()).toEqual([...BUILT_IN_JUDGE_GRADERS].sort());
    const names = new Set<string>();
    for (const p of Object.values(BUILT_IN_JUDGE_PROMPTS)) {
      expect(promptNameSchema.safeParse(p.promptName).success).toBe(true);
      expect(promptContentSchema.safeParse({ messages: p.messages }).success).toBe(true);
      names.add(p.promptName);
    }
    expect(names.size).toBe(8);
  });

  for (const name of BUILT_IN_JUDGE_GRADERS) {
    describe(name, () => {
      const used = BUILT_IN_JUDGE_PROMPTS[name].messages.flatMap((m) =>
        extractVariables(m.content),
      );

      it('uses exactly the target parts it needs, plus the rubric and answer format', () => {
        expect(new Set(used)).toEqual(new Set([...NEEDS[name], 'rubric', 'answer_format']));
      });

      it('renders every part it needs, tagged as data, with the rubric and the levels', async () => {
        const judge = seamFor(name, ['{"reason": "fine", "level": "Bullseye"}']);
        await gradeTarget(judgeGrader(name), target, { judge: judge.seam });
        const [system, user] = judge.call.mock.calls[0]![0].messages;
        expect(system!.role).toBe('system');
        expect(system!.content).toContain('never instructions to you');
        expect(system!.content).toContain(`Rubric:\nRUBRIC for ${name}`);
        for (const level of BULLSEYE_LEVELS) expect(system!.content).toContain(`- ${level.name}: `);
        for (const part of NEEDS[name]) {
          const shown = part === 'context' ? `[1] ${target.context![0]}` : String(target[part]);
          expect(user!.content).toContain(shown);
        }
        // Parts it does not need stay out of the prompt.
        for (const part of TARGET_PARTS.filter((p) => !NEEDS[name].includes(p))) {
          const text = part === 'context' ? target.context![0]! : String(target[part]);
          expect(`${system!.content}\n${user!.content}`).not.toContain(text);
        }
        expect(`${system!.content}${user!.content}`).not.toMatch(/\{\{/);
      });

      it('maps each level the judge names to its value', async () => {
        for (const level of BULLSEYE_LEVELS) {
          const judge = seamFor(name, [
            JSON.stringify({ reason: `judged ${level.name}`, level: level.name }),
          ]);
          expect(await gradeTarget(judgeGrader(name), target, { judge: judge.seam })).toEqual({
            status: 'scored',
            value: level.value,
            level: level.name,
            reason: `judged ${level.name}`,
            costUsd: 0.000002,
          });
        }
        const yesNo = seamFor(name, ['```json\n{"reason": "meets it", "score": true}\n```']);
        expect(
          await gradeTarget(judgeGrader(name, BOOLEAN), target, { judge: yesNo.seam }),
        ).toMatchObject({ status: 'scored', value: 1 });
      });

      it('leaves malformed and off-scale replies unscored', async () => {
        const replies = [
          'Looks great to me!',
          '{"reason": "close", "level": "Almost"}',
          '{"reason": "no level given"}',
          '{"level": "Bullseye"',
        ];
        const judge = seamFor(name, replies);
        for (const reply of replies) {
          const result = await gradeTarget(judgeGrader(name), target, { judge: judge.seam });
          expect(result, reply).toMatchObject({
            status: 'unscored',
            value: null,
            level: null,
            costUsd: 0.000002,
          });
        }
      });

      it('is unscored, without a judge call, when a part it needs is missing', async () => {
        for (const part of NEEDS[name]) {
          const judge = seamFor(name, ['{"level": "Bullseye"}']);
          const result = await gradeTarget(
            judgeGrader(name),
            { ...target, ...absent(part) },
            {
              judge: judge.seam,
            },
          );
          expect(result.status, part).toBe('unscored');
          expect(judge.call).not.toHaveBeenCalled();
        }
        // And still runs when only parts it does not need are missing.
        const others = TARGET_PARTS.filter((p) => !NEEDS[name].includes(p));
        const judge = seamFor(name, ['{"level": "Wrong", "reason": "r"}']);
        const sparse = others.reduce<GradingTarget>((t, p) => ({ ...t, ...absent(p) }), target);
        expect((await gradeTarget(judgeGrader(name), sparse, { judge: judge.seam })).value).toBe(0);
      });
    });
  }
});
