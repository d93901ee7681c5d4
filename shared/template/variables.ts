/**
 * `{{name}}` templates. A variable is `{{` + optional spaces + an identifier + optional spaces +
 * `}}`; identifiers start with a letter or `_` and may hold letters, digits, `_`, `-` and `.`.
 * Anything else between braces (`{{"a": 1}}`, `{{ 1 + 1 }}`, `{{}}`) is left as literal text, so
 * JSON examples inside prompts render unchanged. `\{{` escapes a would-be variable: it renders as
 * a literal `{{`.
 */
const TOKEN = /\\\{\{|\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/** Variable names in order of first use, without duplicates. */
export function extractVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(TOKEN)) if (match[1] !== undefined) names.add(match[1]);
  return [...names];
}

export interface RenderResult {
  readonly text: string;
  /** Every variable used without a value, in order of first use. */
  readonly missing: readonly string[];
}

/** Substitutes variables; values are inserted verbatim (never re-scanned for variables). */
export function renderTemplate(
  text: string,
  values: Readonly<Record<string, string>>,
): RenderResult {
  const missing = new Set<string>();
  const out = text.replace(TOKEN, (whole, name: string | undefined) => {
    if (name === undefined) return '{{';
    if (Object.hasOwn(values, name)) return values[name]!;
    missing.add(name);
    return whole;
  });
  return { text: out, missing: [...missing] };
}
