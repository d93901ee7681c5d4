import { LruCache, memo } from './cache';

/**
 * Compiled regexes keyed by flags and source. Parsing a spec compiles its pattern (to report a
 * bad one at the field), and evaluating reuses the same RegExp for every case.
 */
type Compiled =
  { readonly ok: true; readonly regex: RegExp } | { readonly ok: false; readonly error: string };

const cache = new LruCache<string, Compiled>(512);

export function compileRegex(pattern: string, flags = ''): Compiled {
  return memo(cache, `${flags}/${pattern}`, () => {
    try {
      return { ok: true, regex: new RegExp(pattern, flags) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  });
}
