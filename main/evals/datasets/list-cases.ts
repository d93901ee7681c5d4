import type { TestCaseView } from '../../../shared/contract';
import { caseView } from './case-draft';
import type { DatasetRepository } from './dataset-repository';
import type { CaseRecord } from './dataset-rows';

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
function searchable(draft: CaseRecord): string {
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
export async function listCases(
  repo: DatasetRepository,
  datasetId: string,
  query: CasePageQuery,
): Promise<CasePage> {
  const tag = query.tag ?? null;
  const needle = query.search?.trim().toLowerCase() ?? '';
  const { offset, limit } = query;
  if (needle === '') {
    return {
      cases: (await repo.casePage(datasetId, tag, offset, limit)).map(caseView),
      total: await repo.countCases(datasetId, tag),
      offset,
      limit,
    };
  }
  const cases: TestCaseView[] = [];
  let total = 0;
  for await (const found of repo.iterateCases(datasetId, tag)) {
    if (!searchable(found).includes(needle)) continue;
    if (total >= offset && cases.length < limit) cases.push(caseView(found));
    total++;
  }
  return { cases, total, offset, limit };
}
