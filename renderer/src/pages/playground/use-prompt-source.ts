import { useEffect, useState } from 'react';
import type { PromptKind, PromptVersionView } from '../../../../shared/contract';
import { versionNameSchema } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';
import type { PlaygroundUrl } from './playground-url';
import type { PromptSource } from './types';

type OnLoad = (
  source: { kind: PromptKind; version: PromptVersionView } | null,
  keep?: boolean,
) => void;

type ChangeUrl = (patch: Partial<PlaygroundUrl>, options?: { replace?: boolean }) => void;

/** `v1.2` pins a version; anything else is taken as a label. */
function selectorOf(wanted: string | null) {
  if (wanted === null) return {};
  return versionNameSchema.safeParse(wanted).success ? { version: wanted } : { label: wanted };
}

/**
 * Which saved prompt and version the playground shows (null is Scratch), as the URL names them.
 * A prompt named without a version takes what `prompts.get` takes (the production label, else
 * the latest version), and the URL is then pinned to it, so a reload shows the same version.
 */
export function usePromptSource(url: PlaygroundUrl, change: ChangeUrl, onLoad: OnLoad) {
  const name = url.prompt;
  const got = useChannelQuery('prompts.get', name ? { name, ...selectorOf(url.version) } : null);
  const list = useChannelQuery('prompts.versions', name ? { name } : null);

  // The previous answer is kept while the next loads: only one for this prompt is shown.
  const current = name !== null && got.data?.prompt.name === name ? got.data : null;
  const versions =
    current && list.data && !list.isPlaceholderData
      ? list.data.versions
      : current
        ? [current.version]
        : [];
  const source: PromptSource | null = current
    ? { summary: current.prompt, versions, version: current.version }
    : null;
  const loading = name !== null && (got.isPlaceholderData || got.isLoading) ? name : null;

  // A newly shown version replaces the draft (keeping typed values after "save as version").
  const key = current && !got.isPlaceholderData ? `${name}@${current.version.version}` : null;
  const [loaded, setLoaded] = useState<string | null>(null);
  const [keepFor, setKeepFor] = useState<string | null>(null);
  if (key !== null && key !== loaded && current) {
    setLoaded(key);
    onLoad({ kind: current.prompt.kind, version: current.version }, keepFor === key);
  }

  // A prompt named without a version is pinned to the one shown: a reload keeps it even if
  // production moves meanwhile.
  const shown = key !== null && current ? current.version.version : null;
  useEffect(() => {
    if (shown !== null && url.version === null) change({ version: shown }, { replace: true });
  }, [shown, url.version, change]);

  const select = (next: string | null) => {
    if (next === null) {
      setLoaded(null);
      onLoad(null);
    }
    change({ prompt: next, version: null });
  };

  const selectVersion = (version: string) => change({ version });

  /** Shows a version just saved (or created) from the current draft, keeping the typed values. */
  const adopt = (promptName: string, version: PromptVersionView) => {
    setKeepFor(`${promptName}@${version.version}`);
    change({ prompt: promptName, version: version.version });
  };

  return { source, loading, select, selectVersion, adopt };
}
