import { isRecord } from '../../lib/is-record';

export interface ChatMessage {
  readonly role: string;
  readonly content: string;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  // Content parts ([{ type: 'text', text }]) read as their text; anything else as JSON.
  if (Array.isArray(content))
    return content
      .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : toJson(part)))
      .join('\n');
  return toJson(content);
}

/**
 * The chat messages a payload holds: an array of `{ role, content }`, or an object with such a
 * `messages` array (a normalized request); null when it is anything else.
 */
export function chatMessages(value: unknown): ChatMessage[] | null {
  const list = isRecord(value) && Array.isArray(value.messages) ? value.messages : value;
  if (!Array.isArray(list) || list.length === 0) return null;
  const messages: ChatMessage[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.role !== 'string' || !('content' in item)) return null;
    messages.push({ role: item.role, content: contentText(item.content) });
  }
  return messages;
}

export function toJson(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value, null, 2);
  return text === undefined ? String(value) : text;
}

/** A one-line preview of a payload: its text, its last message, or its JSON, cut to `max`. */
export function previewText(value: unknown, max = 120): string {
  if (value === null || value === undefined) return '';
  const messages = chatMessages(value);
  let text: string;
  if (messages) text = messages[messages.length - 1]!.content;
  else if (typeof value === 'string') text = value;
  else if (isRecord(value) && typeof value.text === 'string') text = value.text;
  else text = JSON.stringify(value) ?? '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
