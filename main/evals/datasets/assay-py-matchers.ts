import { z } from 'zod';
import { getMatcherDefinition, MATCHER_ALIASES, MATCHER_TYPES } from '../matchers/registry';
import {
  caseSensitive,
  didYouMean,
  fieldsRule,
  isMap,
  normalizeRules,
  renamed,
  same,
  scaleRule,
  type OptionRule,
} from './assay-py-options';
import type { PathSegment } from './problems';

/**
 * The matcher dialect of assay-py files (the YAML of Assay's Python version) and its mapping to
 * Assay's matchers, both ways. One table: the importer reads through it, the exporter writes
 * through it, so what one writes the other reads back to the same matcher.
 *
 * | file type        | Assay type       | options (file → Assay)                                   |
 * |------------------|------------------|----------------------------------------------------------|
 * | `exact`          | `exact`          | value; case_sensitive → ignoreCase (negated); strip → trim |
 * | `contains`       | `contains`       | value, values, mode; case_sensitive → ignoreCase           |
 * | `regex`          | `regex`          | pattern, flags                                            |
 * | `json_structure` | `json-structure` | required_keys → required; schema                          |
 * | `field_accuracy` | `field-accuracy` | fields (list of names, or name → options); expected;      |
 * |                  |                  | case_sensitive, strip, collapse_whitespace,               |
 * |                  |                  | numeric_tolerance → normalize.* (per field: the same)     |
 * | `llm_judge`      | `llm-judge`      | criteria (or rubric) → rubric; scale (see assay-py-options) |
 *
 * Every type also takes `weight` and `threshold`, with Assay's meaning. Case-sensitive is the
 * default everywhere, as in the Python version, so an absent `case_sensitive` stays absent.
 * llm_judge names no judge: the run's default judge (`judge_model:` / `--judge-model`) grades.
 *
 * A matcher written in Assay's own spelling (`levenshtein`, `not-contains`, `{type: contains,
 * ignoreCase: true}`) is read as it is: that is how an export writes a matcher the dialect has
 * no word for (an `llm-judge` with its own model, a `not`, a workbench-only type).
 */

interface TypeRule {
  readonly file: string;
  readonly assay: string;
  readonly options: readonly OptionRule[];
}

const COMMON = [same('weight'), same('threshold')];

const TYPES: readonly TypeRule[] = [
  {
    file: 'exact',
    assay: 'exact',
    options: [same('value'), caseSensitive(['ignoreCase']), renamed('strip', ['trim']), ...COMMON],
  },
  {
    file: 'contains',
    assay: 'contains',
    options: [
      same('value'),
      same('values'),
      same('mode'),
      caseSensitive(['ignoreCase']),
      ...COMMON,
    ],
  },
  { file: 'regex', assay: 'regex', options: [same('pattern'), same('flags'), ...COMMON] },
  {
    file: 'json_structure',
    assay: 'json-structure',
    options: [renamed('required_keys', ['required']), same('schema'), ...COMMON],
  },
  {
    file: 'field_accuracy',
    assay: 'field-accuracy',
    options: [fieldsRule, same('expected'), ...normalizeRules(['normalize']), ...COMMON],
  },
  {
    file: 'llm_judge',
    assay: 'llm-judge',
    options: [
      renamed('criteria', ['rubric']),
      renamed('rubric', ['rubric'], true),
      scaleRule,
      ...COMMON,
    ],
  },
];

/** Assay options that hold a group of file options (field_accuracy's `normalize`). */
const GROUPS = new Set(['normalize']);

const BY_FILE = new Map(TYPES.map((t) => [t.file, t]));
/** Per type, its options by their file name (built once: every case of an import reads them). */
const OPTIONS = new Map(TYPES.map((t) => [t, new Map(t.options.map((o) => [o.file, o]))]));
const BY_ASSAY = new Map(TYPES.map((t) => [t.assay, t]));
export const ASSAY_PY_TYPES: readonly string[] = TYPES.map((t) => t.file);

const identity = (path: readonly PathSegment[]): PathSegment[] => [...path];

export interface MatcherProblem {
  /** Relative to the matcher, in the file's terms. */
  readonly at: readonly PathSegment[];
  readonly message: string;
}

export type ReadMatcher =
  | {
      readonly ok: true;
      readonly matcher: Record<string, unknown>;
      /** A path inside the Assay matcher → the same spot as the file wrote it. */
      readonly spell: (assayPath: readonly PathSegment[]) => PathSegment[];
    }
  | { readonly ok: false; readonly problems: MatcherProblem[] };

const fieldsByType = new Map<string, Set<string> | undefined>();

/**
 * The fields Assay's schema of a type accepts (every matcher schema is a zod object). Cached:
 * detection asks for every matcher of a file that may hold 100,000 cases.
 */
function assayFields(type: string): Set<string> | undefined {
  if (!fieldsByType.has(type)) {
    const schema = getMatcherDefinition(type)?.schema;
    fieldsByType.set(
      type,
      schema instanceof z.ZodObject ? new Set(Object.keys(schema.shape)) : undefined,
    );
  }
  return fieldsByType.get(type);
}

/**
 * Whether a matcher is spelled the dialect's way and not Assay's: a snake_case type or option
 * (Assay has none), or an option only the dialect has (`strip` of exact).
 */
export function isDialectMatcher(raw: unknown): boolean {
  if (!isMap(raw) || typeof raw.type !== 'string') return false;
  const keys = Object.keys(raw);
  if (raw.type.includes('_') || keys.some((k) => k.includes('_'))) return true;
  const rule = BY_FILE.get(raw.type);
  const assay = assayFields(raw.type);
  if (!rule || !assay) return false;
  return keys.some((k) => !assay.has(k) && rule.options.some((o) => o.file === k));
}

function isAssayType(type: string): boolean {
  const name = type.startsWith('not-') ? type.slice(4) : type;
  return getMatcherDefinition(name) !== undefined || getMatcherDefinition(type) !== undefined;
}

function unknownType(type: string): MatcherProblem {
  const known = [...ASSAY_PY_TYPES, ...MATCHER_TYPES, ...Object.keys(MATCHER_ALIASES)];
  return {
    at: ['type'],
    message: `unknown matcher type "${type}";${didYouMean(type, known)} assay-py types: ${ASSAY_PY_TYPES.join(', ')} (Assay's own types are read too)`,
  };
}

function unknownOption(rule: TypeRule, key: string): MatcherProblem {
  const names = rule.options.map((o) => o.file);
  // Assay's spelling of an option the file spells its own way: name the file's spelling.
  const assayTwin = rule.options.find((o) => o.assay[o.assay.length - 1] === key && o.file !== key);
  const hint = assayTwin
    ? ` "${key}" is Assay's spelling; this file's is "${assayTwin.file}".`
    : didYouMean(key, names);
  return {
    at: [key],
    message: `unknown option "${key}" for ${rule.file};${hint} options: ${names.join(', ')}`,
  };
}

function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    target[head!] = value;
    return;
  }
  const inner = isMap(target[head!]) ? (target[head!] as Record<string, unknown>) : {};
  target[head!] = inner;
  setIn(inner, rest, value);
}

/** Reads one matcher as the file wrote it. Problems name the option as written. */
export function readMatcher(raw: unknown): ReadMatcher {
  const fail = (...problems: MatcherProblem[]): ReadMatcher => ({ ok: false, problems });
  if (!isMap(raw))
    return fail({ at: [], message: 'a matcher is a mapping with a type, such as { type: exact }' });
  const type = raw.type;
  if (typeof type !== 'string' || type === '')
    return fail({
      at: ['type'],
      message: `type is required; assay-py types: ${ASSAY_PY_TYPES.join(', ')}`,
    });
  const rule = BY_FILE.get(type);
  if (!rule)
    return isAssayType(type)
      ? { ok: true, matcher: raw, spell: identity }
      : fail(unknownType(type));
  const keys = Object.keys(raw).filter((k) => k !== 'type');
  const byFile = OPTIONS.get(rule)!;
  const unknown = keys.filter((k) => !byFile.has(k));
  if (unknown.length > 0) {
    // Every option in Assay's own spelling of the same type: Assay's matcher, as it is.
    const assay = rule.assay === type ? assayFields(type) : undefined;
    if (assay && keys.every((k) => assay.has(k)))
      return { ok: true, matcher: raw, spell: identity };
    return fail(...unknown.map((k) => unknownOption(rule, k)));
  }
  const matcher: Record<string, unknown> = { type: rule.assay };
  const spelled = new Map<
    string,
    { file: string; below?: (p: readonly PathSegment[]) => PathSegment[] }
  >();
  const problems: MatcherProblem[] = [];
  for (const key of keys) {
    const option = byFile.get(key)!;
    const target = option.assay.join('.');
    const twin = spelled.get(target);
    if (twin) {
      problems.push({ at: [key], message: `give ${twin.file} or ${key}, not both` });
      continue;
    }
    const read = option.read(raw[key]);
    if (!read.ok) {
      problems.push({ at: [key, ...read.at], message: read.message });
      continue;
    }
    setIn(matcher, option.assay, read.value);
    spelled.set(target, { file: key, ...(read.spell ? { below: read.spell } : {}) });
  }
  if (problems.length > 0) return fail(...problems);
  // Longest Assay path first: `normalize.ignoreCase` before a bare `normalize`.
  const spell = (path: readonly PathSegment[]): PathSegment[] => {
    for (let n = Math.min(path.length, 2); n >= 1; n--) {
      const hit = spelled.get(path.slice(0, n).join('.'));
      if (hit) return [hit.file, ...(hit.below ?? identity)(path.slice(n))];
    }
    return [...path];
  };
  return { ok: true, matcher, spell };
}

export type WriteMatcher =
  | { readonly ok: true; readonly matcher: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string };

/** Assay's matcher in the file's spelling, or why the dialect cannot say it. */
export function writeMatcher(matcher: unknown): WriteMatcher {
  if (!isMap(matcher) || typeof matcher.type !== 'string')
    return { ok: false, reason: 'not a matcher' };
  const rule = BY_ASSAY.get(matcher.type);
  if (!rule) return { ok: false, reason: `${matcher.type} has no assay-py type` };
  const out: Record<string, unknown> = { type: rule.file };
  const writable = rule.options.filter((o) => !o.readOnly);
  for (const [key, value] of Object.entries(matcher)) {
    if (key === 'type') continue;
    const entries: [string[], unknown][] =
      GROUPS.has(key) && isMap(value)
        ? Object.entries(value).map(([k, v]) => [[key, k], v])
        : [[[key], value]];
    for (const [path, v] of entries) {
      const option = writable.find((o) => o.assay.join('.') === path.join('.'));
      const written = option?.write(v);
      if (option === undefined || written === undefined)
        return {
          ok: false,
          reason: `${matcher.type} option ${path.join('.')} has no assay-py spelling`,
        };
      out[option.file] = written;
    }
  }
  return { ok: true, matcher: out };
}
