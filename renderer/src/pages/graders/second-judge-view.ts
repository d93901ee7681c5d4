import type { GraderView, SecondJudgeJob } from '../../../../shared/contract';
import { fmtCount, fmtUsd } from '../../lib/format';

/** The judge a grader is the second judge of, or null. */
export function secondJudgeOf(grader: GraderView): string | null {
  const d = grader.latest.definition;
  return d.kind === 'llm_judge' ? (d.secondJudgeOf ?? null) : null;
}

/**
 * The graders a judge can be calibrated against: those on the same kind of scale, its own
 * second judges first (newest first, as listed), then the rest in the list's order.
 */
export function calibrationReferences(
  graders: readonly GraderView[],
  judge: GraderView,
): GraderView[] {
  const type = judge.latest.scoreConfig.type;
  const same = graders.filter((g) => g.id !== judge.id && g.latest.scoreConfig.type === type);
  const own = same.filter((g) => secondJudgeOf(g) === judge.id);
  return [...own, ...same.filter((g) => secondJudgeOf(g) !== judge.id)];
}

/** Finished share of a job, 0..1 (an empty job is finished). */
export const jobShare = (job: SecondJudgeJob): number =>
  job.total === 0 ? 1 : Math.min(1, job.done / job.total);

/** What the progress line says: where the job is, what it found, what it cost so far. */
export function jobSummary(job: SecondJudgeJob): string {
  const model = `${job.model.provider}/${job.model.model}`;
  const where =
    job.state === 'running'
      ? `Grading with ${model}: ${fmtCount(job.done)} of ${fmtCount(job.total)} targets`
      : `${job.state === 'done' ? 'Done' : job.state === 'cancelled' ? 'Cancelled' : 'Stopped'} with ${model}: ${fmtCount(job.done)} of ${fmtCount(job.total)} targets`;
  const parts = [
    `${fmtCount(job.scored)} scored`,
    job.unscored > 0 ? `${fmtCount(job.unscored)} unscored` : null,
    job.alreadyScored > 0 ? `${fmtCount(job.alreadyScored)} scored before` : null,
    job.failed > 0 ? `${fmtCount(job.failed)} failed` : null,
  ].filter((p) => p !== null);
  // Calls to an unpriced model cost something unknown: never shown as $0.
  const cost =
    job.unpricedCalls === 0
      ? fmtUsd(job.costUsd)
      : job.unpricedCalls === job.calls
        ? `unpriced (${fmtCount(job.calls)} calls)`
        : `${fmtUsd(job.costUsd)} + ${fmtCount(job.unpricedCalls)} unpriced calls`;
  return `${where} · ${parts.join(', ')} · judge cost ${cost}`;
}
