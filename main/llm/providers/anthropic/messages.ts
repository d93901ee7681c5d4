import type {
  AssistantMessageParam,
  ContentBlockParam,
  UserMessageParam,
} from '@anthropic-ai/sdk/resources/messages';
import { ProviderError } from '../../provider-error';
import type { ChatMessage, ToolCall } from '../../types';

/** A wire message whose content is always a block list (so turns can be merged). */
export type WireMessage =
  | (UserMessageParam & { content: ContentBlockParam[] })
  | (AssistantMessageParam & { content: ContentBlockParam[] });

export interface WireConversation {
  /** All system messages, joined; undefined when there are none. */
  readonly system: string | undefined;
  readonly messages: WireMessage[];
}

/**
 * Parses a normalized tool call's JSON arguments into the object Anthropic wants as `input`.
 * Empty text means "no arguments" (some providers stream nothing for them); anything that is
 * not a JSON object cannot be replayed, so the request is rejected before it is sent.
 */
export function toolInput(call: ToolCall): Record<string, unknown> {
  if (call.arguments.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(call.arguments);
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProviderError({
      provider: 'anthropic',
      errorClass: 'bad_request',
      message: `tool call ${call.id} (${call.name}) has arguments that are not a JSON object`,
    });
  }
  return value as Record<string, unknown>;
}

type Turn = { readonly role: 'user' | 'assistant'; readonly blocks: ContentBlockParam[] };

/** The blocks one non-system message contributes, and the wire role they belong to. */
function turnOf(message: Exclude<ChatMessage, { role: 'system' }>): Turn {
  // The API rejects empty text blocks, so empty content contributes no block at all.
  const text = (t: string): ContentBlockParam[] => (t === '' ? [] : [{ type: 'text', text: t }]);
  switch (message.role) {
    case 'user':
      return { role: 'user', blocks: text(message.content) };
    case 'assistant': {
      const calls = (message.toolCalls ?? []).map((c): ContentBlockParam => ({
        type: 'tool_use',
        id: c.id,
        name: c.name,
        input: toolInput(c),
      }));
      return { role: 'assistant', blocks: [...text(message.content), ...calls] };
    }
    case 'tool': {
      const content = message.content === '' ? {} : { content: message.content };
      return {
        role: 'user',
        blocks: [{ type: 'tool_result', tool_use_id: message.toolCallId, ...content }],
      };
    }
  }
}

/**
 * Maps normalized messages to Anthropic's shape: system messages are hoisted into the
 * top-level `system`; tool results become `tool_result` blocks of a user turn; consecutive
 * messages of one role merge into one turn, because the API wants user and assistant turns to
 * alternate; within a user turn tool results come first, as the API requires of the turn that
 * answers a `tool_use`.
 */
export function toWireConversation(messages: readonly ChatMessage[]): WireConversation {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .filter((c) => c !== '')
    .join('\n\n');
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.role === 'system') continue;
    const turn = turnOf(message);
    if (turn.blocks.length === 0) continue;
    const last = turns.at(-1);
    if (last?.role === turn.role) last.blocks.push(...turn.blocks);
    else turns.push({ role: turn.role, blocks: [...turn.blocks] });
  }
  const isResult = (b: ContentBlockParam) => b.type === 'tool_result';
  const wire = turns.map(({ role, blocks }): WireMessage => {
    if (role === 'assistant') return { role, content: blocks };
    // A stable partition: results first, the rest in their original order.
    return { role, content: [...blocks.filter(isResult), ...blocks.filter((b) => !isResult(b))] };
  });
  return { system: system === '' ? undefined : system, messages: wire };
}
