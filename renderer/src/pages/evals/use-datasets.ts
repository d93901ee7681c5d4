import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context';

/** Names of the live datasets, for the runs filter. */
export function useDatasetNames() {
  const client = useClient();
  const [names, setNames] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    client.invoke('datasets.list', {}).then(
      (r) => live && setNames(r.datasets.filter((d) => d.deletedAt === null).map((d) => d.name)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  return names;
}
