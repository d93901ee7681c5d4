import type { Kysely } from 'kysely';
import type { RunScorecardRef } from '../../../shared/contract/evals';
import { AssayError } from '../../../shared/errors';
import { matcherCallsModel } from '../../evals/matchers/registry';
import type { DB } from '../../store/schema';
import { GraderRepository } from '../grader-repository';
import { ScorecardRepository } from '../scorecard-repository';
import type { PinnedGrader, ScorecardPin, ScorecardPlan } from './scorecard-scorer';

const FIELD = 'scorers.scorecard';

function refused(
  code: 'NOT_FOUND' | 'VALIDATION_FAILED',
  where: string,
  path: string,
  message: string,
): AssayError {
  return new AssayError(code, `${where}: ${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * The scorecard a run names, at the version asked for (default its latest), with each item's
 * grader version fixed: the one the item pins, else the grader's latest now. An archived
 * scorecard is refused (restore it to run with it); by name only live ones are found.
 */
export async function pinScorecard(
  db: Kysely<DB>,
  ref: RunScorecardRef,
  where: string,
): Promise<ScorecardPin> {
  const cards = new ScorecardRepository(db);
  const card =
    ref.id !== undefined
      ? await cards.scorecard(ref.id)
      : ((await cards.liveByName(ref.name!)) ?? (await cards.archivedByName(ref.name!)));
  const named = ref.id !== undefined ? `id "${ref.id}"` : `named "${ref.name}"`;
  if (!card) throw refused('NOT_FOUND', where, FIELD, `no scorecard ${named}`);
  if (card.archived)
    throw refused(
      'VALIDATION_FAILED',
      where,
      FIELD,
      `scorecard "${card.name}" is archived; restore it first`,
    );
  const version = await cards.version(card.id, ref.version);
  if (!version) {
    const latest = (await cards.version(card.id))!;
    throw refused(
      'NOT_FOUND',
      where,
      `${FIELD}.version`,
      `scorecard "${card.name}" has no version ${ref.version} (its latest is ${latest.version})`,
    );
  }
  const graders = new GraderRepository(db);
  const items = [];
  for (const item of version.body.items) {
    const pinned =
      item.graderVersion === undefined
        ? await graders.latestVersion(item.graderId)
        : await graders.versionByNumber(item.graderId, item.graderVersion);
    // A scorecard names only graders and versions that exist (checked when saved), and
    // neither is ever deleted.
    if (!pinned)
      throw new AssayError(
        'INTERNAL',
        `${where}: scorecard "${card.name}" v${version.version} names a grader version that is not stored`,
      );
    items.push({ graderId: item.graderId, graderVersionId: pinned.id, weight: item.weight });
  }
  return {
    id: card.id,
    name: card.name,
    version: version.version,
    versionId: version.id,
    passThreshold: version.body.passThreshold,
    items,
  };
}

/** A pin's grader versions read back (immutable: a resume grades exactly as the start did). */
export async function loadPlan(db: Kysely<DB>, pin: ScorecardPin): Promise<ScorecardPlan> {
  const repo = new GraderRepository(db);
  const graders: PinnedGrader[] = [];
  for (const item of pin.items) {
    const [grader, version] = await Promise.all([
      repo.grader(item.graderId),
      repo.versionById(item.graderVersionId),
    ]);
    if (!grader || !version)
      throw new AssayError(
        'INTERNAL',
        `scorecard "${pin.name}" v${pin.version}: grader version ${item.graderVersionId} is not stored`,
      );
    graders.push({ name: grader.name, kind: grader.kind, weight: item.weight, version });
  }
  const callsModel = graders.some(
    ({ version: { definition } }) =>
      definition.kind === 'llm_judge' ||
      (definition.kind === 'deterministic' &&
        definition.check.type === 'matcher' &&
        matcherCallsModel(definition.check.matcher)),
  );
  return { pin, graders, callsModel };
}
