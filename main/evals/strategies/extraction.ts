import { extractJson } from './json-extract';
import type { OutputStrategy } from './types';

/**
 * Extraction prompts answer with JSON; the text stays the full reply (so text matchers still see
 * everything) and `json` holds the parsed value. A failure is a note, not an error: the JSON
 * matchers report it as their reason, and text matchers are unaffected.
 */
export const extractionStrategy: OutputStrategy<'extraction'> = {
  type: 'extraction',
  description:
    'Parses JSON from the reply: whole text, else a ```json block, else the first {...} or [...].',
  prepare(output) {
    const found = extractJson(output);
    if (!found.ok) return { text: output, note: found.error };
    if (found.source === 'whole') return { text: output, json: found.value };
    const where = found.source === 'fenced' ? 'a fenced code block' : 'text around it';
    return { text: output, json: found.value, note: `JSON taken from ${where}` };
  },
};
