import { isRecord } from '../../lib/is-record';

/** What parsing an edited cell gives: the value to save, or why it cannot be saved. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(error: string): Parsed<T> => ({ ok: false, error });

function tryJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** Variables as the editor shows them: pretty JSON. */
export const varsText = (vars: Record<string, string>): string => JSON.stringify(vars, null, 2);

/** A JSON object of strings, or `key=value` lines (a value may not span lines there). */
export function parseVars(text: string): Parsed<Record<string, string>> {
  const trimmed = text.trim();
  if (trimmed === '') return ok({});
  if (trimmed.startsWith('{')) {
    const json = tryJson(trimmed);
    if (!json) return bad('not valid JSON');
    if (!isRecord(json.value)) return bad('must be a JSON object');
    const vars: Record<string, string> = {};
    for (const [key, value] of Object.entries(json.value)) {
      if (typeof value === 'string') vars[key] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') vars[key] = String(value);
      else return bad(`"${key}" must be a string`);
    }
    return ok(vars);
  }
  const vars: Record<string, string> = {};
  for (const [i, line] of trimmed.split('\n').entries()) {
    if (line.trim() === '') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return bad(`line ${i + 1}: write key=value, or a JSON object`);
    vars[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return ok(vars);
}

/** The vars in a table cell: the lone `input` as is, else `key=value` pairs. */
export function varsSummary(vars: Record<string, string>): string {
  const entries = Object.entries(vars);
  if (entries.length === 1 && entries[0]?.[0] === 'input') return entries[0][1];
  return entries.map(([key, value]) => `${key}=${value}`).join('  ');
}

/**
 * Expected output for the editor: a string as it is, unless it would read back as other JSON
 * (`42`, `true`, `{…}`), which is then quoted; other values as pretty JSON. Empty: none.
 */
export function expectedText(expected: unknown): string {
  if (expected === undefined || expected === null) return '';
  if (typeof expected === 'string') return tryJson(expected) ? JSON.stringify(expected) : expected;
  return JSON.stringify(expected, null, 2);
}

/** The inverse of expectedText: JSON when it parses, else plain text; empty removes it (null). */
export function parseExpected(text: string): Parsed<unknown> {
  if (text.trim() === '') return ok(null);
  const json = tryJson(text.trim());
  return ok(json ? json.value : text);
}

export const expectedSummary = (expected: unknown): string =>
  expected === undefined || expected === null
    ? ''
    : typeof expected === 'string'
      ? expected
      : JSON.stringify(expected);
