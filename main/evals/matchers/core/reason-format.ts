import { renderTemplate } from '../../../../shared/template/variables';

/** Helpers that keep matcher reasons short and uniform. */

/** A JSON-quoted excerpt, so whitespace and quotes in model output stay visible in a reason. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** A JSON value shown in a reason, cut to a readable length. */
export function show(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Scores and thresholds in reasons: at most three decimals, no trailing zeros. */
export function formatScore(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Expected values may reference the case's variables (`{{answer}}`), as promptfoo's do. Most
 * values hold no `{{`, so the check keeps the hot path free of the template scan.
 */
export function renderValue(value: string, vars: Readonly<Record<string, string>>): string {
  return value.includes('{{') ? renderTemplate(value, vars).text : value;
}

/** Index of the first character where two strings differ (the shorter length when one is a prefix). */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return n;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "a, b and 3 more": lists in reasons stay one line long. */
export function listSome(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
