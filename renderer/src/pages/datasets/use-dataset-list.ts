import { useCallback, useEffect, useState } from 'react';
import type { DatasetSummary } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

/**
 * `datasets.list`, searched by name and description (debounced while typing). `reload` loads
 * again after a create, import or case edit, keeping the old rows showing meanwhile.
 */
export function useDatasetList(search: string) {
  const client = useClient();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const text = search.trim();
    const timer = setTimeout(
      () => {
        client.invoke('datasets.list', text ? { search: text } : {}).then(
          (result) => {
            if (!live) return;
            setDatasets(result.datasets);
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
  }, [client, search, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { datasets, error, reload };
}
