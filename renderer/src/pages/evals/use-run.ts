import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RunView } from '../../../../shared/contract';
import { channelKey, invalidateChannels, useChannelQuery } from '../../query/channel-query';

/**
 * One run with its totals (`evals.get`). Event invalidation refreshes it while it runs (throttled:
 * totals are computed from every result) and once it stops.
 */
export function useRun(runId: string) {
  const { data: run, error } = useChannelQuery('evals.get', { runId });
  return { run, error };
}

/**
 * What a cancel or resume hands back (the run as the core sees it now): shown at once, and the
 * lists and results asked again.
 */
export function useRunChanged(): (run: RunView) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (run: RunView) => {
      queryClient.setQueryData(channelKey('evals.get', { runId: run.id }), run);
      void invalidateChannels(queryClient, ['evals']);
    },
    [queryClient],
  );
}
