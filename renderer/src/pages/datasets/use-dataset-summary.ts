import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

/** One dataset's summary (count, type, tags), loaded again whenever `refreshKey` changes. */
export function useDatasetSummary(name: string, refreshKey: number) {
  const client = useClient();
  const [summary, setSummary] = useState<DatasetSummary | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  useEffect(() => {
    let live = true;
    client.invoke('datasets.get', { name, limit: 1 }).then(
      (result) => {
        if (!live) return;
        setSummary(result.dataset);
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, name, refreshKey]);

  return { summary, error };
}
