import { z } from 'zod';
import { binarySchema, cannotJudge, defineMatcher, verdict } from '../core/definition';
import { compileSchema, summarizeSchemaErrors } from './json-schema';
import { subjectJson } from './json-subject';
import { checkSchema, uncheckedReason } from './schema-check';

/** A JSON Schema is an object or a boolean; its validity is checked by ajv at parse time. */
export const jsonSchemaField = z
  .union([z.record(z.string(), z.unknown()), z.boolean()], {
    error: 'schema must be a JSON Schema (an object or a boolean)',
  })
  .superRefine((schema, ctx) => {
    const compiled = compileSchema(schema);
    if (!compiled.ok)
      ctx.addIssue({ code: 'custom', message: `invalid JSON Schema: ${compiled.error}` });
  });

const schema = binarySchema('is-json', {
  /** Optional JSON Schema the parsed output must satisfy. */
  schema: jsonSchemaField.optional(),
  /**
   * Find JSON anywhere in the reply (a fenced block, or {...} inside prose) instead of requiring
   * the whole reply to be JSON. promptfoo's contains-json.
   */
  extract: z.boolean().default(false),
});

export const isJsonMatcher = defineMatcher({
  type: 'is-json',
  aliases: { 'contains-json': { extract: true } },
  description: 'The output is valid JSON, optionally matching a JSON Schema.',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const json = subjectJson(subject, !spec.extract);
    if (!json.ok) return verdict(false, json.reason);
    if (spec.schema === undefined) return verdict(true, 'output is valid JSON');
    const compiled = compileSchema(spec.schema);
    if (!compiled.ok) throw new Error(`invalid JSON Schema: ${compiled.error}`);
    const check = await checkSchema(compiled, spec.schema, json.value);
    if (check.status !== 'done') return cannotJudge(uncheckedReason(check));
    const errors = check.value;
    if (errors.length === 0) return verdict(true, 'output is valid JSON and matches the schema');
    return verdict(
      false,
      `output is JSON but does not match the schema: ${summarizeSchemaErrors(errors)}`,
      { errors },
    );
  },
});
