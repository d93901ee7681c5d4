import type { ChatMessage, ToolCall } from '../../llm/types';

/** A record's field if the value is an object; undefined otherwise. */
export function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/**
 * The text of a content value: a string, or the text parts of an array; other parts (images,
 * audio, files) are named in brackets, so the span says something was there without storing
 * megabytes of base64.
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  return list(content)
    .map((part) => {
      const type = str(field(part, 'type'));
      const text = str(field(part, 'text'));
      if (text !== undefined) return text;
      if (type === 'tool_result') return contentText(field(part, 'content'));
      return type ? `[${type}]` : '';
    })
    .join('');
}

/** Only the normalized parameters whose values the contract accepts (rerun reads them back). */
export function parameters(p: {
  temperature: unknown;
  maxTokens: unknown;
  topP: unknown;
  stop: unknown;
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const t = num(p.temperature);
  if (t !== undefined && t >= 0 && t <= 2) out.temperature = t;
  const m = num(p.maxTokens);
  if (m !== undefined && Number.isInteger(m) && m > 0 && m <= 1_000_000) out.maxTokens = m;
  const top = num(p.topP);
  if (top !== undefined && top >= 0 && top <= 1) out.topP = top;
  const stops = (typeof p.stop === 'string' ? [p.stop] : list(p.stop)).filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  if (stops.length > 0 && stops.length <= 16) out.stop = stops;
  return out;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function toolDefinition(
  name: unknown,
  description: unknown,
  schema: unknown,
): { name: string; description?: string; parameters: Record<string, unknown> } | null {
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) return null;
  const parameters =
    schema !== null && typeof schema === 'object' && !Array.isArray(schema)
      ? (schema as Record<string, unknown>)
      : {};
  return typeof description === 'string' ? { name, description, parameters } : { name, parameters };
}

export type Message = ChatMessage;
export type Call = ToolCall;
