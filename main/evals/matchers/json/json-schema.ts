import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { LruCache, memo } from '../core/cache';
import { runsInLinearTime } from '../text/regex-cache';
import { dropUnicode } from '../text/regex-rewrite';
import { listSome } from '../core/reason-format';

/**
 * JSON Schema validation with compiled validators cached by schema text (ajv caches by object
 * identity, and every test case carries its own copy of the schema). Strict mode stays on: an
 * unknown keyword such as `requried` is almost always a typo that would silently accept anything.
 */
export type CompiledSchema =
  | {
      readonly ok: true;
      readonly validate: ValidateFunction;
      /**
       * A `pattern` (or `patternProperties` key) in the schema may backtrack without bound:
       * validate it off the main thread, under a time limit (schema-check.ts).
       */
      readonly unbounded: boolean;
    }
  | { readonly ok: false; readonly error: string };

/** Set while ajv compiles one schema, to learn whether any of its patterns is unbounded. */
let compiling: { unbounded: boolean } | null = null;

/**
 * How ajv builds the RegExp of a schema's `pattern`. ajv adds the `u` flag, which V8's
 * linear-time engine refuses (so nothing bounds a catastrophic pattern); where dropping it is
 * exact (text/regex-rewrite.ts) and the result runs in linear time, that is what validates.
 */
const regExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    const plain = flags === 'u' ? dropUnicode(pattern) : flags === '' ? pattern : null;
    if (plain !== null && runsInLinearTime(plain, '')) return new RegExp(plain);
    if (compiling) compiling.unbounded = true;
    return new RegExp(pattern, flags);
  },
  // Read only by ajv's standalone code generation, which this project does not use.
  { code: 'new RegExp' },
);

type AjvLike = Pick<Ajv, 'compile'>;

function configure(ajv: Ajv): AjvLike {
  addFormats(ajv);
  return ajv;
}

// Unknown keywords and bad numbers are errors; the stricter checks are off because they reject
// ordinary schemas (`required` without `properties`), and their default is to log to the console.
// addUsedSchema off: ajv would otherwise register each compiled schema under its $id in this
// process-wide instance, and refuse another dataset's different schema with the same $id
// ("already exists") until a restart. A schema's references to its own $id still resolve.
const OPTIONS = {
  addUsedSchema: false,
  code: { regExp },
  allErrors: true,
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  logger: false,
} satisfies Options;

let draft7: AjvLike | undefined;
let draft2019: AjvLike | undefined;
let draft2020: AjvLike | undefined;

/** The ajv for the schema's declared draft; draft-07 when it declares none (the common case). */
function ajvFor(schema: unknown): AjvLike {
  const declared =
    schema !== null && typeof schema === 'object' && '$schema' in schema
      ? String((schema as { $schema: unknown }).$schema)
      : '';
  if (declared.includes('2020-12')) return (draft2020 ??= configure(new Ajv2020(OPTIONS)));
  if (declared.includes('2019-09')) return (draft2019 ??= configure(new Ajv2019(OPTIONS)));
  return (draft7 ??= configure(new Ajv(OPTIONS)));
}

const byText = new LruCache<string, CompiledSchema>(256);
const byObject = new WeakMap<object, CompiledSchema>();

export function compileSchema(schema: unknown): CompiledSchema {
  if (schema !== null && typeof schema === 'object') {
    const hit = byObject.get(schema);
    if (hit) return hit;
  }
  const compiled = memo(byText, JSON.stringify(schema), (): CompiledSchema => {
    compiling = { unbounded: false };
    try {
      const validate = ajvFor(schema).compile(schema as object);
      return { ok: true, validate, unbounded: compiling.unbounded };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    } finally {
      compiling = null;
    }
  });
  if (schema !== null && typeof schema === 'object') byObject.set(schema, compiled);
  return compiled;
}

/** `/address/zip must be string` style lines, one per error. */
export function formatSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}

export function summarizeSchemaErrors(lines: readonly string[]): string {
  const n = lines.length;
  return `${n} schema error${n === 1 ? '' : 's'}: ${listSome(lines, 3)}`;
}
