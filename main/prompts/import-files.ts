import type { PromptImportReport, PromptImportResult } from '../../shared/contract';
import { newId } from '../kit/ids';
import { AssayError, type FieldIssue } from '../../shared/errors';
import { isUniqueViolation } from '../store/constraint-errors';
import { checkContent, type CheckedContent } from './check-content';
import { hashContent } from './content-hash';
import { conflictOf, dependencyOrder } from './import-plan';
import { moveLabel } from './labels';
import type { PromptRecord } from './prompt-rows';
import {
  invalidFilesError,
  loadPromptFiles,
  type FileProblem,
  type LoadedPromptFile,
  type PromptFileText,
} from './read-prompt-files';
import { LATEST } from './resolve';
import type { Stores } from './stores';
import { insertVersion, uniqueTags } from './versioning';
import { compareVersions, parseVersion } from './version-name';

export type ImportReport = PromptImportReport;
/** Content problems of one file, carried out of the per-file apply with their lines. */
class InvalidFile extends Error {
  constructor(readonly problems: FileProblem[]) {
    super('invalid prompt file');
  }
}

function contentProblems(file: LoadedPromptFile, index: number, version: string, err: AssayError) {
  const issues = (err.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [];
  const at = (p: string) => [
    'versions',
    index,
    ...p.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
  ];
  return issues.length > 0
    ? issues.map((i) => ({
        file: file.file,
        line: file.lineOf(at(i.path)),
        message: `${version}: ${i.message}`,
      }))
    : [
        {
          file: file.file,
          line: file.lineOf(['versions', index]),
          message: `${version}: ${err.message}`,
        },
      ];
}

/** The same content rules as prompts.create, with problems pointed at the file's lines. */
async function checkFileVersion(
  stores: Stores,
  file: LoadedPromptFile,
  index: number,
): Promise<CheckedContent> {
  const { data } = file;
  const v = data.versions[index]!;
  try {
    return await checkContent(stores, {
      where: v.version,
      name: data.name,
      kind: data.kind,
      content: v.content,
      allowDeletedComponents: true,
    });
  } catch (err) {
    if (err instanceof AssayError)
      throw new InvalidFile(contentProblems(file, index, v.version, err));
    throw err;
  }
}

/** Adds what the file has and the database lacks: the prompt, versions, labels. */
async function applyFile(
  stores: Stores,
  file: LoadedPromptFile,
  actor: string,
): Promise<PromptImportResult> {
  const { data } = file;
  const existing = await stores.prompts.promptByName(data.name);
  const now = new Date().toISOString();
  const versions = data.versions
    .map((v, index) => ({ v, index, number: parseVersion(v.version) }))
    .sort((a, b) => compareVersions(a.number, b.number));
  const prompt: PromptRecord = existing ?? {
    id: newId(),
    name: data.name,
    kind: data.kind,
    description: data.description ?? '',
    tags: uniqueTags(data.tags ?? []),
    createdAt: versions[0]!.v.created_at ?? now,
    updatedAt: now,
    deletedAt: data.deleted_at ?? null,
  };
  if (!existing) await stores.prompts.insertPrompt(prompt);
  let versionsAdded = 0;
  for (const { v, index, number } of versions) {
    if (await stores.prompts.versionByNumber(prompt.id, number.major, number.minor)) continue;
    const checked = await checkFileVersion(stores, file, index);
    const parent = v.parent ? parseVersion(v.parent) : null;
    await insertVersion(stores, prompt, {
      ...number,
      parent: parent
        ? (await stores.prompts.versionByNumber(prompt.id, parent.major, parent.minor))!
        : null,
      content: v.content,
      contentHash: hashContent(v.content),
      refs: checked.refs,
      author: v.author ?? actor,
      message: v.message ?? '',
      createdAt: v.created_at ?? now,
    });
    versionsAdded++;
  }
  const labelsSet: string[] = [];
  for (const [label, version] of Object.entries(data.labels ?? {})) {
    if (label === LATEST || (await stores.labels.label(prompt.id, label))) continue;
    const { major, minor } = parseVersion(version);
    const to = (await stores.prompts.versionByNumber(prompt.id, major, minor))!;
    // Only a label the database lacks is imported: created from nothing, never moved.
    if (await moveLabel(stores, { prompt, label, to, actor, at: now, from: null }))
      labelsSet.push(label);
  }
  const newest = (await stores.prompts.latestVersion(prompt.id))!;
  if ((await moveLabel(stores, { prompt, label: LATEST, to: newest, actor, at: now })) && existing)
    labelsSet.push(LATEST);
  const changed = versionsAdded > 0 || labelsSet.length > 0;
  if (existing && changed)
    await stores.prompts.updatePrompt(prompt.id, { ...existing, updatedAt: now });
  const status = !existing ? 'created' : changed ? 'updated' : 'unchanged';
  return { name: data.name, file: file.file, status, versionsAdded, labelsSet, reason: null };
}

/** Whole-import attempts when another process adds the same prompts at the same time. */
const IMPORT_ATTEMPTS = 3;

/**
 * Imports prompt files (as read by the caller), never overwriting: versions and labels the database
 * lacks are added (numbers, hashes, authors, messages, dates and parents as in the file); a
 * prompt whose file disagrees with the database is reported as a conflict and left untouched.
 * Any invalid file fails the whole import with nothing changed, in one transaction.
 */
export async function importPromptFiles(
  stores: Stores,
  files: readonly PromptFileText[],
  actor: string,
): Promise<ImportReport> {
  const { ordered, problems } = dependencyOrder(loadPromptFiles(files));
  if (problems.length > 0) throw invalidFilesError(problems);
  for (let attempt = 1; ; attempt++) {
    try {
      return await importOnce(stores, ordered, actor);
    } catch (err) {
      // Another process created a prompt, version or label of these files meanwhile: the import
      // only adds what is missing, so running it again against what is there now is safe.
      if (!isUniqueViolation(err) || attempt >= IMPORT_ATTEMPTS) throw err;
    }
  }
}

/** The whole import in one transaction: any invalid file rolls everything back. */
async function importOnce(
  stores: Stores,
  ordered: readonly LoadedPromptFile[],
  actor: string,
): Promise<ImportReport> {
  return stores.transaction(async (tx) => {
    const results: PromptImportResult[] = [];
    const invalid: FileProblem[] = [];
    const conflicted = new Set<string>();
    for (const file of ordered) {
      // Other writers of this prompt wait until the import commits, so what conflictOf compares
      // is what applyFile extends (see PromptRepository.lockPrompt).
      const local = await tx.prompts.promptByName(file.data.name);
      if (local) await tx.prompts.lockPrompt(local.id);
      const reason = await conflictOf(tx, file, conflicted);
      if (reason !== null) {
        conflicted.add(file.data.name);
        results.push({
          name: file.data.name,
          file: file.file,
          status: 'conflict',
          versionsAdded: 0,
          labelsSet: [],
          reason,
        });
        continue;
      }
      try {
        results.push(await applyFile(tx, file, actor));
      } catch (err) {
        if (!(err instanceof InvalidFile)) throw err;
        invalid.push(...err.problems);
      }
    }
    if (invalid.length > 0) throw invalidFilesError(invalid);
    return {
      results,
      createdPrompts: results.filter((r) => r.status === 'created').length,
      createdVersions: results.reduce((n, r) => n + r.versionsAdded, 0),
      unchanged: results.filter((r) => r.status === 'unchanged').length,
      conflicts: results.filter((r) => r.status === 'conflict'),
    };
  });
}
