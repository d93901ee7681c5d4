import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProviderId } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

export type ModelIds = Partial<Record<ProviderId, readonly string[]>>;

/**
 * Model ids to suggest per provider: the price catalog at once, then a provider's live list the
 * first time one of its inputs is focused (the core falls back to the catalog).
 */
export function useModelSuggestions() {
  const client = useClient();
  const [ids, setIds] = useState<ModelIds>({});
  const listed = useRef(new Set<ProviderId>());

  const merge = useCallback(
    (providers: readonly { provider: ProviderId; models: readonly { id: string }[] }[]) =>
      setIds((current) => {
        const next = { ...current };
        for (const p of providers)
          next[p.provider] = [
            ...new Set([...p.models.map((m) => m.id), ...(current[p.provider] ?? [])]),
          ];
        return next;
      }),
    [],
  );

  useEffect(() => {
    let live = true;
    client.invoke('models.list', { live: false }).then(
      ({ providers }) => live && merge(providers),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, merge]);

  const listLive = useCallback(
    (provider: ProviderId) => {
      if (listed.current.has(provider)) return;
      listed.current.add(provider);
      client.invoke('models.list', { provider, live: true }).then(
        ({ providers }) => merge(providers),
        () => listed.current.delete(provider),
      );
    },
    [client, merge],
  );

  return { ids, listLive };
}
