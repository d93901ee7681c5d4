import { useCallback, useRef, useState } from 'react';
import type { PromptKind, PromptVersionView } from '../../../../shared/contract';
import { versionNameSchema } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import type { PromptSource } from './types';

type OnLoad = (
  source: { kind: PromptKind; version: PromptVersionView } | null,
  keep?: boolean,
) => void;

/** `v1.2` pins a version; anything else is taken as a label. */
function selectorOf(wanted: string | undefined) {
  if (wanted === undefined || wanted === '') return {};
  return versionNameSchema.safeParse(wanted).success ? { version: wanted } : { label: wanted };
}

/**
 * Which saved prompt and version the playground shows (null is Scratch). Picking one without a
 * version takes what `prompts.get` takes: the production label, else the latest version.
 */
export function usePromptSource(onLoad: OnLoad) {
  const client = useClient();
  const [source, setSource] = useState<PromptSource | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const ticket = useRef(0);

  const select = useCallback(
    async (name: string | null, wanted?: string) => {
      const mine = ++ticket.current;
      if (name === null) {
        setSource(null);
        setLoading(null);
        onLoad(null);
        return;
      }
      setLoading(name);
      try {
        const [got, list] = await Promise.all([
          client.invoke('prompts.get', { name, ...selectorOf(wanted) }),
          client.invoke('prompts.versions', { name }),
        ]);
        if (mine !== ticket.current) return;
        setSource({ summary: got.prompt, versions: list.versions, version: got.version });
        onLoad({ kind: got.prompt.kind, version: got.version });
      } catch {
        // Already toasted; the previous source stays.
      } finally {
        if (mine === ticket.current) setLoading(null);
      }
    },
    [client, onLoad],
  );

  const selectVersion = (name: string) => {
    const version = source?.versions.find((v) => v.version === name);
    if (!source || !version) return;
    setSource({ ...source, version });
    onLoad({ kind: source.summary.kind, version });
  };

  /** Shows a version just saved from the current draft, keeping the typed values. */
  const adopt = (saved: PromptVersionView) => {
    if (!source) return;
    const versions = [saved, ...source.versions.filter((v) => v.version !== saved.version)];
    const summary = { ...source.summary, latestVersion: saved.version };
    setSource({ summary, versions, version: saved });
    onLoad({ kind: summary.kind, version: saved }, true);
  };

  return { source, loading, select, selectVersion, adopt };
}
