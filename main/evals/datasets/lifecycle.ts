import { newId } from '../../kit/ids';
import type { DatasetSummary, ImportFormat, InteractionType } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { isUniqueViolation } from '../../store/constraint-errors';
import type { DatasetRepository } from './dataset-repository';
import type { DatasetRecord } from './dataset-rows';
import { summaryOf } from './views';

export interface CreateDatasetInput {
  readonly name: string;
  readonly interactionType: InteractionType;
  readonly description: string;
  readonly tags: readonly string[];
  /** The file it is imported from, so an export can write that shape back. */
  readonly sourceFormat?: ImportFormat;
}

export interface UpdateDatasetInput {
  readonly name: string;
  readonly newName?: string;
  readonly interactionType?: InteractionType;
  readonly description?: string;
  readonly tags?: readonly string[];
}

export interface DatasetFilter {
  readonly tag?: string;
  readonly interactionType?: InteractionType;
  readonly search?: string;
  readonly includeDeleted?: boolean;
}

const uniqueTags = (tags: readonly string[]): string[] => [...new Set(tags.map((t) => t.trim()))];

/** A dataset by name, deleted or not. */
export async function findDataset(
  repo: DatasetRepository,
  name: string,
  where: string,
): Promise<DatasetRecord> {
  const dataset = await repo.byName(name);
  if (!dataset) throw new AssayError('NOT_FOUND', `${where}: no dataset named "${name}"`);
  return dataset;
}

/** A dataset that may be written to: a deleted one must be restored first. */
export async function liveDataset(
  repo: DatasetRepository,
  name: string,
  where: string,
): Promise<DatasetRecord> {
  const dataset = await findDataset(repo, name, where);
  if (dataset.deletedAt !== null) throw deletedError(name, where);
  return dataset;
}

function deletedError(name: string, where: string): AssayError {
  return new AssayError(
    'CONFLICT',
    `${where}: dataset "${name}" is deleted; restore it (datasets.restore) to change it`,
    { deleted: true },
  );
}

async function nameTaken(
  repo: DatasetRepository,
  name: string,
  where: string,
): Promise<AssayError | null> {
  const taken = await repo.byName(name);
  if (!taken) return null;
  const hint = taken.deletedAt ? ' by a deleted dataset (restore it, or pick another name)' : '';
  return new AssayError('CONFLICT', `${where}: the name "${name}" is taken${hint}`);
}

/**
 * The UNIQUE name refused a write another process raced in first: the same CONFLICT the check
 * before it gives. (On Postgres the transaction is aborted by then, so the name is not re-read.)
 */
function raceLost(err: unknown, name: string, where: string): unknown {
  return isUniqueViolation(err)
    ? new AssayError('CONFLICT', `${where}: the name "${name}" is taken`)
    : err;
}

/** Inserts a new, empty dataset; the caller may hold a transaction around it. */
export async function insertDataset(
  repo: DatasetRepository,
  input: CreateDatasetInput,
  where: string,
): Promise<DatasetRecord> {
  const taken = await nameTaken(repo, input.name, where);
  if (taken) throw taken;
  const now = new Date().toISOString();
  const dataset: DatasetRecord = {
    id: newId(),
    name: input.name,
    interactionType: input.interactionType,
    description: input.description,
    tags: uniqueTags(input.tags),
    sourceFormat: input.sourceFormat ?? null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  await repo.insertDataset(dataset).catch((err: unknown) => {
    throw raceLost(err, input.name, where);
  });
  return dataset;
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/** Metadata edits (rename included); cases are untouched, so no revision moves. */
export function updateDataset(
  repo: DatasetRepository,
  input: UpdateDatasetInput,
): Promise<DatasetRecord> {
  const where = 'datasets.update';
  return repo.transaction(async (trx) => {
    const dataset = await liveDataset(trx, input.name, where);
    // Two editors of one dataset on Postgres: the second reads after the first commits.
    await trx.lock(dataset.id);
    const current = (await trx.byId(dataset.id))!;
    if (current.deletedAt !== null) throw deletedError(input.name, where);
    if (input.newName !== undefined && input.newName !== current.name) {
      const taken = await nameTaken(trx, input.newName, where);
      if (taken) throw taken;
    }
    const next: DatasetRecord = {
      ...current,
      name: input.newName ?? current.name,
      interactionType: input.interactionType ?? current.interactionType,
      description: input.description ?? current.description,
      tags: input.tags ? uniqueTags(input.tags) : current.tags,
    };
    const changed =
      next.name !== current.name ||
      next.interactionType !== current.interactionType ||
      next.description !== current.description ||
      !sameTags(next.tags, current.tags);
    if (!changed) return current;
    const updated = { ...next, updatedAt: new Date().toISOString() };
    await trx.updateDataset(updated).catch((err: unknown) => {
      throw raceLost(err, updated.name, where);
    });
    return updated;
  });
}

/** Soft delete: hidden from lists, the name stays taken, cases stay for restore. */
export async function softDeleteDataset(repo: DatasetRepository, name: string): Promise<boolean> {
  const dataset = await findDataset(repo, name, 'datasets.delete');
  const now = new Date().toISOString();
  return repo.setDatasetDeleted(dataset.id, now, now);
}

export async function restoreDataset(
  repo: DatasetRepository,
  name: string,
): Promise<DatasetRecord> {
  const dataset = await findDataset(repo, name, 'datasets.restore');
  if (dataset.deletedAt === null) return dataset;
  await repo.setDatasetDeleted(dataset.id, null, new Date().toISOString());
  return (await repo.byId(dataset.id))!;
}

/**
 * Datasets by name, filtered. Search is a case-insensitive substring of the name and the
 * description; a workspace holds tens of datasets, so it runs in memory.
 */
export async function listDatasets(
  repo: DatasetRepository,
  filter: DatasetFilter,
): Promise<DatasetSummary[]> {
  const counts = await repo.caseCounts();
  const needle = filter.search?.trim().toLowerCase() ?? '';
  const datasets = await repo.datasets({
    includeDeleted: filter.includeDeleted === true,
    ...(filter.interactionType === undefined ? {} : { interactionType: filter.interactionType }),
    ...(filter.tag ? { tag: filter.tag } : {}),
  });
  return datasets
    .filter(
      (d) =>
        needle === '' ||
        d.name.toLowerCase().includes(needle) ||
        d.description.toLowerCase().includes(needle),
    )
    .map((d) => summaryOf(d, counts.get(d.id) ?? 0));
}
