import { useSyncExternalStore } from 'react';
import type { OutputStore } from './output-store';
import type { ColumnOutput } from './types';

/** One column's output; re-renders only when that column's snapshot changes. */
export function useColumnOutput(store: OutputStore, columnId: string): ColumnOutput {
  return useSyncExternalStore(store.subscribe, () => store.get(columnId));
}

/** Whether any column is streaming; a boolean, so tokens do not re-render the caller. */
export function useAnyRunning(store: OutputStore): boolean {
  return useSyncExternalStore(store.subscribe, store.anyRunning);
}
