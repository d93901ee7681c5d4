import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { channelKey } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

export interface Components {
  /** System prompts and user templates by name: what a chat message may reference. */
  summaries: ReadonlyMap<string, PromptSummary>;
  system: PromptSummary[];
  user: PromptSummary[];
  /** Every version of a referenced component, once loaded. */
  versionsOf: (name: string) => PromptVersionView[] | undefined;
}

/**
 * The components a chat prompt can reference, and the versions of those it does reference
 * (loaded once each, for the version picker and the variables the components bring).
 */
export function useComponents(catalog: readonly PromptSummary[] | null, referenced: string[]) {
  const transport = useQueryTransport();
  const names = [...new Set(referenced.filter(Boolean))].sort();
  // The same cache entries as the editor's own `prompts.versions`: a component saved in
  // another tab of the page shows its new version here too.
  const versions = useQueries({
    queries: names.map((name) => ({
      queryKey: channelKey('prompts.versions', { name }),
      queryFn: () => transport.invoke('prompts.versions', { name }),
    })),
    combine: (results) =>
      Object.fromEntries(
        results.flatMap((r, i) => (r.data ? [[names[i]!, r.data.versions] as const] : [])),
      ) as Record<string, PromptVersionView[]>,
  });

  const summaries = useMemo(() => {
    const map = new Map<string, PromptSummary>();
    for (const p of catalog ?? [])
      if ((p.kind === 'system' || p.kind === 'user') && p.deletedAt === null) map.set(p.name, p);
    return map;
  }, [catalog]);
  const signature = JSON.stringify(
    Object.entries(versions).map(([n, v]) => [n, v.length, v[0]?.id]),
  );
  // `combine` builds a new object each render: the signature keeps versionsOf stable.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const versionsOf = useCallback((name: string) => versions[name], [signature]);

  return useMemo<Components>(() => {
    const all = [...summaries.values()].sort((a, b) => a.name.localeCompare(b.name));
    return {
      summaries,
      system: all.filter((p) => p.kind === 'system'),
      user: all.filter((p) => p.kind === 'user'),
      versionsOf,
    };
  }, [summaries, versionsOf]);
}
