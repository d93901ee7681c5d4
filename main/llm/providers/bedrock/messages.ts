import type {
  ContentBlock,
  Message,
  SystemContentBlock,
  ToolResultContentBlock,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime';
import type { ChatMessage } from '../../types';

/** A JSON document as Converse carries it (tool inputs, JSON tool results). */
export type BedrockDocument = NonNullable<ToolUseBlock['input']>;

/** The text parsed as JSON when it is a JSON object; null otherwise. */
export function parseJsonObject(text: string): Record<string, BedrockDocument> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, BedrockDocument>)
      : null;
  } catch {
    return null;
  }
}

// Converse rejects blank text blocks ("The text field in the ContentBlock object is blank").
const textBlocks = (text: string): ContentBlock[] => (text.trim() === '' ? [] : [{ text }]);

function toolResult(toolCallId: string, content: string): ContentBlock {
  // A JSON object goes as `json` so the model sees structure; anything else as text.
  const json = parseJsonObject(content);
  const block: ToolResultContentBlock = json !== null ? { json } : { text: content };
  return { toolResult: { toolUseId: toolCallId, content: [block] } };
}

function toMessage(message: Exclude<ChatMessage, { role: 'system' }>): Message {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: textBlocks(message.content) };
    case 'tool':
      // Converse has no tool role: results travel in a user turn, keyed by the toolUseId.
      return { role: 'user', content: [toolResult(message.toolCallId, message.content)] };
    case 'assistant':
      return {
        role: 'assistant',
        content: [
          ...textBlocks(message.content),
          // Unparsable or empty arguments become `{}`: Converse needs an object for `input`.
          ...(message.toolCalls ?? []).map((call): ContentBlock => ({
            toolUse: {
              toolUseId: call.id,
              name: call.name,
              input: parseJsonObject(call.arguments) ?? {},
            },
          })),
        ],
      };
  }
}

/**
 * Converse requires user and assistant turns to alternate, so consecutive messages of one role
 * (a tool result followed by a user note, two assistant fragments) become one message whose
 * content is the runs' blocks in order. Messages left without blocks are dropped.
 */
export function mergeConsecutiveRoles(messages: readonly Message[]): Message[] {
  const merged: Message[] = [];
  for (const message of messages) {
    const content = message.content ?? [];
    if (content.length === 0) continue;
    const last = merged.at(-1);
    if (last && last.role === message.role) last.content = [...(last.content ?? []), ...content];
    else merged.push({ role: message.role, content: [...content] });
  }
  return merged;
}

/** Claude requires a user turn's toolResult blocks before any text; the order is kept otherwise. */
function toolResultsFirst(message: Message): Message {
  const content = message.content ?? [];
  const results = content.filter((block) => block.toolResult !== undefined);
  if (results.length === 0) return message;
  return {
    ...message,
    content: [...results, ...content.filter((block) => block.toolResult === undefined)],
  };
}

/** Splits Assay's messages into Converse's `system` blocks and alternating `messages`. */
export function toConverseMessages(messages: readonly ChatMessage[]): {
  system: SystemContentBlock[];
  messages: Message[];
} {
  const system: SystemContentBlock[] = [];
  const turns: Message[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      if (message.content.trim() !== '') system.push({ text: message.content });
    } else turns.push(toMessage(message));
  }
  return { system, messages: mergeConsecutiveRoles(turns).map(toolResultsFirst) };
}
