import { newId } from '../../core/ids';
import type { DatasetSummary, ImportFormat, InteractionType } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { DatasetRow, DatasetStore } from './dataset-store';
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

const tagsJson = (tags: readonly string[]): string =>
  JSON.stringify([...new Set(tags.map((t) => t.trim()))]);

/** A dataset by name, deleted or not. */
export function findDataset(store: DatasetStore, name: string, where: string): DatasetRow {
  const row = store.byName(name);
  if (!row) throw new AssayError('NOT_FOUND', `${where}: no dataset named "${name}"`);
  return row;
}

/** A dataset that may be written to: a deleted one must be restored first. */
export function liveDataset(store: DatasetStore, name: string, where: string): DatasetRow {
  const row = findDataset(store, name, where);
  if (row.deleted_at !== null)
    throw new AssayError(
      'CONFLICT',
      `${where}: dataset "${name}" is deleted; restore it (datasets.restore) to change it`,
      { deleted: true },
    );
  return row;
}

function nameTaken(store: DatasetStore, name: string, where: string): AssayError | null {
  const taken = store.byName(name);
  if (!taken) return null;
  const hint = taken.deleted_at ? ' by a deleted dataset (restore it, or pick another name)' : '';
  return new AssayError('CONFLICT', `${where}: the name "${name}" is taken${hint}`);
}

/** Inserts a new, empty dataset; the caller may hold a transaction around it. */
export function insertDataset(
  store: DatasetStore,
  input: CreateDatasetInput,
  where: string,
): DatasetRow {
  const taken = nameTaken(store, input.name, where);
  if (taken) throw taken;
  const now = new Date().toISOString();
  const row: DatasetRow = {
    id: newId(),
    name: input.name,
    interaction_type: input.interactionType,
    description: input.description,
    tags_json: tagsJson(input.tags),
    source_format: input.sourceFormat ?? null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  store.insertDataset(row);
  return row;
}

/** Metadata edits (rename included); cases are untouched, so no revision moves. */
export function updateDataset(store: DatasetStore, input: UpdateDatasetInput): DatasetRow {
  return store.transaction(() => {
    const row = liveDataset(store, input.name, 'datasets.update');
    if (input.newName !== undefined && input.newName !== row.name) {
      const taken = nameTaken(store, input.newName, 'datasets.update');
      if (taken) throw taken;
    }
    const next: DatasetRow = {
      ...row,
      name: input.newName ?? row.name,
      interaction_type: input.interactionType ?? row.interaction_type,
      description: input.description ?? row.description,
      tags_json: input.tags ? tagsJson(input.tags) : row.tags_json,
    };
    const changed = (Object.keys(next) as (keyof DatasetRow)[]).some((k) => next[k] !== row[k]);
    if (!changed) return row;
    const updated = { ...next, updated_at: new Date().toISOString() };
    store.updateDataset(updated);
    return updated;
  });
}

/** Soft delete: hidden from lists, the name stays taken, cases stay for restore. */
export function softDeleteDataset(store: DatasetStore, name: string): boolean {
  const row = findDataset(store, name, 'datasets.delete');
  if (row.deleted_at !== null) return false;
  const now = new Date().toISOString();
  store.updateDataset({ ...row, deleted_at: now, updated_at: now });
  return true;
}

export function restoreDataset(store: DatasetStore, name: string): DatasetRow {
  const row = findDataset(store, name, 'datasets.restore');
  if (row.deleted_at === null) return row;
  const restored = { ...row, deleted_at: null, updated_at: new Date().toISOString() };
  store.updateDataset(restored);
  return restored;
}

/**
 * Datasets by name, filtered. Search is a case-insensitive substring of the name and the
 * description; a local workspace holds tens of datasets, so this runs in memory.
 */
export function listDatasets(store: DatasetStore, filter: DatasetFilter): DatasetSummary[] {
  const counts = store.caseCounts();
  const needle = filter.search?.trim().toLowerCase() ?? '';
  return store
    .datasets({
      includeDeleted: filter.includeDeleted === true,
      interactionType: filter.interactionType,
    })
    .filter((row) => !filter.tag || (JSON.parse(row.tags_json) as string[]).includes(filter.tag))
    .filter(
      (row) =>
        needle === '' ||
        row.name.toLowerCase().includes(needle) ||
        row.description.toLowerCase().includes(needle),
    )
    .map((row) => summaryOf(row, counts.get(row.id) ?? 0));
}
