import { useMemo } from 'react';
import type { PromptKind, PromptSummary } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';

/** Runnable kinds first: chat and text prompts are what the playground is mostly for. */
const KIND_ORDER: Record<PromptKind, number> = { chat: 0, text: 0, system: 1, user: 1 };

function sorted(prompts: readonly PromptSummary[]): PromptSummary[] {
  return [...prompts].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name),
  );
}

/** Saved prompts for the source picker, from `prompts.list`. */
export function usePromptList() {
  const { data, error, reload } = useChannel('prompts.list', {});
  // A failure was already toasted: the picker still offers Scratch.
  const prompts = useMemo(() => (data ? sorted(data.prompts) : error ? [] : null), [data, error]);
  return { prompts, reload };
}
