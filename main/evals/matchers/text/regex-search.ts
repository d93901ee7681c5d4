import { LruCache, memo } from '../core/cache';

/** Where a pattern first matches a text: what the regex matcher reports. */
export interface RegexMatch {
  readonly index: number;
  readonly text: string;
}

const compiled = new LruCache<string, RegExp>(128);

/**
 * One search with a pattern as written, compiled once per pattern. Throws what `new RegExp`
 * throws for a bad pattern.
 */
export function searchRegex(pattern: string, flags: string, text: string): RegexMatch | null {
  return searchWith(
    memo(compiled, `${flags}/${pattern}`, () => new RegExp(pattern, flags)),
    text,
  );
}

/** The RegExp is shared between searches: the g and y flags keep state in lastIndex. */
export function searchWith(regex: RegExp, text: string): RegexMatch | null {
  regex.lastIndex = 0;
  const match = regex.exec(text);
  regex.lastIndex = 0;
  return match ? { index: match.index, text: match[0] } : null;
}
