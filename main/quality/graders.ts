import { saveNextVersion } from '../store/version-race';
import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { GraderView } from '../../shared/contract/quality';
import { AssayError } from '../../shared/errors';
import { canonicalJson } from '../kit/canonical-json';
import { newId } from '../kit/ids';
import { isUniqueViolation } from '../store/constraint-errors';
import type { DB } from '../store/schema';
import { checkGrader, throwIssues } from './grader-checks';
import { GraderRepository, type GraderRecord, type GraderVersionRecord } from './grader-repository';

/** Saves that lost the race for a version number before giving up (as prompts do). */

export function graderView(grader: GraderRecord, latest: GraderVersionRecord): GraderView {
  return { ...grader, latest };
}

const nameTaken = (where: string, name: string): AssayError =>
  new AssayError(
    'CONFLICT',
    `${where}: a grader named "${name}" exists (archive it, or pick another name)`,
    {
      issues: [{ path: 'name', message: 'taken by a live grader' }],
    },
  );

export async function requireGrader(
  repo: GraderRepository,
  id: string,
  where: string,
): Promise<{ grader: GraderRecord; latest: GraderVersionRecord }> {
  const grader = await repo.grader(id);
  if (!grader)
    throw new AssayError('NOT_FOUND', `${where}: no grader with id "${id}"`, {
      issues: [{ path: 'id', message: 'no such grader' }],
    });
  return { grader, latest: (await repo.latestVersion(id))! };
}

/** A second judge names the judge it copies: another grader that exists and is a judge. */
async function checkSecondJudgeOf(
  repo: GraderRepository,
  where: string,
  definition: ParsedInput<'graders.create'>['definition'],
  selfId: string | null,
): Promise<void> {
  if (definition.kind !== 'llm_judge' || definition.secondJudgeOf === undefined) return;
  const judge = await repo.grader(definition.secondJudgeOf);
  const message =
    definition.secondJudgeOf === selfId
      ? 'a grader is not its own second judge'
      : !judge
        ? 'no such grader'
        : judge.kind !== 'llm_judge'
          ? `"${judge.name}" is not an LLM judge`
          : null;
  if (message !== null) throwIssues(where, [{ path: 'definition.secondJudgeOf', message }]);
}

/** A new grader at version 1; its name must be free among live graders. */
export async function createGrader(
  db: Kysely<DB>,
  input: ParsedInput<'graders.create'>,
): Promise<GraderView> {
  const where = 'graders.create';
  checkGrader(where, input.definition, input.scoreConfig);
  const now = new Date().toISOString();
  const grader: GraderRecord = {
    id: newId(),
    name: input.name,
    description: input.description,
    kind: input.definition.kind,
    builtIn: false,
    archived: false,
    createdAt: now,
  };
  const first: GraderVersionRecord = {
    id: newId(),
    graderId: grader.id,
    version: 1,
    definition: input.definition,
    scoreConfig: input.scoreConfig,
    rubric: input.rubric,
    createdAt: now,
  };
  try {
    await db.transaction().execute(async (tx) => {
      const repo = new GraderRepository(tx);
      await checkSecondJudgeOf(repo, where, input.definition, null);
      if (await repo.liveByName(input.name)) throw nameTaken(where, input.name);
      await repo.insertGrader(grader);
      await repo.insertVersion(first);
    });
  } catch (err) {
    // Another writer took the name between the check and the insert.
    if (isUniqueViolation(err)) throw nameTaken(where, input.name);
    throw err;
  }
  return graderView(grader, first);
}

type UpdateInput = ParsedInput<'graders.update'>;

/**
 * A new version with whatever the input changes; what it leaves out stays as in the latest.
 * An update that changes no versioned field (definition, score config, rubric) makes no
 * version: a retried or repeated save never piles up identical versions. The description is
 * the grader's, not a version's: it changes either way. A grader keeps its kind.
 */
async function saveOnce(db: Kysely<DB>, input: UpdateInput): Promise<GraderView> {
  const where = 'graders.update';
  return db.transaction().execute(async (tx) => {
    const repo = new GraderRepository(tx);
    const { grader, latest } = await requireGrader(repo, input.id, where);
    const definition = input.definition ?? latest.definition;
    const scoreConfig = input.scoreConfig ?? latest.scoreConfig;
    const rubric = input.rubric ?? latest.rubric;
    if (definition.kind !== grader.kind)
      throwIssues(where, [
        {
          path: 'definition.kind',
          message: `a grader keeps its kind (${grader.kind}); create a new grader for another kind`,
        },
      ]);
    checkGrader(where, definition, scoreConfig);
    await checkSecondJudgeOf(repo, where, definition, grader.id);
    const description = input.description ?? grader.description;
    if (description !== grader.description) await repo.setDescription(grader.id, description);
    const current = { ...grader, description };
    const same =
      canonicalJson(definition) === canonicalJson(latest.definition) &&
      canonicalJson(scoreConfig) === canonicalJson(latest.scoreConfig) &&
      rubric === latest.rubric;
    if (same) return graderView(current, latest);
    const next: GraderVersionRecord = {
      id: newId(),
      graderId: grader.id,
      version: latest.version + 1,
      definition,
      scoreConfig,
      rubric,
      createdAt: new Date().toISOString(),
    };
    await repo.insertVersion(next);
    return graderView(current, next);
  });
}

export function updateGrader(db: Kysely<DB>, input: UpdateInput): Promise<GraderView> {
  return saveNextVersion(() => saveOnce(db, input), `graders.update: grader "${input.id}"`);
}

/** Archives or restores; a restore needs the name free among live graders. */
export async function archiveGrader(
  db: Kysely<DB>,
  input: ParsedInput<'graders.archive'>,
): Promise<GraderView> {
  const where = 'graders.archive';
  let name = input.id;
  try {
    return await db.transaction().execute(async (tx) => {
      const repo = new GraderRepository(tx);
      const { grader, latest } = await requireGrader(repo, input.id, where);
      name = grader.name;
      if (grader.archived === input.archived) return graderView(grader, latest);
      if (!input.archived) {
        const live = await repo.liveByName(grader.name);
        if (live && live.id !== grader.id) throw nameTaken(where, grader.name);
      }
      await repo.setArchived(grader.id, input.archived);
      return graderView({ ...grader, archived: input.archived }, latest);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(where, name);
    throw err;
  }
}
