import type { z } from 'zod';
import type { expectedSchema, MatcherInput, TestCaseView } from '../../../shared/contract';
import { canonicalJson } from '../../llm/cache/canonical-json';
import type { CaseContent, CaseRow } from './dataset-store';

export type JsonValue = z.output<typeof expectedSchema>;

/**
 * A case as every input path (channels, file formats, spans) produces it, before it is checked
 * and stored. `expected` undefined means "no expected output". Matchers are as written: the
 * matcher library validates them, and they are stored as written (not with defaults filled in),
 * so an export reads like the file that was imported and the runner parses them afresh.
 */
export interface CaseDraft {
  readonly description: string;
  readonly vars: Readonly<Record<string, string>>;
  readonly expected: JsonValue | undefined;
  readonly matchers: readonly unknown[];
  readonly tags: readonly string[];
}

const unique = (tags: readonly string[]): string[] => [...new Set(tags.map((t) => t.trim()))];

/** The stored columns of a (checked) draft. JSON null is never stored as an expectation. */
export function contentOf(draft: CaseDraft): CaseContent {
  return {
    description: draft.description,
    vars_json: JSON.stringify(draft.vars),
    expected_json:
      draft.expected === undefined || draft.expected === null
        ? null
        : JSON.stringify(draft.expected),
    matchers_json: JSON.stringify(draft.matchers),
    tags_json: JSON.stringify(unique(draft.tags)),
  };
}

export function draftOf(row: CaseContent): CaseDraft {
  return {
    description: row.description,
    vars: JSON.parse(row.vars_json) as Record<string, string>,
    expected: row.expected_json === null ? undefined : (JSON.parse(row.expected_json) as JsonValue),
    matchers: JSON.parse(row.matchers_json) as unknown[],
    tags: JSON.parse(row.tags_json) as string[],
  };
}

/** Same meaning whatever the key order: an edit that only reorders keys is no edit. */
export function sameContent(a: CaseContent, b: CaseContent): boolean {
  const canon = (c: CaseContent) =>
    canonicalJson({
      d: c.description,
      v: JSON.parse(c.vars_json),
      e: c.expected_json === null ? null : JSON.parse(c.expected_json),
      m: JSON.parse(c.matchers_json),
      t: JSON.parse(c.tags_json),
    });
  return canon(a) === canon(b);
}

export function caseView(row: CaseRow): TestCaseView {
  const draft = draftOf(row);
  return {
    id: row.id,
    datasetId: row.dataset_id,
    position: row.position,
    description: draft.description,
    vars: { ...draft.vars },
    ...(draft.expected === undefined ? {} : { expected: draft.expected }),
    matchers: draft.matchers as MatcherInput[],
    tags: [...draft.tags],
    sourceSpanId: row.source_span_id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
