import { useCallback, useState } from 'react';
import type { PromptKind, PromptMessage, PromptVersionView } from '../../../../shared/contract';
import { SCRATCH_DRAFT, draftOfVersion } from './prompt-content';
import { defaultValuesOf } from './variable-names';
import type { MessageRole } from './types';

export interface DraftState {
  readonly messages: readonly PromptMessage[];
  /** What the messages were when loaded: the version's, or Scratch's starting pair. */
  readonly baseline: readonly PromptMessage[];
  readonly values: Readonly<Record<string, string>>;
}

const SCRATCH: DraftState = { messages: SCRATCH_DRAFT, baseline: SCRATCH_DRAFT, values: {} };

/** The messages being edited and the variable values typed in. */
export function useDraft() {
  const [draft, setDraft] = useState<DraftState>(SCRATCH);

  /**
   * Starts over from a saved version (or Scratch). The version's defaults replace typed values
   * of the same names, unless `keepValues` (a version just saved from this draft).
   */
  const load = useCallback(
    (source: { kind: PromptKind; version: PromptVersionView } | null, keepValues = false) => {
      if (!source) {
        setDraft((current) => ({ ...SCRATCH, values: current.values }));
        return;
      }
      const messages = draftOfVersion(source.kind, source.version);
      setDraft((current) => ({
        messages,
        baseline: messages,
        values: keepValues
          ? current.values
          : { ...current.values, ...defaultValuesOf(source.version) },
      }));
    },
    [],
  );

  /** Scratch holding given messages and values (a history run opened in the editor). */
  const loadScratch = useCallback(
    (messages: readonly PromptMessage[], values: Record<string, string>) =>
      setDraft({ messages, baseline: messages, values }),
    [],
  );

  const setMessages = (update: (messages: readonly PromptMessage[]) => PromptMessage[]) =>
    setDraft((current) => ({ ...current, messages: update(current.messages) }));

  const editContent = (index: number, content: string) =>
    setMessages((list) =>
      list.map((m, i) => (i === index && 'content' in m ? { ...m, content } : m)),
    );

  const editRole = (index: number, role: MessageRole) =>
    setMessages((list) =>
      list.map((m, i) => {
        if (i !== index || 'placeholder' in m) return m;
        // A component can only be a system or user message.
        if ('ref' in m) return role === 'assistant' ? m : { ...m, role };
        return { ...m, role };
      }),
    );

  const removeMessage = (index: number) =>
    setMessages((list) => list.filter((_, i) => i !== index));

  const addMessage = () =>
    setMessages((list) => {
      const last = list.at(-1);
      const role: MessageRole =
        last && 'role' in last && last.role === 'user' ? 'assistant' : 'user';
      return [...list, { role, content: '' }];
    });

  const setValue = (name: string, value: string) =>
    setDraft((current) => ({ ...current, values: { ...current.values, [name]: value } }));

  return { draft, load, loadScratch, editContent, editRole, removeMessage, addMessage, setValue };
}
