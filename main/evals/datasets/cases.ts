import { newId } from '../../kit/ids';
import { AssayError } from '../../../shared/errors';
import type { MatcherInput } from '../../../shared/contract';
import { draftOf, normalDraft, sameContent, type CaseDraft, type JsonValue } from './case-draft';
import { checkDraft, MatcherChecker, type CaseLocator, type MatcherPath } from './check-cases';
import type { DatasetRepository } from './dataset-repository';
import type { CaseRecord, DatasetRecord } from './dataset-rows';
import { liveDataset } from './lifecycle';
import { MAX_CASES, MAX_STORED_BYTES, storedTooLarge, tooManyCases } from './limits';
import type { SharedMatchers } from './parsed-dataset';
import { invalidCasesError, type CaseProblem } from './problems';

export interface LocatedDraft {
  readonly draft: CaseDraft;
  readonly at: CaseLocator;
  readonly matcherPath?: MatcherPath;
}

/** Problems beyond this many are not collected: the first ones tell the story. */
const MAX_PROBLEMS = 1000;

/**
 * Checks every draft (and the shared matchers once, not once per case) and returns the drafts
 * ready to store, shared matchers first. Throws one VALIDATION_FAILED listing every problem.
 */
export function checkDrafts(
  drafts: readonly LocatedDraft[],
  where: string,
  options: { fileName?: string; shared?: SharedMatchers } = {},
): CaseDraft[] {
  const { shared } = options;
  checkStoredSize(drafts, shared?.matchers ?? [], where);
  const checker = new MatcherChecker();
  const problems: CaseProblem[] = shared
    ? checker.check(shared.matchers, shared.at, shared.matcherPath)
    : [];
  for (const { draft, at, matcherPath } of drafts) {
    if (problems.length >= MAX_PROBLEMS) break;
    problems.push(...checkDraft(draft, at, checker, matcherPath));
  }
  if (problems.length > 0) throw invalidCasesError(where, problems, options.fileName);
  const defaults = shared?.matchers ?? [];
  return drafts.map(({ draft }) =>
    defaults.length === 0 ? draft : { ...draft, matchers: [...defaults, ...draft.matchers] },
  );
}

/**
 * Refuses drafts that would store more than MAX_STORED_BYTES, before any is checked or copied:
 * expanded cases share their matcher lists (and the shared ones) by reference, so each list is
 * measured once, however many cases carry it.
 */
function checkStoredSize(
  drafts: readonly LocatedDraft[],
  shared: readonly unknown[],
  where: string,
): void {
  const measured = new WeakMap<object, number>();
  const sizeOf = (value: unknown): number => {
    if (value === undefined) return 0;
    if (typeof value !== 'object' || value === null) return String(value).length;
    let size = measured.get(value);
    if (size === undefined) {
      size = JSON.stringify(value)?.length ?? 0;
      measured.set(value, size);
    }
    return size;
  };
  const perCase = sizeOf(shared);
  let total = 0;
  for (const { draft } of drafts) {
    total += perCase + sizeOf(draft.matchers) + sizeOf(draft.expected) + draft.description.length;
    for (const [name, value] of Object.entries(draft.vars)) total += name.length + value.length;
    if (total > MAX_STORED_BYTES) throw storedTooLarge(where, total);
  }
}

/** Matchers a check passed are objects with a string type; anything else is a bug upstream. */
function checkedMatchers(matchers: readonly unknown[]): MatcherInput[] {
  const isMatcher = (m: unknown): m is MatcherInput =>
    typeof m === 'object' && m !== null && 'type' in m && typeof m.type === 'string';
  const ok = matchers.filter(isMatcher);
  if (ok.length !== matchers.length) throw new Error('an unchecked matcher reached the store');
  return ok;
}

/**
 * Appends checked drafts at the end of a live dataset, within the per-dataset limit. Runs
 * inside the caller's transaction (`repo` bound to it), which holds the dataset's lock while
 * the next position is read and the cases written.
 */
export async function insertDrafts(
  repo: DatasetRepository,
  dataset: DatasetRecord,
  drafts: readonly CaseDraft[],
  where: string,
  sourceSpanId: string | null = null,
): Promise<CaseRecord[]> {
  await repo.lock(dataset.id);
  const existing = await repo.countCases(dataset.id);
  if (existing + drafts.length > MAX_CASES) throw tooManyCases(where, drafts.length, existing);
  const now = new Date().toISOString();
  let position = await repo.nextPosition(dataset.id);
  const cases: CaseRecord[] = drafts.map((draft) => {
    const content = normalDraft(draft);
    return {
      id: newId(),
      datasetId: dataset.id,
      position: position++,
      ...content,
      matchers: checkedMatchers(content.matchers),
      sourceSpanId,
      revision: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
  });
  await repo.insertCases(cases);
  if (cases.length > 0) await repo.touchDataset(dataset.id, now);
  return cases;
}

export interface CaseEdit {
  readonly id: string;
  /** The dataset the case must belong to, when the caller names one. */
  readonly dataset?: string;
  readonly vars?: Readonly<Record<string, string>>;
  /** undefined: keep; null: remove the expected output. */
  readonly expected?: JsonValue;
  readonly matchers?: readonly unknown[];
  readonly tags?: readonly string[];
  readonly description?: string;
  readonly baseRevision?: number;
}

/** A case by id, of the named dataset when one is named (a case of another is not found). */
async function caseOf(
  repo: DatasetRepository,
  id: string,
  where: string,
  dataset?: string,
): Promise<{ found: CaseRecord; dataset: DatasetRecord }> {
  const found = await repo.caseById(id);
  const owner = found ? await repo.byId(found.datasetId) : null;
  if (found && owner && (dataset === undefined || owner.name === dataset))
    return { found, dataset: owner };
  const scope = dataset === undefined ? '' : ` in dataset "${dataset}"`;
  throw new AssayError('NOT_FOUND', `${where}: no test case with id "${id}"${scope}`);
}

/** A live case of a live dataset, for writes. */
async function writableCase(
  repo: DatasetRepository,
  id: string,
  where: string,
  dataset?: string,
): Promise<CaseRecord> {
  const { found, dataset: owner } = await caseOf(repo, id, where, dataset);
  if (found.deletedAt !== null)
    throw new AssayError('NOT_FOUND', `${where}: no test case with id "${id}"`);
  await liveDataset(repo, owner.name, where);
  return found;
}

function conflict(where: string, base: number, revision: number): AssayError {
  return new AssayError(
    'CONFLICT',
    `${where}: the case was edited from revision ${base}, but it is now at revision ${revision}; reload before saving`,
    { baseRevision: base, revision },
  );
}

/**
 * Edits a case and bumps its revision; an edit that changes nothing (same meaning, whatever
 * the key order) leaves revision and timestamps alone. A `baseRevision` older than the stored
 * one means someone edited in between: a conflict, never a silent overwrite. The write is a
 * compare-and-set on the revision read, so an edit from another process in between is a
 * conflict too.
 */
export function updateCase(repo: DatasetRepository, edit: CaseEdit): Promise<CaseRecord> {
  const where = 'cases.update';
  return repo.transaction(async (trx) => {
    const found = await writableCase(trx, edit.id, where, edit.dataset);
    if (edit.baseRevision !== undefined && edit.baseRevision !== found.revision)
      throw conflict(where, edit.baseRevision, found.revision);
    const old = draftOf(found);
    const draft: CaseDraft = {
      description: edit.description ?? old.description,
      vars: edit.vars ?? old.vars,
      expected:
        edit.expected === undefined
          ? old.expected
          : edit.expected === null
            ? undefined
            : edit.expected,
      matchers: edit.matchers ?? old.matchers,
      tags: edit.tags ?? old.tags,
    };
    const [checked] = checkDrafts([{ draft, at: { base: [] } }], where);
    const content = normalDraft(checked!);
    if (sameContent(content, found)) return found;
    const now = new Date().toISOString();
    if (!(await trx.editCase(found.id, found.revision, content, now))) {
      const current = await trx.caseById(found.id);
      if (!current || current.deletedAt !== null)
        throw new AssayError('NOT_FOUND', `${where}: no test case with id "${edit.id}"`);
      throw conflict(where, edit.baseRevision ?? found.revision, current.revision);
    }
    await trx.touchDataset(found.datasetId, now);
    return (await trx.caseById(found.id))!;
  });
}

/** Soft delete; false when it was already deleted. Runs keep their own snapshot of it. */
export function deleteCase(
  repo: DatasetRepository,
  id: string,
  dataset?: string,
): Promise<boolean> {
  const where = 'cases.delete';
  return repo.transaction(async (trx) => {
    const { found, dataset: owner } = await caseOf(trx, id, where, dataset);
    if (found.deletedAt !== null) return false;
    await liveDataset(trx, owner.name, where);
    const now = new Date().toISOString();
    if (!(await trx.softDeleteCase(id, now))) return false;
    await trx.touchDataset(found.datasetId, now);
    return true;
  });
}
