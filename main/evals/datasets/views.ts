import type { DatasetSummary } from '../../../shared/contract';
import type { DatasetRow, DatasetStore } from './dataset-store';

export function summaryOf(row: DatasetRow, caseCount: number): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    interactionType: row.interaction_type,
    description: row.description,
    tags: JSON.parse(row.tags_json) as string[],
    caseCount,
    sourceFormat: row.source_format,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** A summary read fresh (after a write), with its live case count. */
export function currentSummary(store: DatasetStore, id: string): DatasetSummary {
  return summaryOf(store.byId(id)!, store.countCases(id));
}
