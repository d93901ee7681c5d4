import { z } from 'zod';
import { binarySchema, cannotJudge, defineMatcher, text, verdict } from '../core/definition';
import { compileRegex } from './regex-cache';
import { searchWith } from './regex-search';
import { searchOffThread } from '../workers/off-thread';
import { quote } from '../core/reason-format';

/** How long a search that V8 cannot bound itself may run (see workers/off-thread.ts). */
const DEFAULT_TIMEOUT_MS = 1000;

const schema = binarySchema('regex', {
  /** A JavaScript regular expression source, without slashes. */
  pattern: text('pattern'),
  flags: z
    .string({ error: 'flags must be a string such as "i" or "ms"' })
    // JavaScript's own flags; `l` (V8's linear engine) is Assay's to choose.
    .regex(/^[dgimsuvy]*$/, { error: 'flags may hold d, g, i, m, s, u, v and y' })
    .default(''),
  /**
   * Time limit for one search, in ms (default 1000). Most patterns finish in linear time and
   * never come near it; one with a backreference or lookaround can backtrack for minutes.
   */
  timeoutMs: z
    .number({ error: 'timeoutMs must be a number of milliseconds' })
    .int({ error: 'timeoutMs must be a whole number of milliseconds' })
    .min(1, { error: 'timeoutMs must be at least 1' })
    .max(60_000, { error: 'timeoutMs must be at most 60000' })
    .optional(),
}).superRefine((spec, ctx) => {
  const compiled = compileRegex(spec.pattern, spec.flags);
  if (compiled.ok) return;
  // The engine names the flags when they are the problem; otherwise the pattern is.
  const path = /flag/i.test(compiled.error) ? 'flags' : 'pattern';
  ctx.addIssue({ code: 'custom', path: [path], message: compiled.error });
});

/**
 * Regex matchers compile once per distinct pattern (see regex-cache). A pattern V8 can finish
 * in linear time runs in this thread; any other runs on a worker, stopped at `timeoutMs`, so a
 * catastrophic one costs at most that and "could not judge".
 */
export const regexMatcher = defineMatcher({
  type: 'regex',
  description: 'The output matches a regular expression.',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const compiled = compileRegex(spec.pattern, spec.flags);
    if (!compiled.ok) throw new Error(`invalid pattern: ${compiled.error}`);
    const timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const search = compiled.linear
      ? { status: 'done' as const, value: searchWith(compiled.linear, subject.text) }
      : await searchOffThread({
          pattern: spec.pattern,
          flags: spec.flags,
          text: subject.text,
          timeoutMs,
        });
    if (search.status === 'timed-out')
      return cannotJudge(`could not judge: regex timed out after ${timeoutMs} ms`);
    if (search.status === 'failed')
      return cannotJudge(`could not judge: regex failed: ${search.error}`);
    const shown = `/${spec.pattern}/${spec.flags}`;
    return search.value
      ? verdict(true, `output matches ${shown} at ${quote(search.value.text, 40)}`)
      : verdict(false, `output does not match ${shown}`);
  },
});
