import { useCallback, useEffect, useState } from 'react';
import { loadColumns, saveColumns, withIds } from './column-storage';
import { newId } from './new-id';
import { MAX_COLUMNS, type ColumnConfig, type PlaygroundTarget } from './types';

export type ColumnPatch = Partial<Omit<ColumnConfig, 'id'>>;

/** The model columns, remembered in localStorage so the next visit starts with them. */
export function useColumns() {
  const [columns, setColumns] = useState<ColumnConfig[]>(loadColumns);

  useEffect(() => saveColumns(columns), [columns]);

  const update = useCallback((id: string, patch: ColumnPatch) => {
    setColumns((current) => current.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  }, []);

  const remove = useCallback((id: string) => {
    setColumns((current) => (current.length > 1 ? current.filter((c) => c.id !== id) : current));
  }, []);

  /** A copy of the last column: comparing one model at two temperatures is one click away. */
  const add = useCallback(() => {
    setColumns((current) => {
      const last = current.at(-1);
      if (current.length >= MAX_COLUMNS) return current;
      const next: ColumnConfig = last
        ? { ...last, id: newId() }
        : { id: newId(), provider: 'openai', model: '' };
      return [...current, next];
    });
  }, []);

  const replace = useCallback((targets: readonly PlaygroundTarget[]) => {
    const next = withIds(targets.slice(0, MAX_COLUMNS));
    setColumns(next);
    return next;
  }, []);

  return { columns, update, remove, add, replace };
}
