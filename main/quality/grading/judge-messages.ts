import type { ScoreConfig } from '../../../shared/contract/quality';
import { extractVariables, renderTemplate } from '../../../shared/template/variables';
import { answerFormat } from './judge-answer-format';
import type { JudgePromptTemplate } from './judge-seam';
import { contextText, expectedText, type GradingTarget } from './grading-target';

/**
 * Renders a judge prompt (registry `{{var}}` syntax) for one target. Grading fills the target's
 * parts and two of its own: `{{rubric}}` (the grader version's rubric) and `{{answer_format}}`
 * (the levels or range and the JSON to reply with). A prompt that leaves either out gets it
 * appended to its system message: a judge always sees what it grades against and how to answer.
 * A target part the prompt uses but the target lacks makes the target unscored (Accuracy
 * without a reference answer is no verdict); a variable nobody fills is the prompt's error.
 */

export const TARGET_VARIABLES = ['input', 'output', 'expected', 'context', 'instructions'] as const;
type TargetVariable = (typeof TARGET_VARIABLES)[number];
const GRADING_VARIABLES = ['rubric', 'answer_format'] as const;

/** How a reason names a missing part. */
const WHAT: Record<TargetVariable, string> = {
  input: 'no input',
  output: 'no output',
  expected: 'no expected (reference) answer',
  context: 'no retrieved documents (context)',
  instructions: 'no instructions (system prompt)',
};

export type JudgeMessages =
  | {
      readonly ok: true;
      readonly messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
    }
  | { readonly ok: false; readonly status: 'unscored' | 'error'; readonly reason: string };

function targetValues(target: GradingTarget): Record<TargetVariable, string | null> {
  return {
    input: target.input,
    output: target.output,
    expected: expectedText(target),
    context: contextText(target),
    instructions: target.instructions,
  };
}

export function judgeMessages(
  template: JudgePromptTemplate,
  target: GradingTarget,
  rubric: string,
  config: ScoreConfig,
): JudgeMessages {
  if (template.messages.length === 0)
    return { ok: false, status: 'error', reason: 'the judge prompt has no messages' };
  const used = new Set(template.messages.flatMap((m) => extractVariables(m.content)));
  const fromTarget = targetValues(target);
  const values: Record<string, string> = { ...template.defaults };
  const missing: string[] = [];
  for (const name of TARGET_VARIABLES) {
    const value = fromTarget[name];
    if (value !== null) values[name] = value;
    else if (used.has(name)) missing.push(name);
  }
  if (missing.length > 0) {
    const what = missing.map((name) => WHAT[name as TargetVariable]).join(', ');
    const vars = missing.map((name) => `{{${name}}}`).join(', ');
    return {
      ok: false,
      status: 'unscored',
      reason: `the target has ${what}, which the judge prompt needs (${vars})`,
    };
  }
  values.rubric = rubric;
  values.answer_format = answerFormat(config);
  const unknown = [...used].filter((name) => !Object.hasOwn(values, name));
  if (unknown.length > 0) {
    const known = [...TARGET_VARIABLES, ...GRADING_VARIABLES].join(', ');
    return {
      ok: false,
      status: 'error',
      reason: `the judge prompt uses ${unknown.map((n) => `{{${n}}}`).join(', ')}, which grading does not fill (it fills ${known})`,
    };
  }
  const messages = template.messages.map((m) => ({
    role: m.role,
    content: renderTemplate(m.content, values).text,
  }));
  const appendix: string[] = [];
  if (!used.has('rubric') && rubric.trim() !== '') appendix.push(`<rubric>\n${rubric}\n</rubric>`);
  if (!used.has('answer_format')) appendix.push(values.answer_format);
  if (appendix.length > 0) {
    const system = messages.find((m) => m.role === 'system');
    if (system) system.content = [system.content, ...appendix].join('\n\n');
    else messages.unshift({ role: 'system', content: appendix.join('\n\n') });
  }
  return { ok: true, messages };
}
