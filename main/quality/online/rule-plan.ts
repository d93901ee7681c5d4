import type { GraderKind, GraderVersionView } from '../../../shared/contract/quality';
import type { QualityService } from '../quality-service';
import { callsMatcherModel } from './model-matchers';

/** One grader a rule runs: the scorecard item's pinned version, else the grader's latest. */
export interface PlannedGrader {
  readonly name: string;
  readonly kind: GraderKind;
  readonly version: GraderVersionView;
}

/**
 * What a rule grades with right now: every grader of its scorecard's latest version, at the
 * version its item pins or the grader's latest. Human graders are left to review queues: a
 * rule never waits on a person; a matcher that calls a model is left out too, as it has no model
 * here (model-matchers.ts: a rule is refused on such a scorecard). Read again for each page, so an edited grader or scorecard
 * applies to what arrives next (what was scored stays as it was: see rescore).
 */
export async function rulePlan(
  quality: QualityService,
  scorecardId: string,
): Promise<PlannedGrader[]> {
  const card = await quality.getScorecard({ id: scorecardId });
  const plan: PlannedGrader[] = [];
  for (const item of card.body.items) {
    const { grader, versions } = await quality.getGrader(item.graderId);
    if (grader.kind === 'human') continue;
    const version =
      item.graderVersion === undefined
        ? grader.latest
        : versions.find((v) => v.version === item.graderVersion);
    // A scorecard names only versions that exist (checked when saved); versions are never deleted.
    if (version && !callsMatcherModel(version.definition))
      plan.push({ name: grader.name, kind: grader.kind, version });
  }
  return plan;
}
