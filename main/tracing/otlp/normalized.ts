import type { ToolCall } from '../../llm/types';

/** A message in Assay's normalized shape, as mapped from any convention. */
export type NormMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name?: string; content: string };

/** What a convention mapper read off a span; the span mapper merges GenAI and OpenInference. */
export interface MappedCall {
  kind?: string;
  provider?: string;
  model?: string;
  messages: NormMessage[];
  output: { text: string; toolCalls: ToolCall[]; finishReason?: string } | undefined;
  usage: {
    input?: number;
    output?: number;
    cacheRead?: number;
    cacheWrite?: number;
    reasoning?: number;
  };
  params: { temperature?: number; maxTokens?: number; topP?: number };
  costUsd?: number;
  input?: unknown;
  outputValue?: unknown;
}

export function emptyCall(): MappedCall {
  return { messages: [], output: undefined, usage: {}, params: {} };
}

const ROLES: Record<string, NormMessage['role']> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  human: 'user',
  assistant: 'assistant',
  ai: 'assistant',
  model: 'assistant',
  tool: 'tool',
  function: 'tool',
  ipython: 'tool',
};

/** A message from a role name as the conventions write it; unknown roles read as the user's. */
export function message(
  role: string | undefined,
  content: string,
  extra: { toolCalls?: ToolCall[]; toolCallId?: string; name?: string } = {},
): NormMessage {
  const r = ROLES[(role ?? 'user').toLowerCase()] ?? 'user';
  if (r === 'assistant')
    return extra.toolCalls?.length
      ? { role: r, content, toolCalls: extra.toolCalls }
      : { role: r, content };
  if (r === 'tool')
    return {
      role: r,
      toolCallId: extra.toolCallId || 'unknown',
      ...(extra.name ? { name: extra.name } : {}),
      content,
    };
  return { role: r, content };
}

/** Any content value (a string, parts, an object) as text. */
export function contentText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const texts = value.map((part) => {
      if (typeof part === 'string') return part;
      if (part && typeof part === 'object') {
        const p = part as Record<string, unknown>;
        if (typeof p.content === 'string') return p.content;
        if (typeof p.text === 'string') return p.text;
      }
      return JSON.stringify(part);
    });
    return texts.join('\n');
  }
  return JSON.stringify(value);
}

const FINISH: Record<string, string> = {
  stop: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  complete: 'stop',
  length: 'length',
  max_tokens: 'length',
  tool_calls: 'tool_calls',
  tool_call: 'tool_calls',
  tool_use: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
  safety: 'content_filter',
};

export function finishReason(raw: string | undefined): string {
  if (!raw) return 'stop';
  return FINISH[raw.toLowerCase()] ?? 'other';
}
