import { saveNextVersion } from '../store/version-race';
import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { ScorecardBody, ScorecardView } from '../../shared/contract/quality';
import { AssayError, type FieldIssue } from '../../shared/errors';
import { canonicalJson } from '../kit/canonical-json';
import { newId } from '../kit/ids';
import { isUniqueViolation } from '../store/constraint-errors';
import type { DB } from '../store/schema';
import { throwIssues } from './grader-checks';
import { GraderRepository } from './grader-repository';
import {
  ScorecardRepository,
  scorecardView,
  type ScorecardRecord,
  type ScorecardVersionRecord,
} from './scorecard-repository';

const nameTaken = (where: string, name: string): AssayError =>
  new AssayError(
    'CONFLICT',
    `${where}: a scorecard named "${name}" exists (archive it, or pick another name)`,
    {
      issues: [{ path: 'name', message: 'taken by a live scorecard' }],
    },
  );

/**
 * Every item must name a live grader once, and a pinned version that grader has. Every
 * problem is reported at once, each at its field (`body.items.2.graderId`).
 */
async function checkBody(db: Kysely<DB>, where: string, body: ScorecardBody): Promise<void> {
  const graders = new GraderRepository(db);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, item] of body.items.entries()) {
    const path = `body.items.${i}`;
    if (seen.has(item.graderId)) {
      issues.push({
        path: `${path}.graderId`,
        message: `grader "${item.graderId}" is listed twice`,
      });
      continue;
    }
    seen.add(item.graderId);
    const grader = await graders.grader(item.graderId);
    if (!grader) {
      issues.push({ path: `${path}.graderId`, message: `no grader with id "${item.graderId}"` });
      continue;
    }
    if (grader.archived) {
      issues.push({
        path: `${path}.graderId`,
        message: `grader "${grader.name}" is archived; restore it first`,
      });
      continue;
    }
    if (item.graderVersion === undefined) continue;
    if (!(await graders.versionByNumber(grader.id, item.graderVersion))) {
      const latest = (await graders.latestVersion(grader.id))!;
      issues.push({
        path: `${path}.graderVersion`,
        message: `grader "${grader.name}" has no version ${item.graderVersion} (its latest is ${latest.version})`,
      });
    }
  }
  throwIssues(where, issues);
}

async function requireScorecard(repo: ScorecardRepository, id: string, where: string) {
  const card = await repo.scorecard(id);
  if (!card)
    throw new AssayError('NOT_FOUND', `${where}: no scorecard with id "${id}"`, {
      issues: [{ path: 'id', message: 'no such scorecard' }],
    });
  return { card, latest: (await repo.version(id))! };
}

export async function getScorecard(
  db: Kysely<DB>,
  input: ParsedInput<'scorecards.get'>,
): Promise<ScorecardView> {
  const repo = new ScorecardRepository(db);
  const { card, latest } = await requireScorecard(repo, input.id, 'scorecards.get');
  if (input.version === undefined) return scorecardView(card, latest);
  const version = await repo.version(card.id, input.version);
  if (!version)
    throw new AssayError(
      'NOT_FOUND',
      `scorecards.get: scorecard "${card.name}" has no version ${input.version} (its latest is ${latest.version})`,
      { issues: [{ path: 'version', message: 'no such version' }] },
    );
  return scorecardView(card, version);
}

export async function createScorecard(
  db: Kysely<DB>,
  input: ParsedInput<'scorecards.create'>,
): Promise<ScorecardView> {
  const where = 'scorecards.create';
  await checkBody(db, where, input.body);
  const now = new Date().toISOString();
  const card: ScorecardRecord = {
    id: newId(),
    name: input.name,
    description: input.description,
    archived: false,
    createdAt: now,
  };
  const first: ScorecardVersionRecord = {
    id: newId(),
    scorecardId: card.id,
    version: 1,
    body: input.body,
    createdAt: now,
  };
  try {
    await db.transaction().execute(async (tx) => {
      const repo = new ScorecardRepository(tx);
      if (await repo.liveByName(input.name)) throw nameTaken(where, input.name);
      await repo.insertScorecard(card);
      await repo.insertVersion(first);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(where, input.name);
    throw err;
  }
  return scorecardView(card, first);
}

type UpdateInput = ParsedInput<'scorecards.update'>;

/** As graders.update: a body equal to the latest makes no version; the description changes either way. */
async function saveOnce(db: Kysely<DB>, input: UpdateInput): Promise<ScorecardView> {
  const where = 'scorecards.update';
  return db.transaction().execute(async (tx) => {
    const repo = new ScorecardRepository(tx);
    const { card, latest } = await requireScorecard(repo, input.id, where);
    const same = canonicalJson(input.body) === canonicalJson(latest.body);
    // The latest body was checked when saved: a grader archived since blocks only new bodies.
    if (!same) await checkBody(tx, where, input.body);
    const description = input.description ?? card.description;
    if (description !== card.description) await repo.setDescription(card.id, description);
    const current = { ...card, description };
    if (same) return scorecardView(current, latest);
    const next: ScorecardVersionRecord = {
      id: newId(),
      scorecardId: card.id,
      version: latest.version + 1,
      body: input.body,
      createdAt: new Date().toISOString(),
    };
    await repo.insertVersion(next);
    return scorecardView(current, next);
  });
}

export function updateScorecard(db: Kysely<DB>, input: UpdateInput): Promise<ScorecardView> {
  return saveNextVersion(() => saveOnce(db, input), `scorecards.update: scorecard "${input.id}"`);
}

export async function archiveScorecard(
  db: Kysely<DB>,
  input: ParsedInput<'scorecards.archive'>,
): Promise<ScorecardView> {
  const where = 'scorecards.archive';
  let name = input.id;
  try {
    return await db.transaction().execute(async (tx) => {
      const repo = new ScorecardRepository(tx);
      const { card, latest } = await requireScorecard(repo, input.id, where);
      name = card.name;
      if (card.archived === input.archived) return scorecardView(card, latest);
      if (!input.archived) {
        const live = await repo.liveByName(card.name);
        if (live && live.id !== card.id) throw nameTaken(where, card.name);
      }
      await repo.setArchived(card.id, input.archived);
      return scorecardView({ ...card, archived: input.archived }, latest);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(where, name);
    throw err;
  }
}
