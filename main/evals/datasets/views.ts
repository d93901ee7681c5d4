import type { DatasetSummary } from '../../../shared/contract';
import type { DatasetRepository } from './dataset-repository';
import type { DatasetRecord } from './dataset-rows';

export function summaryOf(d: DatasetRecord, caseCount: number): DatasetSummary {
  return {
    id: d.id,
    name: d.name,
    interactionType: d.interactionType,
    description: d.description,
    tags: [...d.tags],
    caseCount,
    sourceFormat: d.sourceFormat,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    deletedAt: d.deletedAt,
  };
}

/** A summary read fresh (after a write), with its live case count. */
export async function currentSummary(repo: DatasetRepository, id: string): Promise<DatasetSummary> {
  const [dataset, count] = [await repo.byId(id), await repo.countCases(id)];
  return summaryOf(dataset!, count);
}
