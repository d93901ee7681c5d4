import v8 from 'node:v8';
import { LruCache, memo } from './cache';

// A pattern such as `^(a+)+$` backtracks exponentially on some outputs: 28 characters took 10 s
// and 40 would take hours, with nothing to stop it. Past 50,000 backtracks V8 finishes such a
// match on its linear-time engine instead, with the same answer (measured: 1 ms). Patterns with
// backreferences or lookaround cannot run there and still backtrack. The flag is read at each
// match, for every RegExp in the process, and changes no result.
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

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
