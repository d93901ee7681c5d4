/**
 * The words of a span that full-text search and the Traces list show: the messages' text and
 * the answer's, not the JSON around them. Parsed from the stored (normalized) JSON text.
 */
const MAX_SEARCH_CHARS = 32_000;
const PREVIEW_CHARS = 300;

interface Texts {
  readonly input: string;
  readonly output: string;
  /** The last user message (or the input), for the list's preview. */
  readonly lastInput: string;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function spanTexts(requestJson: string, responseJson: string | null): Texts {
  const request = parse(requestJson);
  const response = parse(responseJson);
  const messages = field(request, 'messages');
  let input: string;
  let lastInput: string;
  if (Array.isArray(messages)) {
    const contents = messages.map((m) => asText(field(m, 'content')));
    input = contents.join('\n');
    const lastUser = [...messages].reverse().find((m) => field(m, 'role') === 'user');
    lastInput = lastUser ? asText(field(lastUser, 'content')) : (contents.at(-1) ?? '');
  } else {
    input = asText(field(request, 'input') ?? (typeof request === 'string' ? request : ''));
    lastInput = input;
  }
  const text = field(response, 'text');
  const toolCalls = field(response, 'toolCalls');
  const calls = Array.isArray(toolCalls)
    ? toolCalls
        .map((c) => `${asText(field(c, 'name'))} ${asText(field(c, 'arguments'))}`)
        .join('\n')
    : '';
  const output =
    text !== undefined
      ? [asText(text), calls].filter(Boolean).join('\n')
      : asText(field(response, 'output'));
  return { input, output, lastInput };
}

export function searchBody(texts: Texts): string {
  return `${texts.input}\n${texts.output}`.slice(0, MAX_SEARCH_CHARS);
}

export function preview(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}
