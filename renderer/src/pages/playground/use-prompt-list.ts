import { useCallback, useEffect, useState } from 'react';
import type { PromptKind, PromptSummary } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

/** Runnable kinds first: chat and text prompts are what the playground is mostly for. */
const KIND_ORDER: Record<PromptKind, number> = { chat: 0, text: 0, system: 1, user: 1 };

function sorted(prompts: readonly PromptSummary[]): PromptSummary[] {
  return [...prompts].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name),
  );
}

/** Saved prompts for the source picker, from `prompts.list`. */
export function usePromptList() {
  const client = useClient();
  const [prompts, setPrompts] = useState<PromptSummary[] | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    client.invoke('prompts.list', {}).then(
      ({ prompts: loaded }) => live && setPrompts(sorted(loaded)),
      // Already toasted: the picker still offers Scratch.
      () => live && setPrompts((current) => current ?? []),
    );
    return () => {
      live = false;
    };
  }, [client, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { prompts, reload };
}
