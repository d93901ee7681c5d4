import type { PromptConfig } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { renderTemplate } from '../../shared/template/variables';
import type { PromptRecord, VersionRecord } from './prompt-rows';
import { resolveComponents, versionName } from './resolve';
import type { Stores } from './stores';
import { variablesOf } from './variables';

export interface RenderedMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface Rendered {
  readonly promptVersion: string;
  readonly messages: RenderedMessage[];
  readonly text: string | null;
  readonly config: PromptConfig;
  readonly components: { prompt: string; version: string }[];
}

export interface RenderInput {
  readonly variables: Readonly<Record<string, string>>;
  readonly placeholders: Readonly<Record<string, readonly RenderedMessage[]>>;
}

/** A message of a frozen prompt: still a template, or a placeholder slot. */
export type FrozenMessage =
  | { readonly role: RenderedMessage['role']; readonly template: string }
  | { readonly placeholder: string };

/**
 * A version with its components resolved as of now (labels followed, pins fixed) and the
 * variable defaults collected: everything rendering needs, with no further database access.
 * An eval run freezes its prompt once and renders every case from it.
 */
export interface FrozenPrompt {
  readonly promptVersion: string;
  readonly text: string | null;
  readonly messages: readonly FrozenMessage[];
  readonly defaults: Readonly<Record<string, string>>;
  readonly config: PromptConfig;
  readonly components: { prompt: string; version: string }[];
}

export async function freezeVersion(
  stores: Stores,
  prompt: PromptRecord,
  version: VersionRecord,
): Promise<FrozenPrompt> {
  const { content } = version;
  const components = await resolveComponents(stores, prompt.name, content);
  const defaults: Record<string, string> = {};
  for (const v of variablesOf(content, components))
    if (v.default !== undefined) defaults[v.name] = v.default;
  const messages: FrozenMessage[] = [];
  if (content.text !== undefined) {
    messages.push({ role: prompt.kind === 'system' ? 'system' : 'user', template: content.text });
  }
  content.messages?.forEach((message, position) => {
    if ('placeholder' in message) messages.push({ placeholder: message.placeholder });
    else if ('ref' in message) {
      messages.push({ role: message.role, template: components.get(position)!.content.text ?? '' });
    } else messages.push({ role: message.role, template: message.content });
  });
  return {
    promptVersion: versionName(version),
    text: content.text ?? null,
    messages,
    defaults,
    config: content.config ?? {},
    components: uniqueComponents(
      [...components.values()].map((c) => ({
        prompt: c.prompt.name,
        version: versionName(c.version),
      })),
    ),
  };
}

/**
 * Fills a frozen prompt: variables from the given values, else the defaults; placeholders
 * replaced by the given messages (a placeholder without a value renders as no messages, as
 * Langfuse does). Any variable left without a value fails the render, naming every one of them.
 */
export function renderFrozen(frozen: FrozenPrompt, input: RenderInput): Rendered {
  const values = { ...frozen.defaults, ...input.variables };
  const missing = new Set<string>();
  const fill = (template: string): string => {
    const result = renderTemplate(template, values);
    for (const name of result.missing) missing.add(name);
    return result.text;
  };
  const messages: RenderedMessage[] = [];
  for (const message of frozen.messages) {
    if ('placeholder' in message) {
      const given = input.placeholders[message.placeholder] ?? [];
      messages.push(...given.map((m) => ({ role: m.role, content: m.content })));
    } else messages.push({ role: message.role, content: fill(message.template) });
  }
  const text = frozen.text === null ? null : (messages[0]?.content ?? '');
  if (missing.size > 0) {
    const names = [...missing];
    throw new AssayError(
      'VALIDATION_FAILED',
      `prompts.render: missing variables: ${names.join(', ')}`,
      {
        missing: names,
      },
    );
  }
  return {
    promptVersion: frozen.promptVersion,
    messages,
    text,
    config: frozen.config,
    components: frozen.components,
  };
}

/** Renders one version as of now (see freezeVersion and renderFrozen). */
export async function renderVersion(
  stores: Stores,
  prompt: PromptRecord,
  version: VersionRecord,
  input: RenderInput,
): Promise<Rendered> {
  return renderFrozen(await freezeVersion(stores, prompt, version), input);
}

/** A component used by two messages is listed once. */
function uniqueComponents(list: { prompt: string; version: string }[]) {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.prompt}@${c.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
