import { useMemo } from 'react';
import { useChannelQuery } from '../../query/channel-query';

/** Names of the live datasets, for the runs filter (none when they cannot be listed). */
export function useDatasetNames(): string[] {
  const { data } = useChannelQuery('datasets.list', {});
  return useMemo(
    () => (data?.datasets ?? []).filter((d) => d.deletedAt === null).map((d) => d.name),
    [data],
  );
}
