import type { Kysely } from 'kysely';
import type { GraderKind, ScorecardView } from '../../../shared/contract/quality';
import { AssayError } from '../../../shared/errors';
import type { DB } from '../../store/schema';
import { GraderRepository, type GraderVersionRecord } from '../grader-repository';
import { ScorecardRepository, scorecardView } from '../scorecard-repository';

/** One item of a scorecard with what the dashboard needs to read its grader's scores. */
export interface ItemScope {
  readonly graderId: string;
  readonly name: string;
  readonly kind: GraderKind;
  readonly weight: number;
  /** The pinned version: only its scores count. */
  readonly pinned: GraderVersionRecord | null;
  /** Every version whose scores may count (the pinned one, or all of them). */
  readonly versions: readonly GraderVersionRecord[];
  /** Every version of the grader, pinned or not. */
  readonly allVersions: readonly GraderVersionRecord[];
  /** The version the buckets are named by: the pinned one, else the latest. */
  readonly display: GraderVersionRecord;
}

export async function scorecardAt(
  db: Kysely<DB>,
  where: string,
  id: string,
  version?: number,
): Promise<ScorecardView> {
  const repo = new ScorecardRepository(db);
  const card = await repo.scorecard(id);
  if (!card)
    throw new AssayError('NOT_FOUND', `${where}: no scorecard with id "${id}"`, {
      issues: [{ path: 'id', message: 'no such scorecard' }],
    });
  const at = await repo.version(id, version);
  if (!at)
    throw new AssayError(
      'NOT_FOUND',
      `${where}: scorecard "${card.name}" has no version ${version}`,
      {
        issues: [{ path: 'version', message: 'no such version' }],
      },
    );
  return scorecardView(card, at);
}

/**
 * A scorecard version's items as grader scopes. Graders are read as they are now: a grader
 * archived since the scorecard was saved still has its scores charted.
 */
export async function scorecardScope(
  db: Kysely<DB>,
  where: string,
  id: string,
  version?: number,
): Promise<{ card: ScorecardView; items: ItemScope[] }> {
  const card = await scorecardAt(db, where, id, version);
  const graders = new GraderRepository(db);
  const items: ItemScope[] = [];
  for (const item of card.body.items) {
    const grader = await graders.grader(item.graderId);
    // Graders are never deleted (scores reference them), so a saved item's grader exists.
    if (!grader) continue;
    const all = await graders.versionsOf(grader.id);
    const pinned =
      item.graderVersion === undefined
        ? null
        : (all.find((v) => v.version === item.graderVersion) ?? null);
    items.push({
      graderId: grader.id,
      name: grader.name,
      kind: grader.kind,
      weight: item.weight,
      pinned,
      versions: pinned ? [pinned] : all,
      allVersions: all,
      display: pinned ?? all[all.length - 1]!,
    });
  }
  return { card, items };
}
