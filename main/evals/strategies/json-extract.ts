/**
 * Finds JSON in a model's reply. Models wrap JSON in prose or markdown fences even when asked not
 * to, so extraction tries, in order: the whole text, the first ```json fenced block, then the
 * first balanced {...} or [...] that parses. The first success wins.
 */

export type JsonExtraction =
  | { readonly ok: true; readonly value: unknown; readonly source: 'whole' | 'fenced' | 'embedded' }
  | { readonly ok: false; readonly error: string };

const FENCE = /```[ \t]*(json|JSON|jsonc|json5)?[ \t]*\r?\n([\s\S]*?)\r?\n?```/g;

/**
 * Balanced-span scanning tries a bounded number of start positions: a reply of ten thousand
 * `[` characters must not cost ten thousand scans of the whole text.
 */
const MAX_EMBEDDED_ATTEMPTS = 25;

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** End index (exclusive) of the bracketed span starting at `start`, or -1 if it never closes. */
export function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') stack.push('}');
    else if (ch === '[') stack.push(']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** Every parseable balanced {...} / [...] span, in order of its start. Lazy: stop when satisfied. */
export function* embeddedJsonValues(text: string): Generator<unknown> {
  let attempts = 0;
  for (let i = 0; i < text.length && attempts < MAX_EMBEDDED_ATTEMPTS; i++) {
    const ch = text[i];
    if (ch !== '{' && ch !== '[') continue;
    attempts++;
    const end = balancedEnd(text, i);
    if (end === -1) continue;
    const parsed = tryParse(text.slice(i, end));
    if (parsed.ok) {
      yield parsed.value;
      // The next candidate starts after this span: nested objects are part of the value found.
      i = end - 1;
    }
  }
}

/** Contents of fenced code blocks: ```json ones first, then unlabelled ones. */
function fencedBlocks(text: string): string[] {
  if (!text.includes('```')) return [];
  const labelled: string[] = [];
  const plain: string[] = [];
  for (const match of text.matchAll(FENCE)) {
    (match[1] === undefined ? plain : labelled).push(match[2] ?? '');
  }
  return [...labelled, ...plain];
}

export function extractJson(text: string): JsonExtraction {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'the output is empty' };
  const whole = tryParse(trimmed);
  if (whole.ok) return { ok: true, value: whole.value, source: 'whole' };
  for (const block of fencedBlocks(text)) {
    const fenced = tryParse(block.trim());
    if (fenced.ok) return { ok: true, value: fenced.value, source: 'fenced' };
  }
  for (const value of embeddedJsonValues(text)) return { ok: true, value, source: 'embedded' };
  return { ok: false, error: `no JSON found in the output (${whole.error})` };
}
