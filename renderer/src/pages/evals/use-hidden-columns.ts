import { useCallback, useState } from 'react';

const STORAGE_KEY = 'assay.evals.results.hiddenColumns';

function readHidden(): ReadonlySet<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((s) => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The results columns the user turned off, remembered in localStorage across runs and reloads.
 * Hidden ones are kept (not shown ones), so a variable a new run adds shows by default.
 */
export function useHiddenColumns() {
  const [hidden, setHidden] = useState(readHidden);
  const toggle = useCallback((id: string, visible: boolean) => {
    setHidden((current) => {
      const next = new Set(current);
      if (visible) next.delete(id);
      else next.add(id);
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
      } catch {
        // Storage full or refused: the choice holds for this page only.
      }
      return next;
    });
  }, []);
  return { hidden, toggle };
}
