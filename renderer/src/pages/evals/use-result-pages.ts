import { useCallback, useMemo, useRef, useState } from 'react';
import type { ResultView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

export const RESULTS_PAGE = 200;
export type ResultFilter = 'all' | 'pass' | 'fail' | 'error' | 'unscored';

interface Page {
  readonly version: number;
  readonly rows: readonly ResultView[];
}

interface Pages {
  readonly key: string;
  readonly total: number | null;
  readonly pages: ReadonlyMap<number, Page>;
}

/**
 * A run's results, fetched 200 at a time (`evals.results`) as rows scroll into view. A new
 * `version` (more results stored while the run goes on) marks loaded pages stale: they keep
 * showing and are fetched again when next in view.
 */
export function useResultPages(runId: string, filter: ResultFilter, version: number) {
  const client = useClient();
  const key = `${runId}:${filter}`;
  const [state, setState] = useState<Pages>({ key, total: null, pages: new Map() });
  const inflight = useRef(new Set<string>());
  const current = useMemo<Pages>(
    () => (state.key === key ? state : { key, total: null, pages: new Map() }),
    [state, key],
  );

  const ensure = useCallback(
    (page: number) => {
      const loaded = current.pages.get(page);
      const id = `${key}:${page}:${version}`;
      if ((loaded && loaded.version === version) || inflight.current.has(id)) return;
      if (current.total !== null && page * RESULTS_PAGE >= current.total && page > 0) return;
      inflight.current.add(id);
      client
        .invoke('evals.results', {
          runId,
          offset: page * RESULTS_PAGE,
          limit: RESULTS_PAGE,
          ...(filter === 'all' ? {} : { status: filter }),
        })
        .then(
          ({ total, results }) =>
            setState((s) => {
              const base = s.key === key ? s.pages : new Map<number, Page>();
              return { key, total, pages: new Map(base).set(page, { version, rows: results }) };
            }),
          // Already toasted; the rows stay placeholders until scrolled again.
          () => undefined,
        )
        .finally(() => inflight.current.delete(id));
    },
    [client, runId, filter, key, version, current],
  );

  const rowAt = (index: number): ResultView | undefined =>
    current.pages.get(Math.floor(index / RESULTS_PAGE))?.rows[index % RESULTS_PAGE];

  return { total: current.total, ensure, rowAt };
}
