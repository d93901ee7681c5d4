import type { ScoreConfig } from '../../../shared/contract/quality';
import { PICO_PER_USD } from '../../../shared/money';
import { gradeTarget } from '../grading/grade-target';
import { gradingTarget } from '../grading/grading-target';
import { meteredJudge, newMeter, type JudgeCallDeps } from '../online/registry-judge';
import { graderScoreRecord, graderScoreRow } from '../grader-scores';
import type { ScoreRecord } from '../score-repository';
import {
  scorecardVerdict,
  type ItemScore,
  type ScorecardVerdict,
} from '../scoring/scorecard-verdict';
import type {
  EvalAnswer,
  EvalGradeContext,
  GraderOutcome,
  PinnedGrader,
  ScorecardGrade,
  ScorecardPlan,
} from './scorecard-scorer';

/** A human grader is left to reviewers: an eval run never waits on a person. */
const HUMAN_REASON = 'waits for a reviewer';

interface Graded {
  readonly grader: PinnedGrader;
  /** Null for a human grader: nothing ran, nothing is stored. */
  readonly score: ScoreRecord | null;
  /** Scored only when a value was stored (a value its config cannot hold is an error). */
  readonly status: ItemScore['status'];
  readonly unpriced: number;
}

async function gradeOne(
  grader: PinnedGrader,
  answer: EvalAnswer,
  ctx: EvalGradeContext,
  judge: JudgeCallDeps,
  now: string,
): Promise<Graded> {
  if (grader.kind === 'human') return { grader, score: null, status: 'unscored', unpriced: 0 };
  const target = gradingTarget({
    input: answer.input,
    output: answer.output,
    expected: answer.expected ?? null,
    instructions: answer.instructions,
    latencyMs: answer.latencyMs,
    costUsd: answer.costPicoUsd === null ? null : answer.costPicoUsd / PICO_PER_USD,
    toolCallCount: answer.toolCallCount,
    vars: answer.vars,
  });
  const meter = newMeter();
  const isJudge = grader.version.definition.kind === 'llm_judge';
  const seam = isJudge
    ? meteredJudge(
        judge,
        meter,
        { ...ctx.attributes, graderVersionId: grader.version.id },
        'eval judge',
      )
    : undefined;
  const result = await gradeTarget(
    grader.version,
    target,
    { judge: seam, matcherContext: ctx.matcherContext },
    { signal: ctx.signal },
  );
  // A judge's cost exactly as the call path priced it; a matcher's as it reported it. Unpriced
  // stays unknown (null), never 0.
  let cost: number | null;
  let unpriced: number;
  if (isJudge) {
    cost = meter.unpriced > 0 ? null : meter.picoUsd;
    unpriced = meter.unpriced;
  } else {
    cost = result.costUsd === null ? null : Math.round(result.costUsd * PICO_PER_USD);
    unpriced = result.costUsd === null ? 1 : 0;
  }
  const score = graderScoreRecord(
    graderScoreRow({ type: 'eval_result', id: ctx.resultId }, grader, result, cost, now),
  );
  const status =
    score.value !== null ? 'scored' : result.status === 'scored' ? 'error' : result.status;
  return { grader, score, status, unpriced };
}

function valueText(outcome: GraderOutcome, config: ScoreConfig): string {
  if (outcome.level !== null) return `${outcome.level} (${outcome.value})`;
  if (outcome.value === null) return outcome.state;
  if (config.type === 'boolean') return outcome.value === 1 ? 'true' : 'false';
  return String(Math.round(outcome.value * 1000) / 1000);
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** `passed (82% ≥ 70%): Accuracy v2: Bullseye (100), right; Review v1: missing, waits…` */
function describe(
  plan: ScorecardPlan,
  verdict: ScorecardVerdict,
  graders: readonly GraderOutcome[],
): string {
  const { pin } = plan;
  const head =
    verdict.outcome === 'incomplete'
      ? `incomplete: ${verdict.missing.length + verdict.unscored.length} of ${graders.length} graders gave no score`
      : `${verdict.outcome === 'pass' ? 'passed' : 'failed'} (${pct(verdict.mean ?? 0)} ${verdict.outcome === 'pass' ? '≥' : '<'} ${pct(pin.passThreshold)})`;
  const items = graders.map((g, i) => {
    const config = plan.graders[i]!.version.scoreConfig;
    const why = g.reason === null || g.reason === '' ? '' : `, ${g.reason}`;
    return `${g.name} v${g.version}: ${valueText(g, config)}${why}`;
  });
  return `scorecard "${pin.name}" v${pin.version} ${head}; ${items.join('; ')}`;
}

/**
 * Grades one eval case's answer with every grader of the pinned scorecard, at once (judges
 * wait on the network), and gives the scorecard's verdict. Never throws: a grader that fails is
 * a score with no value and its reason, which leaves the verdict incomplete, never a pass.
 */
export async function gradeEvalAnswer(
  plan: ScorecardPlan,
  answer: EvalAnswer,
  ctx: EvalGradeContext,
  judge: JudgeCallDeps,
  now: string = new Date().toISOString(),
): Promise<ScorecardGrade> {
  const graded = await Promise.all(plan.graders.map((g) => gradeOne(g, answer, ctx, judge, now)));
  const found = new Map<string, ItemScore>();
  // A human grader's item has no score: the verdict reads it as missing (incomplete).
  for (const { grader, score, status } of graded)
    if (score !== null)
      found.set(grader.version.graderId, {
        status,
        value: score.value,
        scoreConfig: grader.version.scoreConfig,
        reason: score.reason,
      });
  const verdict = scorecardVerdict(
    {
      items: plan.graders.map((g) => ({ graderId: g.version.graderId, weight: g.weight })),
      passThreshold: plan.pin.passThreshold,
    },
    found,
  );
  const graders: GraderOutcome[] = graded.map(({ grader, score }, i) => ({
    name: grader.name,
    version: grader.version.version,
    kind: grader.kind,
    weight: grader.weight,
    state: verdict.items[i]!.state,
    value: score?.value ?? null,
    level: score?.level ?? null,
    reason: score === null ? HUMAN_REASON : score.reason,
  }));
  const scores = graded.flatMap(({ score }) => (score === null ? [] : [score]));
  return {
    outcome: verdict.outcome,
    mean: verdict.mean,
    reason: describe(plan, verdict, graders),
    judgeCostPicoUsd: scores.reduce((sum, s) => sum + (s.costPicoUsd ?? 0), 0),
    unpricedCalls: graded.reduce((n, g) => n + g.unpriced, 0),
    graders,
    scores,
  };
}
