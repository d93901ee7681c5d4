import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PlaygroundRunView } from '../../../../shared/contract';
import { patchQuery, useChannelQuery } from '../../query/channel-query';

const INPUT = { limit: 50 };

/** Recent runs from `playground.history`; a finished run is prepended without a refetch. */
export function useHistory() {
  const queryClient = useQueryClient();
  const { data, error, refetch } = useChannelQuery('playground.history', INPUT);
  const prepend = useCallback(
    (run: PlaygroundRunView) => {
      patchQuery(queryClient, 'playground.history', INPUT, (current) => ({
        runs: [run, ...current.runs.filter((r) => r.id !== run.id)].slice(0, INPUT.limit),
      }));
    },
    [queryClient],
  );
  return { runs: data?.runs ?? null, error, reload: () => void refetch(), prepend };
}
