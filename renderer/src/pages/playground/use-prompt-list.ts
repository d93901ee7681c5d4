import { useMemo } from 'react';
import type { PromptKind, PromptSummary } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

/** Runnable kinds first: chat and text prompts are what the playground is mostly for. */
const KIND_ORDER: Record<PromptKind, number> = { chat: 0, text: 0, system: 1, user: 1 };

function sorted(prompts: readonly PromptSummary[]): PromptSummary[] {
  return [...prompts].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name),
  );
}

/** Saved prompts for the source picker, from `prompts.list`. */
export function usePromptList(): readonly PromptSummary[] | null {
  const { data, error } = useChannelQuery('prompts.list', {});
  // A failure was already toasted: the picker still offers Scratch.
  return useMemo(() => (data ? sorted(data.prompts) : error ? [] : null), [data, error]);
}
