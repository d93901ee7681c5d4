import type { ScoreCreate, ScoreTarget, ScoreView } from '../../shared/contract/quality';
import { AssayError } from '../../shared/errors';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { throwIssues } from './grader-checks';
import { GraderRepository } from './grader-repository';
import { writeGraderScores } from './grader-scores';
import { ScoreRepository, scoreView, type ScoreRecord } from './score-repository';
import { checkScore, checkSignal, type ScoreCheck } from './score-value';

export interface ScoreDeps {
  /** Whether the interaction, span or eval result exists (asked of its own domain). */
  readonly targetExists: (target: ScoreTarget) => Promise<boolean>;
  /** Cuts known secret values out of free text apps send (a pasted key in a reason). */
  readonly redact: (text: string) => string;
}

export interface ScoreOutcome {
  readonly score: ScoreView;
  readonly created: boolean;
}

const where = 'scores.create';

const asNumber = (value: number | boolean): number =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

/**
 * Whether a stored score is what this request would store: the retry of an app that did not
 * see the first answer. The comparison is on what the caller said (a level by name in any
 * case, a value, booleans as 1/0), not on the grader version, which may have moved since.
 */
function sameRequest(stored: ScoreRecord, input: ScoreCreate, reason: string | null): boolean {
  const graderId = input.graderId ?? null;
  const sameScore =
    input.level !== undefined
      ? stored.level !== null && stored.level.toLowerCase() === input.level.toLowerCase()
      : input.value !== undefined && stored.value === asNumber(input.value);
  return (
    stored.source === input.source &&
    stored.target.type === input.target.type &&
    stored.target.id === input.target.id &&
    stored.graderId === graderId &&
    (graderId !== null || stored.name === input.name) &&
    sameScore &&
    stored.reason === reason &&
    stored.author === (input.author ?? null)
  );
}

function settle(stored: ScoreRecord, input: ScoreCreate, reason: string | null): ScoreOutcome {
  if (sameRequest(stored, input, reason)) return { score: scoreView(stored), created: false };
  throw new AssayError(
    'CONFLICT',
    `${where}: the idempotency key "${input.idempotencyKey}" was used for a different score (${stored.id}); send a new key for a new score`,
    {
      issues: [{ path: 'idempotencyKey', message: 'used for a different score' }],
      scoreId: stored.id,
    },
  );
}

function requireChecked(check: ScoreCheck, at: string = where) {
  if (!check.ok) throwIssues(at, [check.issue]);
  return (check as Extract<ScoreCheck, { ok: true }>).score;
}

/**
 * Records a score from an app or a person (scores.create). The key is looked up first, so a
 * retry answers the stored score even if its grader was edited since (a purged target's scores
 * are gone with it: see forget-target-scores.ts).
 * A new score needs its target to exist and, with a grader, a value the grader's latest score
 * config accepts (that version is recorded with it). Two requests with one key racing each
 * other store one row: the loser reads the winner's and answers as a retry (or a conflict).
 */
export async function createScore(
  store: Store,
  deps: ScoreDeps,
  input: ScoreCreate,
): Promise<ScoreOutcome> {
  const scores = new ScoreRepository(store.db);
  const reason = input.reason === undefined ? null : deps.redact(input.reason);
  const existing = await scores.byKey(input.idempotencyKey);
  if (existing) return settle(existing, input, reason);

  let grader: { id: string; name: string; versionId: string } | null = null;
  let checked;
  if (input.graderId !== undefined) {
    const graders = new GraderRepository(store.db);
    const found = await graders.grader(input.graderId);
    if (!found)
      throw new AssayError('NOT_FOUND', `${where}: no grader with id "${input.graderId}"`, {
        issues: [{ path: 'graderId', message: 'no such grader' }],
      });
    const latest = (await graders.latestVersion(found.id))!;
    grader = { id: found.id, name: found.name, versionId: latest.id };
    checked = requireChecked(checkScore(latest.scoreConfig, input));
  } else {
    checked = requireChecked(checkSignal(input));
  }
  if (!(await deps.targetExists(input.target)))
    throw new AssayError(
      'NOT_FOUND',
      `${where}: no ${input.target.type} with id "${input.target.id}"`,
      {
        issues: [{ path: 'target.id', message: `no such ${input.target.type}` }],
      },
    );

  const record: ScoreRecord = {
    id: newId(),
    target: input.target,
    graderId: grader?.id ?? null,
    graderVersionId: grader?.versionId ?? null,
    // The contract's refinement guarantees a name when there is no grader.
    name: grader?.name ?? input.name!,
    value: checked.value,
    level: checked.level,
    reason,
    source: input.source,
    costPicoUsd: null,
    author: input.author ?? null,
    idempotencyKey: input.idempotencyKey,
    createdAt: new Date().toISOString(),
  };
  let inserted = false;
  await store.writes.run(async (tx) => {
    inserted = await new ScoreRepository(tx).insert(record);
  });
  if (inserted) return { score: scoreView(record), created: true };
  const winner = await scores.byKey(input.idempotencyKey);
  if (!winner)
    throw new AssayError(
      'INTERNAL',
      `${where}: the store refused score ${record.id}, not for its key`,
    );
  return settle(winner, input, reason);
}

/** What a grading run hands in: the version that judged, and its verdict or why it could not. */
export interface GraderScoreInput {
  readonly target: ScoreTarget;
  readonly graderVersionId: string;
  /** Null (and no level): the grader could not score; the reason says why. */
  readonly value: number | boolean | null;
  readonly level?: string;
  readonly reason: string | null;
  readonly costPicoUsd: number | null;
}

/**
 * A grader's score (source `grader`): one per target and grader version, so grading the same
 * target again with the same version answers the stored score (created: false).
 */
export async function recordGraderScore(
  store: Store,
  input: GraderScoreInput,
): Promise<ScoreOutcome> {
  const graders = new GraderRepository(store.db);
  const version = await graders.versionById(input.graderVersionId);
  if (!version)
    throw new AssayError(
      'NOT_FOUND',
      `grading: no grader version with id "${input.graderVersionId}"`,
    );
  const grader = (await graders.grader(version.graderId))!;
  const unscored = input.value === null && input.level === undefined;
  // A value the version cannot hold is refused here, not stored as no score: the caller named it.
  const checked = unscored
    ? { value: null, level: null }
    : requireChecked(
        checkScore(version.scoreConfig, {
          ...(input.value === null ? {} : { value: input.value }),
          ...(input.level === undefined ? {} : { level: input.level }),
        }),
        'grading',
      );
  let stored = 0;
  await store.writes.run(async (tx) => {
    stored = await writeGraderScores(tx, store.dialect, [
      {
        target: input.target,
        grader: { name: grader.name, version },
        value: checked.value,
        level: checked.level,
        reason: input.reason,
        costPicoUsd: input.costPicoUsd,
        createdAt: new Date().toISOString(),
      },
    ]);
  });
  // The score this version holds for the target: the one just stored, or the one kept.
  const score = (await new ScoreRepository(store.db).byGraderVersion(input.target, version.id))!;
  return { score: scoreView(score), created: stored === 1 };
}
