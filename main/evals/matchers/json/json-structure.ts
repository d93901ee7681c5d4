import { z } from 'zod';
import { cannotJudge, defineMatcher, gradedSchema } from '../core/definition';
import { jsonSchemaField } from './is-json';
import { compileSchema, summarizeSchemaErrors } from './json-schema';
import { getPath, parsePath } from './json-path';
import { subjectJson } from './json-subject';
import { checkSchema, uncheckedReason } from './schema-check';
import { listSome } from '../core/reason-format';

const schema = gradedSchema('json-structure', {
  /** Dotted paths that must exist (`customer.name`, `items[0].sku`); null values count as present. */
  required: z
    .array(z.string({ error: 'each required key must be a string' }), {
      error: 'required must be a list of dotted paths',
    })
    .min(1, { error: 'required must list at least one key' })
    .optional(),
  /** Alternatively, a JSON Schema the output must satisfy. */
  schema: jsonSchemaField.optional(),
}).superRefine((spec, ctx) => {
  if ((spec.required === undefined) === (spec.schema === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['required'],
      message:
        'give either required (a list of dotted paths) or schema (a JSON Schema), not both or neither',
    });
  }
  spec.required?.forEach((path, i) => {
    const parsed = parsePath(path);
    if (typeof parsed === 'string')
      ctx.addIssue({ code: 'custom', path: ['required', i], message: parsed });
  });
});

/**
 * Structure of JSON output. With `required`, the score is the share of keys present, so a
 * threshold below 1 tolerates a missing optional-ish field; with `schema`, it is 1 or 0 and the
 * reason lists the schema errors.
 */
export const jsonStructureMatcher = defineMatcher({
  type: 'json-structure',
  description: 'The JSON output has the required keys (dotted paths) or matches a JSON Schema.',
  binary: false,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const json = subjectJson(subject);
    if (!json.ok) return { score: 0, reason: json.reason };
    if (spec.schema !== undefined) {
      const compiled = compileSchema(spec.schema);
      if (!compiled.ok) throw new Error(`invalid JSON Schema: ${compiled.error}`);
      const check = await checkSchema(compiled, spec.schema, json.value);
      if (check.status !== 'done') return cannotJudge(uncheckedReason(check));
      const errors = check.value;
      if (errors.length === 0) return { score: 1, reason: 'output matches the schema' };
      return {
        score: 0,
        reason: `output does not match the schema: ${summarizeSchemaErrors(errors)}`,
        details: { errors },
      };
    }
    const required = spec.required ?? [];
    const missing = required.filter((path) => {
      const segments = parsePath(path);
      return typeof segments === 'string' || getPath(json.value, segments) === undefined;
    });
    const present = required.length - missing.length;
    const reason =
      missing.length === 0
        ? `all ${required.length} required keys present`
        : `${present} of ${required.length} required keys present; missing ${listSome(missing)}`;
    return { score: present / required.length, reason, details: { missing } };
  },
});
