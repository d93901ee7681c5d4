import type { z } from 'zod';
import type { expectedSchema, TestCaseView } from '../../../shared/contract';
import { canonicalJson } from '../../kit/canonical-json';
import type { CaseRecord } from './dataset-rows';

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

/** A (checked) draft as it is stored: tags trimmed and unique; JSON null is no expectation. */
export function normalDraft(draft: CaseDraft): CaseDraft {
  return {
    description: draft.description,
    vars: draft.vars,
    expected: draft.expected === null ? undefined : draft.expected,
    matchers: draft.matchers,
    tags: unique(draft.tags),
  };
}

/** The content fields of a stored case (or of any draft). */
export function draftOf(c: CaseDraft): CaseDraft {
  return {
    description: c.description,
    vars: c.vars,
    expected: c.expected,
    matchers: c.matchers,
    tags: c.tags,
  };
}

/** Same meaning once stored, whatever the key order: an edit that only reorders keys is no edit. */
export function sameContent(a: CaseDraft, b: CaseDraft): boolean {
  const canon = (draft: CaseDraft) => {
    const c = normalDraft(draft);
    return canonicalJson({
      d: c.description,
      v: c.vars,
      e: c.expected ?? null,
      m: c.matchers,
      t: c.tags,
    });
  };
  return canon(a) === canon(b);
}

export function caseView(c: CaseRecord): TestCaseView {
  return {
    id: c.id,
    datasetId: c.datasetId,
    position: c.position,
    description: c.description,
    vars: { ...c.vars },
    ...(c.expected === undefined ? {} : { expected: c.expected }),
    matchers: [...c.matchers],
    tags: [...c.tags],
    sourceSpanId: c.sourceSpanId,
    revision: c.revision,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
