import { z } from 'zod';
import { binarySchema, defineMatcher, text, verdict } from './definition';
import { compileRegex } from './regex-cache';
import { quote } from './text';

const schema = binarySchema('regex', {
  /** A JavaScript regular expression source, without slashes. */
  pattern: text('pattern'),
  flags: z.string({ error: 'flags must be a string such as "i" or "ms"' }).default(''),
}).superRefine((spec, ctx) => {
  const compiled = compileRegex(spec.pattern, spec.flags);
  if (compiled.ok) return;
  // The engine names the flags when they are the problem; otherwise the pattern is.
  const path = /flag/i.test(compiled.error) ? 'flags' : 'pattern';
  ctx.addIssue({ code: 'custom', path: [path], message: compiled.error });
});

/**
 * Regex matchers compile once per distinct pattern (see regex-cache). A catastrophic pattern
 * can still take long on a long output: JavaScript offers no regex time limit.
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
    const { regex } = compiled;
    // The RegExp is shared between cases: g and y flags keep state in lastIndex.
    regex.lastIndex = 0;
    const match = regex.exec(subject.text);
    regex.lastIndex = 0;
    const shown = `/${spec.pattern}/${spec.flags}`;
    return match
      ? verdict(true, `output matches ${shown} at ${quote(match[0], 40)}`)
      : verdict(false, `output does not match ${shown}`);
  },
});
