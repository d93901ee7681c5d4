import { useCallback, useEffect, useState } from 'react';
import { loadColumns, saveColumns, withIds } from './column-storage';
import { newId } from './new-id';
import { columnsParam, type ColumnRef } from './playground-url';
import { MAX_COLUMNS, type ColumnConfig, type PlaygroundTarget } from './types';

export type ColumnPatch = Partial<Omit<ColumnConfig, 'id'>>;

/** The URL's columns, keeping the overrides of a column at the same place with the same model. */
function fromRefs(refs: readonly ColumnRef[], known: readonly ColumnConfig[]): ColumnConfig[] {
  return refs.map((ref, i) => {
    const same = known[i];
    return same && same.provider === ref.provider && same.model.trim() === ref.model
      ? same
      : { id: newId(), provider: ref.provider, model: ref.model };
  });
}

/**
 * The model columns. Their providers and models live in the URL (a link or a reload shows the
 * same comparison); each column's parameter overrides are remembered in localStorage.
 */
export function useColumns(
  urlColumns: readonly ColumnRef[] | null,
  writeUrl: (columns: readonly ColumnRef[]) => void,
) {
  const [columns, setColumns] = useState<ColumnConfig[]>(() => {
    const stored = loadColumns();
    return urlColumns ? fromRefs(urlColumns, stored) : stored;
  });
  const urlText = urlColumns ? columnsParam(urlColumns) : null;
  // The URL changed under the page (Back, a link): its columns win over the ones shown.
  const [seenUrl, setSeenUrl] = useState(urlText);
  if (urlText !== seenUrl) {
    setSeenUrl(urlText);
    if (urlColumns && urlText !== columnsParam(columns)) setColumns(fromRefs(urlColumns, columns));
  }

  useEffect(() => {
    saveColumns(columns);
    writeUrl(columns);
  }, [columns, writeUrl]);

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
