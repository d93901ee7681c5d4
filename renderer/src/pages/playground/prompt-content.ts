import type {
  PromptContent,
  PromptKind,
  PromptMessage,
  PromptVersionView,
} from '../../../../shared/contract';
import { extractVariables } from '../../../../shared/template/variables';
import type { MessageRole } from './types';

/** The role a single-text prompt's text takes when sent as a message. */
export function roleOfKind(kind: PromptKind): MessageRole {
  return kind === 'system' ? 'system' : 'user';
}

/** The editable messages of a version: its messages, or its one text as one message. */
export function draftOfVersion(kind: PromptKind, version: PromptVersionView): PromptMessage[] {
  const { messages, text } = version.content;
  if (kind === 'chat') return messages ? [...messages] : [];
  return [{ role: roleOfKind(kind), content: text ?? '' }];
}

export const SCRATCH_DRAFT: readonly PromptMessage[] = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: '' },
];

export function sameDraft(a: readonly PromptMessage[], b: readonly PromptMessage[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The template texts of a draft (components and placeholders have none here). */
export function textsOf(draft: readonly PromptMessage[]): string[] {
  return draft.flatMap((m) => ('content' in m ? [m.content] : []));
}

function usedIn(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((t) => extractVariables(t)));
}

/**
 * The content to save as a new version: the edited messages (chat) or text (other kinds), with
 * the base version's config and only the variable descriptions still used.
 */
export function contentOfDraft(
  kind: PromptKind,
  draft: readonly PromptMessage[],
  base: PromptVersionView,
): PromptContent {
  const before = usedIn(textsOf(draftOfVersion(kind, base)));
  const after = usedIn(textsOf(draft));
  // A listed variable the old texts did not use comes from a component: keep it.
  const variables = base.content.variables?.filter((v) => after.has(v.name) || !before.has(v.name));
  const content: PromptContent = { ...base.content };
  if (variables) content.variables = variables;
  if (kind === 'chat') {
    content.messages = [...draft];
    delete content.text;
  } else {
    const first = draft[0];
    content.text = first && 'content' in first ? first.content : '';
    delete content.messages;
  }
  return content;
}
