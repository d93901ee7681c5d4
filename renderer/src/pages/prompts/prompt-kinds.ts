import type { PromptContent, PromptKind } from '../../../../shared/contract';
import { PROMPT_KINDS } from '../../../../shared/contract';

/** How each kind is named in menus and badges. */
export const KIND_LABELS: Record<PromptKind, string> = {
  system: 'System prompt',
  user: 'User template',
  chat: 'Chat (composition)',
  text: 'Text',
};

export const KIND_SHORT: Record<PromptKind, string> = {
  system: 'system',
  user: 'user',
  chat: 'chat',
  text: 'text',
};

/** The kinds as Select options (the new-prompt dialog, the list's kind filter). */
export const KIND_OPTIONS = PROMPT_KINDS.map((kind) => ({
  value: kind,
  label: KIND_LABELS[kind],
  testId: `kind-option-${kind}`,
}));

export const isPromptKind = (value: string): value is PromptKind =>
  (PROMPT_KINDS as readonly string[]).includes(value);

/** Kinds whose content is one text (the others hold a message list). */
export const isTextKind = (kind: PromptKind): boolean => kind !== 'chat';

/** A first version the backend accepts (empty text is refused), ready to be edited. */
export function starterContent(kind: PromptKind): PromptContent {
  switch (kind) {
    case 'system':
      return { text: 'You are a helpful assistant.' };
    case 'user':
      return { text: '{{input}}' };
    case 'chat':
      return { messages: [{ role: 'user', content: '{{input}}' }] };
    case 'text':
      return { text: '{{input}}' };
  }
}
