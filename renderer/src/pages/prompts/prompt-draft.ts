import type { PromptContent, PromptKind, PromptMessage } from '../../../../shared/contract';
import { configDraftOf, type ConfigDraft, type ConfigErrors } from './config-draft';
import { parseConfigDraft } from './parse-config';

export type TextRole = 'system' | 'user' | 'assistant';
export type RefRole = 'system' | 'user';
export type RefMode = 'label' | 'version';

export interface TextDraft {
  key: number;
  type: 'text';
  role: TextRole;
  content: string;
}

export interface RefDraft {
  key: number;
  type: 'ref';
  role: RefRole;
  prompt: string;
  mode: RefMode;
  label: string;
  version: string;
}

export interface PlaceholderDraft {
  key: number;
  type: 'placeholder';
  name: string;
}

/** A message row being edited; `key` keeps React rows stable while rows move. */
export type DraftMessage = TextDraft | RefDraft | PlaceholderDraft;

export interface VariableMeta {
  default: string;
  description: string;
}

export interface PromptDraft {
  text: string;
  messages: DraftMessage[];
  variables: Record<string, VariableMeta>;
  config: ConfigDraft;
}

let lastKey = 0;
export const newKey = (): number => ++lastKey;

export const newTextMessage = (role: TextRole = 'user'): TextDraft => ({
  key: newKey(),
  type: 'text',
  role,
  content: '',
});

export const newRefMessage = (role: RefRole = 'system'): RefDraft => ({
  key: newKey(),
  type: 'ref',
  role,
  prompt: '',
  mode: 'label',
  // Empty follows production, else the latest version (the backend's default).
  label: '',
  version: '',
});

export const newPlaceholder = (name = 'history'): PlaceholderDraft => ({
  key: newKey(),
  type: 'placeholder',
  name,
});

function draftMessageOf(message: PromptMessage): DraftMessage {
  if ('placeholder' in message) return newPlaceholder(message.placeholder);
  if ('ref' in message) {
    const { prompt, version, label } = message.ref;
    return {
      ...newRefMessage(message.role),
      prompt,
      mode: version ? 'version' : 'label',
      label: label ?? '',
      version: version ?? '',
    };
  }
  return { ...newTextMessage(message.role), content: message.content };
}

export function draftOf(content: PromptContent): PromptDraft {
  const variables: Record<string, VariableMeta> = {};
  for (const v of content.variables ?? [])
    variables[v.name] = { default: v.default ?? '', description: v.description ?? '' };
  return {
    text: content.text ?? '',
    messages: (content.messages ?? []).map(draftMessageOf),
    variables,
    config: configDraftOf(content.config),
  };
}

export function messageOf(draft: DraftMessage): PromptMessage {
  switch (draft.type) {
    case 'placeholder':
      return { placeholder: draft.name.trim() };
    case 'text':
      return { role: draft.role, content: draft.content };
    case 'ref': {
      const prompt = draft.prompt;
      if (draft.mode === 'version')
        return {
          role: draft.role,
          ref: draft.version ? { prompt, version: draft.version } : { prompt },
        };
      const label = draft.label.trim();
      return { role: draft.role, ref: label ? { prompt, label } : { prompt } };
    }
  }
}

/** The content to save: variables kept only for names in use and only when something is set. */
export function contentOf(
  kind: PromptKind,
  draft: PromptDraft,
  used: readonly string[],
): { content: PromptContent; configErrors: ConfigErrors } {
  const { config, errors } = parseConfigDraft(draft.config);
  const content: PromptContent =
    kind === 'chat' ? { messages: draft.messages.map(messageOf) } : { text: draft.text };
  const variables = used.flatMap((name) => {
    const meta = draft.variables[name];
    const def = meta?.default ?? '';
    const description = meta?.description.trim() ?? '';
    if (def === '' && description === '') return [];
    return [
      { name, ...(def !== '' ? { default: def } : {}), ...(description ? { description } : {}) },
    ];
  });
  if (variables.length > 0) content.variables = variables;
  if (config) content.config = config;
  return { content, configErrors: errors };
}

/** The draft without row keys, so an edit that is undone by hand counts as no change. */
export function draftSignature(kind: PromptKind, draft: PromptDraft): string {
  const messages = draft.messages.map(({ key: _key, ...rest }) => rest);
  const variables = Object.entries(draft.variables)
    .filter(([, meta]) => meta.default !== '' || meta.description !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([kind === 'chat' ? messages : draft.text, variables, draft.config]);
}
