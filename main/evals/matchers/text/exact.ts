import { z } from 'zod';
import {
  binarySchema,
  cannotJudge,
  defineMatcher,
  expectedText,
  NO_EXPECTED,
  verdict,
} from '../core/definition';
import { firstDifference, quote, renderValue } from '../core/reason-format';

const schema = binarySchema('exact', {
  /** Expected text; `{{var}}` is filled from the case. Absent: the case's expected output. */
  value: z.string({ error: 'value must be a string' }).optional(),
  /** Ignore leading and trailing whitespace on both sides. */
  trim: z.boolean().default(false),
  ignoreCase: z.boolean().default(false),
});

function normalize(text: string, trim: boolean, ignoreCase: boolean): string {
  const trimmed = trim ? text.trim() : text;
  return ignoreCase ? trimmed.toLowerCase() : trimmed;
}

/** Names the option that would forgive the difference, when one would. */
function hint(actual: string, expected: string, trim: boolean, ignoreCase: boolean): string {
  const equalWith = (t: boolean, c: boolean) =>
    normalize(actual, t, c) === normalize(expected, t, c);
  if (!trim && equalWith(true, ignoreCase))
    return ' (only surrounding whitespace differs; set trim)';
  if (!ignoreCase && equalWith(trim, true)) return ' (only letter case differs; set ignoreCase)';
  if (!trim && !ignoreCase && equalWith(true, true)) {
    return ' (only whitespace and letter case differ; set trim and ignoreCase)';
  }
  return '';
}

export const exactMatcher = defineMatcher({
  type: 'exact',
  aliases: { equals: {} },
  description: 'The output equals the expected text.',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const raw = expectedText(spec.value, subject);
    if (raw === undefined) return cannotJudge(NO_EXPECTED);
    const expected = renderValue(raw, subject.vars);
    const a = normalize(subject.text, spec.trim, spec.ignoreCase);
    const e = normalize(expected, spec.trim, spec.ignoreCase);
    if (a === e) return verdict(true, `output equals ${quote(expected)}`);
    const at = firstDifference(a, e);
    const where = `first difference at character ${at}: got ${quote(a.slice(at, at + 20), 20)}, expected ${quote(e.slice(at, at + 20), 20)}`;
    return verdict(
      false,
      `output ${quote(subject.text)} does not equal ${quote(expected)}; ${where}${hint(subject.text, expected, spec.trim, spec.ignoreCase)}`,
    );
  },
});
