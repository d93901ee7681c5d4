import { useCallback } from 'react';
import type { PlaygroundRunView } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';

const LIMIT = 50;

/** Recent runs from `playground.history`; a finished run is prepended without a reload. */
export function useHistory() {
  const { data, error, reload, update } = useChannel('playground.history', { limit: LIMIT });
  const prepend = useCallback(
    (run: PlaygroundRunView) =>
      update((current) => ({
        ...current,
        runs: [run, ...(current?.runs ?? []).filter((r) => r.id !== run.id)].slice(0, LIMIT),
      })),
    [update],
  );
  return { runs: data?.runs ?? null, error, reload, prepend };
}
