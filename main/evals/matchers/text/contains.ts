import { z } from 'zod';
import { defineMatcher, gradedSchema, text } from '../core/definition';
import { listSome, quote, renderValue } from '../core/reason-format';

const schema = gradedSchema('contains', {
  /** One substring to find; `{{var}}` is filled from the case. */
  value: text('value').optional(),
  /** Several substrings; `mode` says whether all or any must appear. */
  values: z
    .array(text('each value'), { error: 'values must be a list of strings' })
    .min(1, { error: 'values must not be empty' })
    .optional(),
  mode: z.enum(['all', 'any'], { error: 'mode must be "all" or "any"' }).default('all'),
  ignoreCase: z.boolean().default(false),
}).superRefine((spec, ctx) => {
  if ((spec.value === undefined) === (spec.values === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: 'give either value (one string) or values (a list), not both or neither',
    });
  }
});

/**
 * Substring checks. With several values the score is the share found (mode all) so a threshold
 * can require "most of these"; mode any scores 1 when at least one appears.
 */
export const containsMatcher = defineMatcher({
  type: 'contains',
  aliases: {
    icontains: { ignoreCase: true },
    'contains-any': { mode: 'any' },
    'contains-all': { mode: 'all' },
    'icontains-any': { mode: 'any', ignoreCase: true },
    'icontains-all': { mode: 'all', ignoreCase: true },
  },
  description: 'The output contains a substring (or all / any of several).',
  binary: false,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const wanted = (spec.values ?? [spec.value ?? '']).map((v) => renderValue(v, subject.vars));
    const haystack = spec.ignoreCase ? subject.text.toLowerCase() : subject.text;
    const found: string[] = [];
    const missing: string[] = [];
    for (const value of wanted) {
      (haystack.includes(spec.ignoreCase ? value.toLowerCase() : value) ? found : missing).push(
        value,
      );
    }
    const details = { found, missing };
    const caseNote = spec.ignoreCase ? ' (ignoring case)' : '';
    if (wanted.length === 1) {
      const ok = found.length === 1;
      return {
        score: ok ? 1 : 0,
        reason: `output ${ok ? 'contains' : 'does not contain'} ${quote(wanted[0] ?? '')}${caseNote}`,
        details,
      };
    }
    if (spec.mode === 'any') {
      const ok = found.length > 0;
      const reason = ok
        ? `output contains ${quote(found[0] ?? '')}${found.length > 1 ? ` and ${found.length - 1} more of the values` : ''}${caseNote}`
        : `output contains none of ${listSome(wanted.map((v) => quote(v, 30)))}${caseNote}`;
      return { score: ok ? 1 : 0, reason, details };
    }
    const reason =
      missing.length === 0
        ? `output contains all ${wanted.length} values${caseNote}`
        : `output contains ${found.length} of ${wanted.length} values; missing ${listSome(missing.map((v) => quote(v, 30)))}${caseNote}`;
    return { score: found.length / wanted.length, reason, details };
  },
});
