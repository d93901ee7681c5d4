import v8 from 'node:v8';
import { LruCache, memo } from '../core/cache';
import { dropUnicode, foldCase } from './regex-rewrite';

// A pattern such as `^(a+)+$` backtracks exponentially on some outputs: 28 characters took 10 s
// and 40 would take hours, with nothing to stop it. Past 50,000 backtracks V8 finishes such a
// match on its linear-time engine instead, with the same answer (measured: 1 ms). The flag is
// read at each match, for every RegExp in the process, and changes no result.
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
// Allows the `l` flag (compile for the linear-time engine alone), which runsInLinearTime asks
// with. Set once: toggling it around each question cost ~40 µs a pattern, 0.2 s of a
// 5,000-case run whose regexes all differ. A RegExp without `l` is compiled as before.
v8.setFlagsFromString('--enable-experimental-regexp-engine');

/**
 * Whether V8's linear-time engine can run a pattern, so that the flag above bounds it. It
 * cannot take backreferences, lookarounds, counts above 16, or the i, u, v and d flags (V8
 * 11.3); asked with the `l` flag, which compiles for that engine alone and refuses the rest.
 */
export function runsInLinearTime(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, `${flags}l`);
    return true;
  } catch {
    return false;
  }
}

/**
 * An equivalent RegExp that V8 finishes in linear time, or null. The matcher reads only where
 * the first match is, which `d` does not change; a pattern with `i` or `u`, which the linear
 * engine refuses, is rewritten without the flag where that is exact (regex-rewrite.ts).
 */
function linearForm(pattern: string, flags: string): RegExp | null {
  let source: string | null = pattern;
  let used = flags.replace('d', '');
  if (used.includes('v')) return null;
  if (used.includes('u')) {
    // Under `u`, `i` folds case by Unicode's rules (ſ matches s), which foldCase does not model.
    source = used.includes('i') ? null : dropUnicode(pattern);
    used = used.replace('u', '');
  } else if (used.includes('i')) {
    source = foldCase(pattern);
    used = used.replace('i', '');
  }
  return source !== null && runsInLinearTime(source, used) ? new RegExp(source, used) : null;
}

/**
 * A compiled pattern: `linear` runs in this thread; without it (a backreference, a lookaround,
 * `.` under the u flag…) a match may backtrack for minutes, so workers/off-thread.ts runs it on a
 * worker under a time limit.
 */
export type CompiledRegex =
  | { readonly ok: true; readonly linear: RegExp | null }
  | { readonly ok: false; readonly error: string };

/**
 * Compiled regexes keyed by flags and source. Parsing a spec compiles its pattern (to report a
 * bad one at the field), and evaluating reuses the same RegExp for every case.
 */
const cache = new LruCache<string, CompiledRegex>(512);

export function compileRegex(pattern: string, flags = ''): CompiledRegex {
  return memo(cache, `${flags}/${pattern}`, () => {
    try {
      new RegExp(pattern, flags);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    return { ok: true, linear: linearForm(pattern, flags) };
  });
}
