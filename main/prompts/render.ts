import type { PromptConfig } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { renderTemplate } from '../../shared/template/variables';
import type { PromptRow, VersionRow } from './prompt-store';
import { contentOf, resolveComponents, versionName } from './resolve';
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

/**
 * Renders one version: components resolved as of now (labels followed, pins fixed), variables
 * filled from the given values, else the defaults, and placeholders replaced by the given
 * messages. A placeholder without a value renders as no messages (Langfuse does the same).
 * Any variable left without a value fails the render, naming every one of them.
 */
export function renderVersion(
  stores: Stores,
  prompt: PromptRow,
  version: VersionRow,
  input: RenderInput,
): Rendered {
  const content = contentOf(version);
  const components = resolveComponents(stores, prompt.name, content);
  const values: Record<string, string> = {};
  for (const v of variablesOf(content, components)) {
    const value = Object.hasOwn(input.variables, v.name) ? input.variables[v.name] : v.default;
    if (value !== undefined) values[v.name] = value;
  }
  const missing = new Set<string>();
  const fill = (template: string): string => {
    const result = renderTemplate(template, values);
    for (const name of result.missing) missing.add(name);
    return result.text;
  };

  let text: string | null = null;
  const messages: RenderedMessage[] = [];
  if (content.text !== undefined) {
    text = fill(content.text);
    messages.push({ role: prompt.kind === 'system' ? 'system' : 'user', content: text });
  }
  content.messages?.forEach((message, position) => {
    if ('placeholder' in message) {
      const given = input.placeholders[message.placeholder] ?? [];
      messages.push(...given.map((m) => ({ role: m.role, content: m.content })));
    } else if ('ref' in message) {
      const component = components.get(position)!;
      messages.push({ role: message.role, content: fill(component.content.text ?? '') });
    } else {
      messages.push({ role: message.role, content: fill(message.content) });
    }
  });

  if (missing.size > 0) {
    const names = [...missing];
    throw new AssayError(
      'VALIDATION_FAILED',
      `prompts.render: missing variables: ${names.join(', ')}`,
      { missing: names },
    );
  }
  return {
    promptVersion: versionName(version),
    messages,
    text,
    config: content.config ?? {},
    components: uniqueComponents(
      [...components.values()].map((c) => ({
        prompt: c.prompt.name,
        version: versionName(c.version),
      })),
    ),
  };
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
