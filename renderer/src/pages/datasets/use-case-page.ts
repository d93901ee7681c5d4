import { useCallback, useEffect, useState } from 'react';
import type { TestCaseView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

export const PAGE_SIZE = 100;

interface CasePage {
  readonly cases: TestCaseView[];
  readonly total: number;
}

/**
 * One page of a dataset's cases from `cases.list` (search debounced). Edits patch the page in
 * place; `reload` fetches it again (after an add or a delete).
 */
export function useCasePage(dataset: string, offset: number, search: string) {
  const client = useClient();
  const [page, setPage] = useState<CasePage | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const text = search.trim();
    const timer = setTimeout(
      () => {
        client
          .invoke('cases.list', {
            dataset,
            offset,
            limit: PAGE_SIZE,
            ...(text ? { search: text } : {}),
          })
          .then(
            (result) => {
              if (!live) return;
              setPage({ cases: result.cases, total: result.total });
              setError(null);
            },
            (err: unknown) => live && setError(toClientError(err)),
          );
      },
      text ? 200 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, dataset, offset, search, attempt]);

  const replace = useCallback((updated: TestCaseView) => {
    setPage(
      (current) =>
        current && {
          ...current,
          cases: current.cases.map((c) => (c.id === updated.id ? updated : c)),
        },
    );
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { page, error, replace, reload };
}
