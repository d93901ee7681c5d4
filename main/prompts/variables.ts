import type { PromptContent } from '../../shared/contract';
import { extractVariables } from '../../shared/template/variables';

export interface VariableView {
  readonly name: string;
  readonly default?: string;
  readonly description?: string;
}

/** Only the members that are set, so views and files carry no `undefined` noise. */
function merge(base: VariableView | undefined, over: VariableView | undefined, name: string) {
  const out: { name: string; default?: string; description?: string } = { name };
  const fallback = over?.default ?? base?.default;
  const description = over?.description ?? base?.description;
  if (fallback !== undefined) out.default = fallback;
  if (description !== undefined) out.description = description;
  return out;
}

/**
 * Every variable the content uses, in order of first use: its text, its message contents and,
 * for each component message, the variables of the component's resolved version. Defaults and
 * descriptions come from `content.variables`, else from the component that uses the name.
 */
export function variablesOf(
  content: PromptContent,
  components: ReadonlyMap<number, { readonly content: PromptContent }>,
): VariableView[] {
  const order: string[] = [];
  const inherited = new Map<string, VariableView>();
  const use = (name: string, from?: VariableView): void => {
    if (!order.includes(name)) order.push(name);
    if (from && !inherited.has(name)) inherited.set(name, from);
  };
  if (content.text !== undefined) for (const name of extractVariables(content.text)) use(name);
  content.messages?.forEach((message, position) => {
    if ('content' in message) for (const name of extractVariables(message.content)) use(name);
    const component = 'ref' in message ? components.get(position) : undefined;
    // Components hold text only, so one level of nesting is all there is.
    if (component) for (const v of variablesOf(component.content, new Map())) use(v.name, v);
  });
  const own = new Map((content.variables ?? []).map((v) => [v.name, v]));
  return order.map((name) => merge(inherited.get(name), own.get(name), name));
}
