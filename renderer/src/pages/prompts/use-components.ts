import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

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
  const client = useClient();
  const [versions, setVersions] = useState<Record<string, PromptVersionView[]>>({});
  const requested = useRef(new Set<string>());
  const names = [...new Set(referenced.filter(Boolean))].sort().join('\n');

  useEffect(() => {
    for (const name of names.split('\n')) {
      if (!name || requested.current.has(name)) continue;
      requested.current.add(name);
      client.invoke('prompts.versions', { name }).then(
        (result) => setVersions((current) => ({ ...current, [name]: result.versions })),
        () => requested.current.delete(name),
      );
    }
  }, [client, names]);

  const summaries = useMemo(() => {
    const map = new Map<string, PromptSummary>();
    for (const p of catalog ?? [])
      if ((p.kind === 'system' || p.kind === 'user') && p.deletedAt === null) map.set(p.name, p);
    return map;
  }, [catalog]);
  const versionsOf = useCallback((name: string) => versions[name], [versions]);

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
