import type { TestCaseView } from '../../../shared/contract';
import { caseView, draftOf } from './case-draft';
import type { CaseRow, DatasetStore } from './dataset-store';

export interface CasePageQuery {
  readonly offset: number;
  readonly limit: number;
  readonly tag?: string;
  readonly search?: string;
}

export interface CasePage {
  readonly cases: TestCaseView[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

/** The words a search sees in a case: its description, variable values and expected output. */
function searchable(row: CaseRow): string {
  const draft = draftOf(row);
  const expected =
    draft.expected === undefined
      ? ''
      : typeof draft.expected === 'string'
        ? draft.expected
        : JSON.stringify(draft.expected);
  return [draft.description, ...Object.values(draft.vars), expected].join('\n').toLowerCase();
}

/**
 * A page of live cases in order. Without a search the database pages; with one, cases are
 * scanned in order (case-insensitive substring of the parsed values, so JSON escaping never
 * hides a match) and the page is cut from the matches. 100,000 cases scan in well under a
 * second, which is fine for an interactive filter.
 */
export function listCases(store: DatasetStore, datasetId: string, query: CasePageQuery): CasePage {
  const tag = query.tag ?? null;
  const needle = query.search?.trim().toLowerCase() ?? '';
  const { offset, limit } = query;
  if (needle === '') {
    return {
      cases: store.casePage(datasetId, tag, offset, limit).map(caseView),
      total: store.countCases(datasetId, tag),
      offset,
      limit,
    };
  }
  const cases: TestCaseView[] = [];
  let total = 0;
  for (const row of store.iterateCases(datasetId, tag)) {
    if (!searchable(row).includes(needle)) continue;
    if (total >= offset && cases.length < limit) cases.push(caseView(row));
    total++;
  }
  return { cases, total, offset, limit };
}
