import { z } from 'zod';
import { cannotJudge, defineMatcher, gradedSchema, text } from '../core/definition';
import { compareField, normalizeOptionsSchema, type FieldResult } from './field-compare';
import { getPath, parsePath } from './json-path';
import { subjectJson } from './json-subject';
import { listSome, show } from '../core/reason-format';

/** A field is a dotted path, or {path, …normalization}; both read as the object form. */
const fieldSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { path: v } : v),
  z.strictObject(
    { ...normalizeOptionsSchema.shape, path: text('path') },
    {
      error:
        'each field must be a dotted path or {path, trim?, ignoreCase?, collapseWhitespace?, numberTolerance?}',
    },
  ),
);

const schema = gradedSchema('field-accuracy', {
  /** The expected object. Absent: the case's expected output (which must then be an object). */
  expected: z.record(z.string(), z.json(), { error: 'expected must be a JSON object' }).optional(),
  /** Fields to compare, as dotted paths, each optionally with its own normalization. Default: every key of expected. */
  fields: z
    .array(fieldSchema, { error: 'fields must be a list' })
    .min(1, { error: 'fields must not be empty' })
    .optional(),
  /** Normalization for every field that sets none of its own. */
  normalize: normalizeOptionsSchema.default({}),
}).superRefine((spec, ctx) => {
  spec.fields?.forEach((field, i) => {
    const segments = parsePath(field.path);
    if (typeof segments === 'string') {
      ctx.addIssue({ code: 'custom', path: ['fields', i], message: segments });
    } else if (spec.expected !== undefined && getPath(spec.expected, segments) === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', i],
        message: `field "${field.path}" is not in expected`,
      });
    }
  });
});

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Per-field accuracy for extraction: the score is the share of fields right, and details list
 * every field so a run view can show which fields a prompt gets wrong across the dataset.
 */
export const fieldAccuracyMatcher = defineMatcher({
  type: 'field-accuracy',
  description: 'Fields of the JSON output compared with an expected object; score = share right.',
  binary: false,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const expected = spec.expected ?? subject.expected;
    if (!isObject(expected)) {
      return cannotJudge(
        'no expected object: set expected on the matcher, or give the test case an expected JSON object',
      );
    }
    const json = subjectJson(subject);
    if (!json.ok) return { score: 0, reason: json.reason };
    // Default: every top-level key, addressed directly (a key may itself contain a dot).
    const fields =
      spec.fields?.map((f) => ({
        label: f.path,
        at: parsePath(f.path),
        options: { ...spec.normalize, ...f },
      })) ??
      Object.keys(expected).map((key) => ({ label: key, at: [key], options: spec.normalize }));
    if (fields.length === 0) return cannotJudge('expected object has no fields to compare');
    const results: FieldResult[] = fields.map(({ label, at, options }) =>
      typeof at === 'string'
        ? { field: label, pass: false, note: at }
        : compareField(label, getPath(expected, at), getPath(json.value, at), options),
    );
    const wrong = results.filter((r) => !r.pass);
    const right = results.length - wrong.length;
    const reason =
      wrong.length === 0
        ? `all ${results.length} fields right`
        : `${right} of ${results.length} fields right; wrong: ${listSome(wrong.map((r) => `${r.field} (${r.note ?? `expected ${show(r.expected, 30)}, got ${show(r.actual, 30)}`})`))}`;
    return { score: right / results.length, reason, details: { fields: results } };
  },
});
