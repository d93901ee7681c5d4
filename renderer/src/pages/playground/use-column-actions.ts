import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ColumnActions } from './model-column';

/**
 * The column callbacks with a stable identity that always call the latest handlers, so the
 * memoized columns do not re-render when the page does (typing in a message, say).
 */
export function useColumnActions(handlers: ColumnActions): ColumnActions {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  return useMemo<ColumnActions>(
    () => ({
      onChange: (id, patch) => latest.current.onChange(id, patch),
      onRemove: (id) => latest.current.onRemove(id),
      onRerun: (id) => latest.current.onRerun(id),
      onStop: (id) => latest.current.onStop(id),
      onWantModels: (provider) => latest.current.onWantModels(provider),
    }),
    [],
  );
}
