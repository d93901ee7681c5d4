import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { ScoreConfig } from '../../../shared/contract/quality';
import { MAX_DISAGREEMENTS, type Calibration } from '../../../shared/contract/quality-insights';
import { AssayError } from '../../../shared/errors';
import type { DB } from '../../store/schema';
import { targetLinks } from '../dashboard/target-links';
import { throwIssues } from '../grader-checks';
import { GraderRepository, type GraderRecord } from '../grader-repository';
import { agreement, type LabelPair } from './agreement';
import { judgeScores, referenceScores, type LabelledScore } from './calibration-scores';
import { labellingOf, labelsOf, scoreLabel } from './score-labels';

const WHERE = 'graders.calibration';

async function requireGrader(
  graders: GraderRepository,
  id: string,
  path: string,
): Promise<GraderRecord> {
  const grader = await graders.grader(id);
  if (!grader)
    throw new AssayError('NOT_FOUND', `${WHERE}: no grader with id "${id}"`, {
      issues: [{ path, message: 'no such grader' }],
    });
  return grader;
}

/** Each version's config by version id: a score is read on the version that gave it. */
async function configsOf(graders: GraderRepository, graderId: string) {
  const versions = await graders.versionsOf(graderId);
  return { versions, configs: new Map(versions.map((v) => [v.id, v.scoreConfig])) };
}

export interface CalibrationOptions {
  /** Resolve where disagreeing targets open (off for the graders list's flags). */
  readonly links?: boolean;
}

/**
 * How far a grader (an LLM judge) agrees with a reference on the targets both scored, each
 * side's newest scored verdict per target. The reference is people's scores given under this
 * same grader (source `human`: a reviewer correcting the judge), or, when the caller names one,
 * another grader's scores: a human grader with the same scale, or a second judge kept as a
 * grader of its own. Labels are level names, true/false, or quarters of a numeric range
 * (score-labels.ts), named by the judge's config (the version asked for, else its latest).
 */
export async function graderCalibration(
  db: Kysely<DB>,
  input: ParsedInput<'graders.calibration'>,
  options: CalibrationOptions = {},
): Promise<Calibration> {
  const graders = new GraderRepository(db);
  const grader = await requireGrader(graders, input.id, 'id');
  const judge = await configsOf(graders, grader.id);
  const chosen =
    input.version === undefined
      ? null
      : (judge.versions.find((v) => v.version === input.version) ?? null);
  if (input.version !== undefined && !chosen)
    throw new AssayError(
      'NOT_FOUND',
      `${WHERE}: grader "${grader.name}" has no version ${input.version}`,
      {
        issues: [{ path: 'version', message: 'no such version' }],
      },
    );
  const display: ScoreConfig = (chosen ?? judge.versions[judge.versions.length - 1]!).scoreConfig;

  const separate = input.referenceGraderId !== undefined && input.referenceGraderId !== grader.id;
  const reference = separate
    ? await requireGrader(graders, input.referenceGraderId!, 'referenceGraderId')
    : grader;
  const referenceConfigs = separate ? await configsOf(graders, reference.id) : judge;
  const referenceType =
    referenceConfigs.versions[referenceConfigs.versions.length - 1]!.scoreConfig.type;
  if (referenceType !== display.type)
    throwIssues(WHERE, [
      {
        path: 'referenceGraderId',
        message: `"${reference.name}" gives ${referenceType} scores and "${grader.name}" ${display.type} scores: a reference needs the same kind of scale`,
      },
    ]);

  const references = await referenceScores(db, reference.id, !separate);
  const judged = await judgeScores(
    db,
    chosen ? [chosen.id] : judge.versions.map((v) => v.id),
    [...references.values()].map((s) => s.target),
  );
  const label = (configs: Map<string, ScoreConfig>, s: LabelledScore) => {
    const own = configs.get(s.graderVersionId);
    return own ? scoreLabel(own, display, s.value, s.level) : null;
  };
  const pairs: LabelPair[] = [];
  const byKey = new Map<string, { judge: LabelledScore; reference: LabelledScore }>();
  for (const [key, ref] of references) {
    const verdict = judged.get(key);
    if (!verdict) continue;
    const judgeLabel = label(judge.configs, verdict);
    const referenceLabel = label(referenceConfigs.configs, ref);
    if (judgeLabel === null || referenceLabel === null) continue;
    pairs.push({ targetId: key, judge: judgeLabel, reference: referenceLabel });
    byKey.set(key, { judge: verdict, reference: ref });
  }
  const result = agreement(pairs, labelsOf(display));
  const listed = result.disagreements.slice(0, MAX_DISAGREEMENTS);
  const scores = listed.map((p) => byKey.get(p.targetId)!);
  const links =
    options.links === false
      ? scores.map((s) => ({ target: s.reference.target, traceId: null, runId: null }))
      : await targetLinks(
          db,
          scores.map((s) => s.reference.target),
        );
  return {
    graderId: grader.id,
    version: chosen?.version ?? null,
    reference: {
      kind: separate ? 'grader' : 'human',
      graderId: reference.id,
      graderName: reference.name,
    },
    labelling: labellingOf(display),
    levels: [...result.levels],
    n: result.n,
    referenceTargets: references.size,
    exact: result.exact,
    kappa: result.kappa,
    flagged: result.flagged,
    confusion: result.confusion.map((row) => [...row]),
    disagreements: listed.map((p, i) => ({
      link: links[i]!,
      judge: p.judge,
      reference: p.reference,
      judgeScoreId: scores[i]!.judge.id,
      referenceScoreId: scores[i]!.reference.id,
      judgeReason: scores[i]!.judge.reason,
      referenceReason: scores[i]!.reference.reason,
    })),
    disagreementsOmitted: result.disagreements.length - listed.length,
  };
}
