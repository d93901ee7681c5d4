import { useCallback, useEffect } from 'react';
import type { ChannelInput, PlaygroundRunView, PromptConfig } from '../../../../shared/contract';
import { toClientError } from '../../client';
import { useQueryTransport } from '../../query/query-transport';
import { effectiveTarget } from './column-storage';
import { newId } from './new-id';
import type { OutputStore } from './output-store';
import type { ColumnConfig } from './types';

export type RunPayload = Omit<ChannelInput<'playground.run'>, 'targets' | 'streamPrefix'>;

/**
 * Runs columns through one `playground.run` call. The `llm.delta` subscription lives as long as
 * the page, so it is open before any run starts and no early token is missed.
 */
export function useRunner(store: OutputStore, onRun: (view: PlaygroundRunView) => void) {
  // The plain transport: a failed run is shown in its columns, not toasted as well.
  const client = useQueryTransport();

  useEffect(() => {
    const unsubscribe = client.subscribe('llm.delta', ({ streamId, delta }) =>
      store.push(streamId, delta),
    );
    return () => {
      unsubscribe();
      // Leaving the page stops what it started.
      for (const streamId of store.runningStreams()) {
        client.invoke('llm.cancel', { streamId }).catch(() => undefined);
      }
    };
  }, [client, store]);

  const run = useCallback(
    async (
      columns: readonly ColumnConfig[],
      payload: RunPayload,
      config: PromptConfig | undefined,
    ) => {
      const targets = columns.map((column) => effectiveTarget(column, config));
      const streamPrefix = newId();
      columns.forEach((column, i) => store.start(column.id, `${streamPrefix}:${i}`));
      try {
        const view = await client.invoke('playground.run', {
          ...payload,
          targets,
          streamPrefix,
        });
        columns.forEach((column, i) => {
          const result = view.columns[i];
          if (result) store.finish(column.id, result);
          else
            store.fail(column.id, {
              code: 'INTERNAL',
              message: 'the run returned no result for this column',
            });
        });
        onRun(view);
      } catch (err) {
        // The whole call failed: every column says why.
        const { code, message } = toClientError(err);
        for (const [i, column] of columns.entries()) {
          if (code === 'CANCELLED') {
            store.finish(column.id, {
              target: targets[i] ?? effectiveTarget(column, config),
              status: 'cancelled',
              result: null,
              error: null,
            });
          } else {
            store.fail(column.id, { code, message });
          }
        }
      }
    },
    [client, store, onRun],
  );

  const stop = useCallback(
    (columnId: string) => {
      const { status, streamId } = store.get(columnId);
      if (status !== 'running' || streamId === null) return;
      client.invoke('llm.cancel', { streamId }).catch(() => undefined);
    },
    [client, store],
  );

  const stopAll = useCallback(() => {
    for (const streamId of store.runningStreams()) {
      client.invoke('llm.cancel', { streamId }).catch(() => undefined);
    }
  }, [client, store]);

  return { run, stop, stopAll };
}
