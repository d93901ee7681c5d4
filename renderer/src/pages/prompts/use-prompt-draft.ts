import { useMemo, useState } from 'react';
import type { PromptKind, PromptVersionView } from '../../../../shared/contract';
import { draftOf, draftSignature } from './prompt-draft';

/**
 * The draft of one version being edited. The editor is keyed by the version, so a new base
 * (after a save, or "edit from this version") starts a fresh draft.
 */
export function usePromptDraft(kind: PromptKind, from: PromptVersionView) {
  const [initial] = useState(() => draftOf(from.content));
  const [draft, setDraft] = useState(initial);
  const initialSignature = useMemo(() => draftSignature(kind, initial), [kind, initial]);
  const dirty = useMemo(
    () => draftSignature(kind, draft) !== initialSignature,
    [kind, draft, initialSignature],
  );
  return { draft, setDraft, dirty };
}
