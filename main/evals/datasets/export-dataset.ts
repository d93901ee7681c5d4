import type { DatasetFormat, ImportWarning } from '../../../shared/contract';
import { draftOf, type CaseDraft } from './case-draft';
import type { DatasetRepository } from './dataset-repository';
import type { DatasetRecord } from './dataset-rows';
import { ASSAY_PY } from './format-assay-py';
import { serializeCsvDataset } from './format-csv';
import { serializeJsonlDataset } from './format-jsonl';
import { serializeYamlDataset } from './format-yaml';
import { findDataset } from './lifecycle';
import { summaryOf } from './views';
import { serializeAssayPyDataset } from './write-assay-py';

/**
 * The shape an export takes when none is asked for: a dataset imported from assay-py goes back
 * to assay-py, so a Python-era file round-trips without a flag; every other dataset is YAML
 * (CSV and JSONL hold no dataset name, description or tags, so they are never the default).
 */
export function defaultExportFormat(dataset: DatasetRecord): DatasetFormat {
  return dataset.sourceFormat === ASSAY_PY ? ASSAY_PY : 'yaml';
}

/**
 * A dataset's live cases, in order, as file text that imports back to the same cases
 * (description, variables, expected, matchers, tags). Ids, revisions and source spans are
 * bookkeeping of this workspace and are not exported. YAML and assay-py also carry the dataset's
 * name, interaction type, description and tags; CSV and JSONL hold cases only.
 */
export async function exportDataset(
  repo: DatasetRepository,
  name: string,
  asked?: DatasetFormat,
): Promise<{ content: string; cases: number; format: DatasetFormat; warnings: ImportWarning[] }> {
  const row = await findDataset(repo, name, 'datasets.export');
  const format = asked ?? defaultExportFormat(row);
  const drafts: CaseDraft[] = [];
  for await (const found of repo.iterateCases(row.id)) drafts.push(draftOf(found));
  const { interactionType, description, tags } = summaryOf(row, drafts.length);
  const meta = { name: row.name, interactionType, description, tags };
  let warnings: ImportWarning[] = [];
  let content: string;
  if (format === 'csv') content = serializeCsvDataset(drafts);
  else if (format === 'jsonl') content = serializeJsonlDataset(drafts);
  else if (format === ASSAY_PY) ({ content, warnings } = serializeAssayPyDataset(meta, drafts));
  else content = serializeYamlDataset(meta, drafts);
  return { content, cases: drafts.length, format, warnings };
}
