import { useCallback } from 'react';
import type { TestCaseView } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';

export const PAGE_SIZE = 100;

/**
 * One page of a dataset's cases from `cases.list` (search debounced). Edits patch the page in
 * place; `reload` fetches it again (after an add or a delete).
 */
export function useCasePage(dataset: string, offset: number, search: string) {
  const text = search.trim();
  const { data, error, reload, update } = useChannel(
    'cases.list',
    { dataset, offset, limit: PAGE_SIZE, ...(text ? { search: text } : {}) },
    { delayMs: text ? 200 : 0 },
  );
  const replace = useCallback(
    (updated: TestCaseView) =>
      update(
        (current) =>
          current && {
            ...current,
            cases: current.cases.map((c) => (c.id === updated.id ? updated : c)),
          },
      ),
    [update],
  );
  return { page: data, error, replace, reload };
}
