import type { DatasetFormat } from '../../../shared/contract';
import { draftOf } from './case-draft';
import type { DatasetStore } from './dataset-store';
import { serializeCsvDataset } from './format-csv';
import { serializeJsonlDataset } from './format-jsonl';
import { serializeYamlDataset } from './format-yaml';
import { findDataset } from './lifecycle';

/**
 * A dataset's live cases, in order, as file text that imports back to the same cases
 * (description, variables, expected, matchers, tags). Ids, revisions and source spans are
 * bookkeeping of this workspace and are not exported. YAML also carries the dataset's name,
 * interaction type, description and tags; CSV and JSONL hold cases only.
 */
export function exportDataset(
  store: DatasetStore,
  name: string,
  format: DatasetFormat,
): { content: string; cases: number } {
  const row = findDataset(store, name, 'datasets.export');
  const drafts = Array.from(store.iterateCases(row.id), draftOf);
  const content =
    format === 'csv'
      ? serializeCsvDataset(drafts)
      : format === 'jsonl'
        ? serializeJsonlDataset(drafts)
        : serializeYamlDataset(
            {
              name: row.name,
              interactionType: row.interaction_type,
              description: row.description,
              tags: JSON.parse(row.tags_json) as string[],
            },
            drafts,
          );
  return { content, cases: drafts.length };
}
