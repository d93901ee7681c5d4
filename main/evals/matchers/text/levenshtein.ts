import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import {
  cannotJudge,
  defineMatcher,
  expectedText,
  gradedSchema,
  NO_EXPECTED,
} from '../core/definition';
import { formatScore, quote, renderValue } from '../core/reason-format';

const schema = gradedSchema('levenshtein', {
  /** Expected text. Absent: the case's expected output. */
  value: z.string({ error: 'value must be a string' }).optional(),
  /**
   * Pass when the edit distance is at most this many characters (promptfoo's threshold).
   * Without it, `threshold` is a minimum normalized similarity, 1 − distance / longer length.
   */
  maxDistance: z
    .number()
    .int({ error: 'maxDistance must be a whole number of edits' })
    .min(0, { error: 'maxDistance must be 0 or more' })
    .optional(),
  ignoreCase: z.boolean().default(false),
  trim: z.boolean().default(false),
}).superRefine((spec, ctx) => {
  if (spec.maxDistance !== undefined && spec.threshold !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxDistance'],
      message: 'give either maxDistance (edits) or threshold (similarity 0..1), not both',
    });
  }
});

/**
 * Edit distance. The score is always the normalized similarity, so results stay comparable
 * across cases of different lengths; `maxDistance` only changes what passes.
 */
export const levenshteinMatcher = defineMatcher({
  type: 'levenshtein',
  description:
    'Edit distance to the expected text: at most maxDistance edits, or similarity ≥ threshold (default 0.8).',
  binary: false,
  defaultThreshold: 0.8,
  schema,
  async evaluate(spec, subject) {
    const raw = expectedText(spec.value, subject);
    if (raw === undefined) return cannotJudge(NO_EXPECTED);
    const expected = renderValue(raw, subject.vars);
    const norm = (s: string) => {
      const t = spec.trim ? s.trim() : s;
      return spec.ignoreCase ? t.toLowerCase() : t;
    };
    const a = norm(subject.text);
    const e = norm(expected);
    const d = distance(a, e);
    const longer = Math.max(a.length, e.length);
    const similarity = longer === 0 ? 1 : 1 - d / longer;
    const facts = `edit distance ${d} from ${quote(expected)} (similarity ${formatScore(similarity)})`;
    const details = { distance: d, similarity };
    if (spec.maxDistance === undefined) return { score: similarity, reason: facts, details };
    const pass = d <= spec.maxDistance;
    return {
      pass,
      score: similarity,
      reason: `${facts}, ${pass ? 'within' : 'over'} the maximum of ${spec.maxDistance}`,
      details,
    };
  },
});
