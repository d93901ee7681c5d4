import type { ChannelInput, ComponentRef, PromptMessage } from '../../../../shared/contract';
import { renderTemplate } from '../../../../shared/template/variables';
import { toClientError, type Client } from '../../client';
import { roleOfKind } from './prompt-content';
import type { MessageRole, PromptSource } from './types';

type RunMessages = ChannelInput<'playground.run'>['messages'];

export interface RenderRequest {
  source: PromptSource | null;
  edited: boolean;
  draft: readonly PromptMessage[];
  /** Values of the variables in use, empty ones left out. */
  variables: Record<string, string>;
}

export type RenderOutcome =
  | {
      ok: true;
      messages: RunMessages;
      promptName: string | undefined;
      promptVersion: string | undefined;
    }
  | { ok: false; error: string };

function missingError(missing: readonly string[]): RenderOutcome {
  const plural = missing.length === 1 ? 'variable' : 'variables';
  return { ok: false, error: `Missing ${plural}: ${missing.join(', ')}` };
}

/** A saved, unedited version renders on the core, so components and labels resolve there. */
async function renderSaved(
  client: Client,
  source: PromptSource,
  variables: Record<string, string>,
) {
  const { summary, version } = source;
  const rendered = await client.invoke('prompts.render', {
    name: summary.name,
    version: version.version,
    variables,
  });
  const messages: RunMessages = [...rendered.messages];
  if (messages.length === 0 && rendered.text !== null) {
    messages.push({ role: roleOfKind(summary.kind), content: rendered.text });
  }
  return messages;
}

async function componentText(client: Client, ref: ComponentRef): Promise<string> {
  const { version } = await client.invoke('prompts.get', {
    name: ref.prompt,
    version: ref.version,
    label: ref.label,
  });
  return version.content.text ?? '';
}

/** Edited or Scratch messages render here with the shared template code. */
async function renderDraft(
  client: Client,
  draft: readonly PromptMessage[],
  variables: Record<string, string>,
): Promise<{ messages: RunMessages; missing: string[] }> {
  const messages: RunMessages = [];
  const missing = new Set<string>();
  for (const message of draft) {
    if ('placeholder' in message) continue;
    const role: MessageRole = message.role;
    const template = 'ref' in message ? await componentText(client, message.ref) : message.content;
    const result = renderTemplate(template, variables);
    for (const name of result.missing) missing.add(name);
    messages.push({ role, content: result.text });
  }
  return { messages, missing: [...missing] };
}

/** The messages to send, or why there are none (every missing variable is listed). */
export async function renderForRun(client: Client, request: RenderRequest): Promise<RenderOutcome> {
  const { source, edited, draft, variables } = request;
  try {
    if (source && !edited) {
      const messages = await renderSaved(client, source, variables);
      return {
        ok: true,
        messages,
        promptName: source.summary.name,
        promptVersion: source.version.version,
      };
    }
    const { messages, missing } = await renderDraft(client, draft, variables);
    if (missing.length > 0) return missingError(missing);
    if (!messages.some((m) => m.content.trim() !== '')) {
      return { ok: false, error: 'Nothing to send: every message is empty.' };
    }
    // An edit is not the saved version: the run names the prompt but no version.
    return { ok: true, messages, promptName: source?.summary.name, promptVersion: undefined };
  } catch (err) {
    return { ok: false, error: toClientError(err).toString() };
  }
}
