import type { Insertable, Selectable } from 'kysely';
import type { ImportFormat, InteractionType, MatcherInput } from '../../../shared/contract';
import { readJson, readJsonOrNull, writeJson } from '../../store/json-column';
import type { DatasetTable, TestCaseTable } from '../../store/schema';
import type { CaseDraft, JsonValue } from './case-draft';

/** A dataset as the domain sees it. */
export interface DatasetRecord {
  readonly id: string;
  readonly name: string;
  readonly interactionType: InteractionType;
  readonly description: string;
  readonly tags: readonly string[];
  /** The file shape it was first imported from; null when made in Assay. */
  readonly sourceFormat: ImportFormat | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** A stored test case: its content (a draft) and its bookkeeping. */
export interface CaseRecord extends CaseDraft {
  readonly id: string;
  readonly datasetId: string;
  readonly position: number;
  /** Matchers as written; the matcher library validated them when the case was stored. */
  readonly matchers: readonly MatcherInput[];
  readonly sourceSpanId: string | null;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

export function toDataset(row: Selectable<DatasetTable>): DatasetRecord {
  return {
    id: row.id,
    name: row.name,
    // The CHECK constraint and the contract's schema hold the same values.
    interactionType: row.interaction_type as InteractionType,
    description: row.description,
    tags: readJson<string[]>(row.tags_json),
    sourceFormat: row.source_format as ImportFormat | null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function datasetRow(d: DatasetRecord): Insertable<DatasetTable> {
  return {
    id: d.id,
    name: d.name,
    interaction_type: d.interactionType,
    description: d.description,
    tags_json: writeJson(d.tags),
    source_format: d.sourceFormat,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    deleted_at: d.deletedAt,
  };
}

export function toCase(row: Selectable<TestCaseTable>): CaseRecord {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    position: row.position,
    description: row.description,
    vars: readJson<Record<string, string>>(row.vars_json),
    expected: readJsonOrNull<JsonValue>(row.expected_json) ?? undefined,
    matchers: readJson<MatcherInput[]>(row.matchers_json),
    tags: readJson<string[]>(row.tags_json),
    sourceSpanId: row.source_span_id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The content columns of a case; JSON null is never stored as an expectation. */
export function caseContentColumns(c: CaseDraft) {
  return {
    description: c.description,
    vars_json: writeJson(c.vars),
    expected_json: c.expected === undefined || c.expected === null ? null : writeJson(c.expected),
    matchers_json: writeJson(c.matchers),
    tags_json: writeJson(c.tags),
  } satisfies Partial<Insertable<TestCaseTable>>;
}

export function caseRow(c: CaseRecord): Insertable<TestCaseTable> {
  return {
    id: c.id,
    dataset_id: c.datasetId,
    position: c.position,
    ...caseContentColumns(c),
    source_span_id: c.sourceSpanId,
    revision: c.revision,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    deleted_at: c.deletedAt,
  };
}
