import { binarySchema, defineMatcher, text, verdict } from '../core/definition';
import { z } from 'zod';
import { quote, renderValue } from '../core/reason-format';

const schema = binarySchema('starts-with', {
  value: text('value'),
  /** Ignore whitespace before the output's first character (models often start with a newline). */
  trimStart: z.boolean().default(false),
  ignoreCase: z.boolean().default(false),
});

export const startsWithMatcher = defineMatcher({
  type: 'starts-with',
  description: 'The output starts with the given text.',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const prefix = renderValue(spec.value, subject.vars);
    let output = spec.trimStart ? subject.text.trimStart() : subject.text;
    let wanted = prefix;
    if (spec.ignoreCase) {
      output = output.toLowerCase();
      wanted = wanted.toLowerCase();
    }
    if (output.startsWith(wanted)) return verdict(true, `output starts with ${quote(prefix)}`);
    const hint =
      !spec.trimStart && subject.text.trimStart().startsWith(prefix)
        ? ' (it does after leading whitespace; set trimStart)'
        : '';
    return verdict(
      false,
      `output starts with ${quote(subject.text.slice(0, Math.max(prefix.length, 10)), 40)}, not ${quote(prefix)}${hint}`,
    );
  },
});
