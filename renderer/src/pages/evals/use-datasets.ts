import { useMemo } from 'react';
import { useChannel } from '../../lib/use-channel';

/** Names of the live datasets, for the runs filter (none when they cannot be listed). */
export function useDatasetNames(): string[] {
  const { data } = useChannel('datasets.list', {});
  return useMemo(
    () => (data?.datasets ?? []).filter((d) => d.deletedAt === null).map((d) => d.name),
    [data],
  );
}
