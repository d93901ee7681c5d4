import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useChannelQuery } from '../../query/channel-query';
import type { ComponentKinds } from './run-components';

const KindsContext = createContext<ComponentKinds>(new Map());

/**
 * The kind of every prompt, loaded once for the Evals page, so a run's component versions can
 * say which turn each fills (`system: geo/sys@v1.3`) without a request per row.
 */
export function ComponentKindsProvider({ children }: { children: ReactNode }) {
  const { data } = useChannelQuery('prompts.list', { includeDeleted: true });
  const kinds = useMemo<ComponentKinds>(
    () => new Map((data?.prompts ?? []).map((p) => [p.name, p.kind])),
    [data],
  );
  return <KindsContext.Provider value={kinds}>{children}</KindsContext.Provider>;
}

export function useComponentKinds(): ComponentKinds {
  return useContext(KindsContext);
}
