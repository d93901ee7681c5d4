import type { GraderDefinition, GraderView } from '../../../shared/contract/quality';
import { AssayError } from '../../../shared/errors';
import type { QualityService } from '../quality-service';

/**
 * The second judge as a grader of its own: the judge's latest definition, rubric and score
 * config with the model swapped, marked `secondJudgeOf` the judge. One live copy per judge and
 * model: a later start reuses it, brought up to the judge's latest version first (a version
 * only when something changed), so its scores are one per target and copy version like any
 * grader's.
 */

type JudgeDefinition = Extract<GraderDefinition, { kind: 'llm_judge' }>;
export type ModelRef = JudgeDefinition['model'];

/** Grader names are at most this long (the contract's name field). */
const MAX_NAME = 120;

export const sameModel = (a: ModelRef, b: ModelRef): boolean =>
  a.provider === b.provider && a.model === b.model;

/** "Accuracy · second judge local/llama3.1:8b", shortened on the judge's name when too long. */
export function secondJudgeName(judgeName: string, model: ModelRef): string {
  const suffix = ` · second judge ${model.provider}/${model.model}`;
  const whole = `${judgeName}${suffix}`;
  if (whole.length <= MAX_NAME) return whole;
  const room = MAX_NAME - suffix.length - 1;
  if (room >= 8) return `${judgeName.slice(0, room)}…${suffix}`;
  return `${whole.slice(0, MAX_NAME - 1)}…`;
}

/** The judge's definition on another model; its own second model is not the copy's business. */
export function secondJudgeDefinition(
  judgeId: string,
  judge: JudgeDefinition,
  model: ModelRef,
): JudgeDefinition {
  return { kind: 'llm_judge', prompt: judge.prompt, model, secondJudgeOf: judgeId };
}

/** Whether a grader is the live second judge of this judge on this model. */
export function isSecondJudgeOf(grader: GraderView, judgeId: string, model: ModelRef): boolean {
  const d = grader.latest.definition;
  return d.kind === 'llm_judge' && d.secondJudgeOf === judgeId && sameModel(d.model, model);
}

async function findCopy(
  quality: QualityService,
  judgeId: string,
  model: ModelRef,
): Promise<GraderView | null> {
  const live = await quality.listGraders({ includeArchived: false });
  return live.find((g) => isSecondJudgeOf(g, judgeId, model)) ?? null;
}

/** The judge's copy on `model`: the live one brought up to date, else a new one. */
export async function ensureSecondJudge(
  quality: QualityService,
  judge: GraderView,
  model: ModelRef,
): Promise<GraderView> {
  const definition = judge.latest.definition;
  if (definition.kind !== 'llm_judge') throw new Error('a second judge copies an LLM judge');
  const wanted = {
    rubric: judge.latest.rubric,
    definition: secondJudgeDefinition(judge.id, definition, model),
    scoreConfig: judge.latest.scoreConfig,
  };
  const existing = await findCopy(quality, judge.id, model);
  if (existing) return quality.updateGrader({ id: existing.id, ...wanted });
  const name = secondJudgeName(judge.name, model);
  try {
    return await quality.createGrader({
      name,
      description: `Second judge of "${judge.name}" on ${model.provider}/${model.model}, for calibration.`,
      ...wanted,
    });
  } catch (err) {
    if (!(err instanceof AssayError) || err.code !== 'CONFLICT') throw err;
    // Another start made the copy between the look-up and the insert: use that one.
    const raced = await findCopy(quality, judge.id, model);
    if (raced) return quality.updateGrader({ id: raced.id, ...wanted });
    throw new AssayError(
      'CONFLICT',
      `graders.secondJudge.start: a grader named "${name}" exists and is not this judge's second judge on ${model.provider}/${model.model}: archive it to make the copy`,
      { issues: [{ path: 'model', message: `"${name}" is taken by another grader` }] },
    );
  }
}
