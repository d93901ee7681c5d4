import { newId } from '../../core/ids';
import { AssayError } from '../../../shared/errors';
import { contentOf, draftOf, sameContent, type CaseDraft, type JsonValue } from './case-draft';
import { checkDraft, MatcherChecker, type CaseLocator, type MatcherPath } from './check-cases';
import type { CaseRow, DatasetRow, DatasetStore } from './dataset-store';
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

/** Appends checked drafts at the end of a live dataset, within the per-dataset limit. */
export function insertDrafts(
  store: DatasetStore,
  dataset: DatasetRow,
  drafts: readonly CaseDraft[],
  where: string,
  sourceSpanId: string | null = null,
): CaseRow[] {
  const existing = store.countCases(dataset.id);
  if (existing + drafts.length > MAX_CASES) throw tooManyCases(where, drafts.length, existing);
  const now = new Date().toISOString();
  let position = store.nextPosition(dataset.id);
  const rows: CaseRow[] = drafts.map((draft) => ({
    id: newId(),
    dataset_id: dataset.id,
    position: position++,
    ...contentOf(draft),
    source_span_id: sourceSpanId,
    revision: 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }));
  store.insertCases(rows);
  if (rows.length > 0) store.touchDataset(dataset.id, now);
  return rows;
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
function caseOf(store: DatasetStore, id: string, where: string, dataset?: string): CaseRow {
  const row = store.caseById(id);
  if (row && (dataset === undefined || store.byId(row.dataset_id)?.name === dataset)) return row;
  const scope = dataset === undefined ? '' : ` in dataset "${dataset}"`;
  throw new AssayError('NOT_FOUND', `${where}: no test case with id "${id}"${scope}`);
}

/** A live case of a live dataset, for writes. */
function writableCase(store: DatasetStore, id: string, where: string, dataset?: string): CaseRow {
  const row = caseOf(store, id, where, dataset);
  if (row.deleted_at !== null)
    throw new AssayError('NOT_FOUND', `${where}: no test case with id "${id}"`);
  liveDataset(store, store.byId(row.dataset_id)!.name, where);
  return row;
}

/**
 * Edits a case and bumps its revision; an edit that changes nothing (same meaning, whatever
 * the key order) leaves revision and timestamps alone. A `baseRevision` older than the stored
 * one means someone edited in between: a conflict, never a silent overwrite.
 */
export function updateCase(store: DatasetStore, edit: CaseEdit): CaseRow {
  const where = 'cases.update';
  return store.transaction(() => {
    const row = writableCase(store, edit.id, where, edit.dataset);
    if (edit.baseRevision !== undefined && edit.baseRevision !== row.revision)
      throw new AssayError(
        'CONFLICT',
        `${where}: the case was edited from revision ${edit.baseRevision}, but it is now at revision ${row.revision}; reload before saving`,
        { baseRevision: edit.baseRevision, revision: row.revision },
      );
    const old = draftOf(row);
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
    const content = contentOf(checked!);
    if (sameContent(content, row)) return row;
    const now = new Date().toISOString();
    store.editCase(row.id, content, now);
    store.touchDataset(row.dataset_id, now);
    return store.caseById(row.id)!;
  });
}

/** Soft delete; false when it was already deleted. Runs keep their own snapshot of it. */
export function deleteCase(store: DatasetStore, id: string, dataset?: string): boolean {
  const where = 'cases.delete';
  return store.transaction(() => {
    const row = caseOf(store, id, where, dataset);
    if (row.deleted_at !== null) return false;
    liveDataset(store, store.byId(row.dataset_id)!.name, where);
    const now = new Date().toISOString();
    store.softDeleteCase(id, now);
    store.touchDataset(row.dataset_id, now);
    return true;
  });
}
