import { closest, distance } from 'fastest-levenshtein';
import type { PathSegment } from './problems';

/**
 * Option rules of the assay-py matcher dialect (see assay-py-matchers.ts for the table that
 * uses them): each says where an option written in the file goes in Assay's matcher and how its
 * value converts, both ways. A rule is a bijection on the values it accepts, so a file reads
 * back to the same matcher it was written from.
 */

type Raw = Record<string, unknown>;
export const isMap = (v: unknown): v is Raw =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A refusal names the offending spot relative to the option (`[]`: the option itself). */
export type ReadOutcome =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Assay path below the option → the file's path below it (field names, option names). */
      readonly spell?: (below: readonly PathSegment[]) => PathSegment[];
    }
  | { readonly ok: false; readonly at: readonly PathSegment[]; readonly message: string };

export interface OptionRule {
  /** The option's name in the file. */
  readonly file: string;
  /** Where it goes in Assay's matcher (`['normalize', 'ignoreCase']`). */
  readonly assay: readonly string[];
  readonly read: (value: unknown) => ReadOutcome;
  /** Assay value → file value; undefined when the file has no way to say it. */
  readonly write: (value: unknown) => unknown;
  /** Read, never written: another rule writes the same Assay option (`rubric` → `criteria`). */
  readonly readOnly?: boolean;
}

const ok = (value: unknown): ReadOutcome => ({ ok: true, value });
const refuse = (message: string, at: readonly PathSegment[] = []): ReadOutcome => ({
  ok: false,
  at,
  message,
});

/** `"did you mean …?"` when a known name is close enough to be the intended one. */
export function didYouMean(word: string, known: readonly string[]): string {
  const near = known.length === 0 ? undefined : closest(word, [...known]);
  if (near === undefined || distance(word, near) > Math.max(2, Math.floor(word.length / 3)))
    return '';
  return ` did you mean "${near}"?`;
}

/** Same name, same value: Assay's meaning of the option is the file's. */
export function same(name: string): OptionRule {
  return { file: name, assay: [name], read: ok, write: (v) => v };
}

export function renamed(file: string, assay: readonly string[], readOnly = false): OptionRule {
  return { file, assay, read: ok, write: (v) => v, ...(readOnly ? { readOnly } : {}) };
}

/** `case_sensitive: false` ↔ `ignoreCase: true`. Absent stays absent (both default to exact case). */
export function caseSensitive(assay: readonly string[]): OptionRule {
  return {
    file: 'case_sensitive',
    assay,
    read: (v) => (typeof v === 'boolean' ? ok(!v) : refuse('case_sensitive must be true or false')),
    write: (v) => (typeof v === 'boolean' ? !v : undefined),
  };
}

/** Text normalizations of field_accuracy, per field or for every field. */
export function normalizeRules(prefix: readonly string[]): OptionRule[] {
  return [
    caseSensitive([...prefix, 'ignoreCase']),
    renamed('strip', [...prefix, 'trim']),
    renamed('collapse_whitespace', [...prefix, 'collapseWhitespace']),
    renamed('numeric_tolerance', [...prefix, 'numberTolerance']),
  ];
}

const FIELD_RULES = normalizeRules([]);
const FIELD_OPTIONS = FIELD_RULES.map((r) => r.file);
const fieldRuleByFile = new Map(FIELD_RULES.map((r) => [r.file, r]));
const fieldRuleByAssay = new Map(FIELD_RULES.map((r) => [r.assay[0]!, r]));

/** One field of the mapping form: `total: { numeric_tolerance: 0.01 }` → `{path, numberTolerance}`. */
function readField(name: string, options: unknown): ReadOutcome {
  if (options === null || (isMap(options) && Object.keys(options).length === 0)) return ok(name);
  if (!isMap(options))
    return refuse(
      `the options of field "${name}" must be a mapping (${FIELD_OPTIONS.join(', ')})`,
      [name],
    );
  const field: Raw = { path: name };
  for (const [key, value] of Object.entries(options)) {
    const rule = fieldRuleByFile.get(key);
    if (!rule)
      return refuse(
        `unknown field option "${key}";${didYouMean(key, FIELD_OPTIONS)} options: ${FIELD_OPTIONS.join(', ')}`,
        [name, key],
      );
    const read = rule.read(value);
    if (!read.ok) return refuse(read.message, [name, key, ...read.at]);
    field[rule.assay[0]!] = read.value;
  }
  return ok(field);
}

/**
 * `fields`: a list of field names (`[order_id, total]`), or a mapping of name → normalization
 * (`{order_id: , total: {numeric_tolerance: 0.01}}`); both become Assay's list of dotted paths,
 * a field with options becoming `{path, …options}`.
 */
export const fieldsRule: OptionRule = {
  file: 'fields',
  assay: ['fields'],
  read(value) {
    if (Array.isArray(value)) {
      const bad = value.findIndex((f) => typeof f !== 'string');
      if (bad !== -1)
        return refuse(
          'each field is a name; give per-field options in the mapping form (fields: { total: { numeric_tolerance: 0.01 } })',
          [bad],
        );
      return ok([...value]);
    }
    if (!isMap(value))
      return refuse('fields must be a list of field names, or a mapping of name → options');
    const names = Object.keys(value);
    const fields: unknown[] = [];
    for (const name of names) {
      const field = readField(name, value[name]);
      if (!field.ok) return field;
      fields.push(field.value);
    }
    // Assay's `fields[i].numberTolerance` is the file's `fields.<name>.numeric_tolerance`.
    const spell = ([i, key, ...rest]: readonly PathSegment[]): PathSegment[] => {
      const name = typeof i === 'number' ? names[i] : undefined;
      if (name === undefined) return [];
      if (key === undefined || key === 'path') return [name];
      return [name, fieldRuleByAssay.get(String(key))?.file ?? key, ...rest];
    };
    return { ok: true, value: fields, spell };
  },
  write(value) {
    if (!Array.isArray(value)) return undefined;
    if (value.every((f) => typeof f === 'string')) return [...value];
    const out = new Map<string, Raw | null>();
    for (const f of value) {
      const path = typeof f === 'string' ? f : isMap(f) ? f.path : undefined;
      // A mapping holds each name once: a list naming a field twice has no mapping form.
      if (typeof path !== 'string' || out.has(path)) return undefined;
      const options: Raw = {};
      for (const [key, v] of Object.entries(isMap(f) ? f : {})) {
        if (key === 'path') continue;
        const rule = fieldRuleByAssay.get(key);
        const written = rule?.write(v);
        if (rule === undefined || written === undefined) return undefined;
        options[rule.file] = written;
      }
      out.set(path, Object.keys(options).length === 0 ? null : options);
    }
    return Object.fromEntries(out);
  },
};

/** Most grades a range may expand to (0-100 is the widest scale anyone grades on). */
export const MAX_RANGE_LEVELS = 101;

const SCALE_SPELLINGS =
  'scale must be pass_fail, a top grade N (grades 1 to N), a range such as 1-5 or [1, 5], or a list of three or more grades';

function range(lo: number, hi: number): ReadOutcome {
  if (!Number.isInteger(lo) || !Number.isInteger(hi))
    return refuse('a scale range runs between whole numbers, such as [1, 5]');
  const [low, high] = lo <= hi ? [lo, hi] : [hi, lo];
  if (low === high) return refuse('a scale range needs two different grades');
  if (high - low + 1 > MAX_RANGE_LEVELS)
    return refuse(`a scale range has at most ${MAX_RANGE_LEVELS} grades (such as 0-100)`);
  return ok(Array.from({ length: high - low + 1 }, (_, i) => low + i));
}

/**
 * `scale` of llm_judge: `pass_fail` (Assay's `pass-fail`, the default), `5` (grades 1 to 5),
 * `1-5` or `[1, 5]` (a range of whole grades), or an explicit list of three or more grades
 * (`[100, 65, 35, 0]`, or `{grade, description}` entries) taken as Assay's levels. Exactly two
 * plain numbers are a range, so a two-level scale is written `[{grade: 0}, {grade: 100}]`.
 */
export const scaleRule: OptionRule = {
  file: 'scale',
  assay: ['scale'],
  read(value) {
    if (value === 'pass_fail' || value === 'pass-fail') return ok('pass-fail');
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < 2 || value > MAX_RANGE_LEVELS - 1)
        return refuse(
          `scale ${value}: a top grade is a whole number from 2 to ${MAX_RANGE_LEVELS - 1}`,
        );
      return range(1, value);
    }
    if (typeof value === 'string') {
      const m = /^\s*(-?\d+)\s*(?:-|\.\.|to)\s*(-?\d+)\s*$/.exec(value);
      return m ? range(Number(m[1]), Number(m[2])) : refuse(SCALE_SPELLINGS);
    }
    if (Array.isArray(value)) {
      if (value.length === 2 && value.every((v) => typeof v === 'number'))
        return range(value[0] as number, value[1] as number);
      // Explicit levels: Assay's scale validation checks them, at their own index.
      return ok(value);
    }
    return refuse(SCALE_SPELLINGS);
  },
  write(value) {
    if (value === 'pass-fail') return 'pass_fail';
    if (!Array.isArray(value)) return undefined;
    const plain = value.every((v) => typeof v === 'number');
    const consecutive =
      plain &&
      value.length >= 2 &&
      value.length <= MAX_RANGE_LEVELS &&
      Number.isInteger(value[0]) &&
      value.every((v, i) => v === (value[0] as number) + i);
    if (consecutive) {
      const [lo, hi] = [value[0] as number, value[value.length - 1] as number];
      return lo === 1 && hi <= MAX_RANGE_LEVELS - 1 ? hi : [lo, hi];
    }
    // Two plain numbers would read back as a range: write them as levels.
    if (plain && value.length === 2) return value.map((grade: unknown) => ({ grade }));
    return [...value];
  },
};
