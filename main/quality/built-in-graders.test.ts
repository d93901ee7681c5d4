import { describe, expect, it } from 'vitest';
import { BUILT_IN_GRADERS } from './built-in-graders';
import { graderConfigIssue } from './grading/grader-config-check';
import { BUILT_IN_JUDGE_PROMPTS } from './grading/built-in-judge-prompts';

describe('built-in graders', () => {
  it('each names the shipped judge prompt written for it, with a config its kind can give', () => {
    expect(BUILT_IN_GRADERS.map((g) => g.name).sort()).toEqual(
      Object.keys(BUILT_IN_JUDGE_PROMPTS).sort(),
    );
    for (const grader of BUILT_IN_GRADERS) {
      const shipped = BUILT_IN_JUDGE_PROMPTS[grader.name as keyof typeof BUILT_IN_JUDGE_PROMPTS];
      expect(grader.definition).toMatchObject({
        kind: 'llm_judge',
        prompt: { name: shipped.promptName },
      });
      expect(graderConfigIssue(grader.definition, grader.scoreConfig)).toBeNull();
      expect(grader.rubric.length).toBeGreaterThan(100);
    }
  });
});
