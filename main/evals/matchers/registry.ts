import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import { isPlainJson } from '../../../shared/json-value';
import type { MatchResult, MatchSubject, MatcherSpec } from '../types';
import { LruCache, memo } from './core/cache';
import type { CommonFields, MatcherContext, MatcherDefinition } from './core/definition';
import { finishOutcome } from './core/outcome';
import { errorMessage } from './core/reason-format';
import { costMatcher } from './call-metrics/cost';
import { latencyMatcher } from './call-metrics/latency';
import { javascriptMatcher } from './code/javascript';
import { equalsJsonMatcher } from './json/equals-json';
import { fieldAccuracyMatcher } from './json/field-accuracy';
import { isJsonMatcher } from './json/is-json';
import { jsonStructureMatcher } from './json/json-structure';
import { llmJudgeMatcher } from './model-graded/llm-judge';
import { similarityMatcher } from './model-graded/similarity';
import { classificationMatcher } from './text/classification';
import { containsMatcher } from './text/contains';
import { exactMatcher } from './text/exact';
import { levenshteinMatcher } from './text/levenshtein';
import { regexMatcher } from './text/regex';
import { startsWithMatcher } from './text/starts-with';
import { matcherTypeView } from './matcher-types';
import { unmappedMatcher } from './unmapped';
import type { MatcherTypeView } from '../../../shared/contract';

export type { MatcherContext, MatcherDefinition, MatcherOutcome } from './core/definition';

/**
 * The matcher registry: the list of matchers, validation of specs, and running a matcher with
 * the rules every matcher shares (core/outcome.ts). A case's combined score is in
 * core/score-case.ts. This module is the folder's one door: callers outside import from here.
 *
 * Layout, one folder per family of matchers (imported directly, no barrels, so a module loads
 * only what it uses):
 * - text/: exact, contains, starts-with, regex (with its linear-time cache and rewrites),
 *   levenshtein, classification (label equality);
 * - json/: is-json, json-structure, equals-json, field-accuracy, and the JSON Schema, path and
 *   deep-equality helpers they share;
 * - model-graded/: llm-judge (prompt and scale) and similarity (embeddings): they call a model;
 * - code/: javascript scorers in QuickJS;
 * - call-metrics/: cost and latency, which judge the call rather than its output;
 * - workers/: the worker-thread pool and its entry (sandbox-worker.ts, loaded by path and built
 *   as its own entry), running scorers and bounded regex / schema tasks off the calling thread;
 * - core/: the matcher contract, shared outcome and case-score rules, LRU cache, reason text;
 * - here: promptfoo mapping and the `unmapped` stand-in for what it cannot map.
 *
 * Hot path: a run evaluates thousands of cases. Parsed specs are cached per spec object
 * (WeakMap) and per JSON text (LRU), and compiled regexes / JSON Schema validators per source
 * text (LRU, see text/regex-cache.ts and json/json-schema.ts), so nothing is recompiled per
 * case.
 */

/** One line per matcher: adding a matcher is a module plus a line here. */
const DEFINITIONS = [
  exactMatcher,
  containsMatcher,
  startsWithMatcher,
  regexMatcher,
  isJsonMatcher,
  jsonStructureMatcher,
  equalsJsonMatcher,
  fieldAccuracyMatcher,
  levenshteinMatcher,
  similarityMatcher,
  classificationMatcher,
  costMatcher,
  latencyMatcher,
  llmJudgeMatcher,
  javascriptMatcher,
  unmappedMatcher,
] as const;

type SpecOf<D> = D extends MatcherDefinition<infer Spec> ? Spec : never;

/** The canonical matcher type names, as a union of literals. */
export type MatcherType = SpecOf<(typeof DEFINITIONS)[number]>['type'];

/** A spec that passed validation: canonical type, defaults filled in. */
export type ParsedMatcher = MatcherSpec & CommonFields & { readonly type: MatcherType };

export interface MatcherIssue {
  /** Dotted path inside the matcher (`pattern`, `scale.1.grade`); empty for the matcher as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ParseMatcherResult =
  | { readonly ok: true; readonly spec: ParsedMatcher }
  | { readonly ok: false; readonly issues: MatcherIssue[] };

// The list holds definitions of different Spec types; the registry only calls them with a spec
// their own schema produced, so widening to CommonFields is sound.
const BY_TYPE = new Map<string, MatcherDefinition>(
  DEFINITIONS.map((d) => [d.type, d as unknown as MatcherDefinition]),
);

export const MATCHER_TYPES: readonly MatcherType[] = DEFINITIONS.map((d) => d.type);

/** Every type a run can be given to score with (`unmapped` only stands in for imports). */
export function matcherTypeViews(): MatcherTypeView[] {
  return DEFINITIONS.filter((d) => d.type !== 'unmapped').map((d) =>
    matcherTypeView(d as unknown as MatcherDefinition),
  );
}

/** Alias name → canonical type and the fields the alias implies. */
const ALIASES = new Map<string, { type: string; fields: Readonly<Record<string, unknown>> }>(
  DEFINITIONS.flatMap((d) =>
    Object.entries(d.aliases ?? {}).map(
      ([alias, fields]) => [alias, { type: d.type, fields }] as const,
    ),
  ),
);

export const MATCHER_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  [...ALIASES].map(([alias, { type }]) => [alias, type]),
);

export function getMatcherDefinition(type: string): MatcherDefinition | undefined {
  return BY_TYPE.get(type) ?? BY_TYPE.get(ALIASES.get(type)?.type ?? '');
}

/** Whether running this spec calls a model (`not-` prefixed and alias names included). */
export function matcherCallsModel(spec: MatcherSpec): boolean {
  const type = typeof spec?.type === 'string' ? spec.type.replace(/^not-/, '') : '';
  return getMatcherDefinition(type)?.callsModel === true;
}

function unknownTypeMessage(type: string): string {
  const names = [...MATCHER_TYPES, ...ALIASES.keys()];
  const near = closest(type.replace(/^not-/, ''), names);
  const guess = near !== undefined && near !== '' ? `did you mean "${near}"? ` : '';
  return `unknown matcher type "${type}"; ${guess}known types: ${MATCHER_TYPES.join(', ')} (aliases: ${[...ALIASES.keys()].join(', ')})`;
}

function toIssues(issues: readonly z.core.$ZodIssue[], type: string): MatcherIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown field, at the field: that is where an editor shows it.
      const known = Object.keys(shapeOf(type));
      return issue.keys.map((key) => ({
        path: path === '' ? key : `${path}.${key}`,
        message: `unknown field "${key}"${path === '' ? ` for matcher ${type}; known fields: ${known.join(', ')}` : ''}`,
      }));
    }
    return [{ path, message: issue.message }];
  });
}

/** The field names a matcher's schema accepts (for "unknown field" messages). */
function shapeOf(type: string): Record<string, unknown> {
  const schema = BY_TYPE.get(type)?.schema;
  // Every schema is built by binarySchema/gradedSchema (an object, refinements included).
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
}

/**
 * Validates a matcher as written in a suite, dataset or import. Never throws: anything that is
 * not a valid matcher comes back as issues naming the offending field.
 * Accepted spellings: canonical types, aliases (`equals`, `icontains`, `llm-rubric`, …) and a
 * `not-` prefix (`not-contains`), all resolved to the canonical type in the parsed spec.
 */
export function parseMatcherSpec(raw: unknown): ParseMatcherResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [{ path: '', message: 'a matcher must be an object with a type' }],
    };
  }
  const record = raw as Record<string, unknown>;
  if (typeof record.type !== 'string' || record.type === '') {
    return {
      ok: false,
      issues: [
        { path: 'type', message: `type is required; known types: ${MATCHER_TYPES.join(', ')}` },
      ],
    };
  }
  const negated = record.type.startsWith('not-') && !BY_TYPE.has(record.type);
  const name = negated ? record.type.slice(4) : record.type;
  const alias = ALIASES.get(name);
  const definition = BY_TYPE.get(alias?.type ?? name);
  if (definition === undefined)
    return { ok: false, issues: [{ path: 'type', message: unknownTypeMessage(record.type) }] };
  const input = {
    ...record,
    ...alias?.fields,
    type: definition.type,
    ...(negated ? { not: true } : {}),
  };
  try {
    const parsed = definition.schema.safeParse(input);
    if (parsed.success) return { ok: true, spec: parsed.data as ParsedMatcher };
    return { ok: false, issues: toIssues(parsed.error.issues, definition.type) };
  } catch (err) {
    // Refinements compile user regexes and schemas; a bug there must not escape as a throw.
    return {
      ok: false,
      issues: [{ path: '', message: `could not validate matcher: ${errorMessage(err)}` }],
    };
  }
}

const parsedCache = new WeakMap<object, ParseMatcherResult>();
/**
 * Parsed specs by their JSON too: cases read from the store carry their own copies of the same
 * default matchers, which the WeakMap never recognises (5,000 cases × 3 such matchers: 9-10 µs
 * an evaluation, 5-6 µs with this). Only plain JSON is keyed by text: NaN, Infinity,
 * `undefined`, a Date or a Map print like other values (null, nothing, a string, {}) and
 * would share their verdict. Sized for a large suite's distinct specs: an import validates
 * each once (parseMatcherText) and its run finds them here instead of validating 15,000 specs
 * again (about 0.2 s of a 5,000-case run; a few MB held).
 */
const parsedByText = new LruCache<string, ParseMatcherResult>(16_384);

/** parseMatcherSpec of a plain-JSON spec whose JSON text the caller has, cached by that text. */
export function parseMatcherText(text: string, spec: unknown): ParseMatcherResult {
  return memo(parsedByText, text, () => parseMatcherSpec(spec));
}

function parseCached(spec: MatcherSpec): ParseMatcherResult {
  // Callers outside TypeScript may pass anything; only objects can key a WeakMap.
  if (spec === null || typeof spec !== 'object') return parseMatcherSpec(spec);
  const hit = parsedCache.get(spec);
  if (hit) return hit;
  const parsed = isPlainJson(spec)
    ? parseMatcherText(JSON.stringify(spec), spec)
    : parseMatcherSpec(spec);
  parsedCache.set(spec, parsed);
  return parsed;
}

/**
 * Runs one matcher. Never throws: an invalid spec or a crashing matcher becomes an unscored result
 * whose reason names the problem. Specs are validated here too (cached by object and by
 * text), so a spec edited after it was saved cannot reach a matcher unchecked.
 */
export async function runMatcher(
  spec: MatcherSpec,
  subject: MatchSubject,
  ctx: MatcherContext = {},
): Promise<MatchResult> {
  const parsed = parseCached(spec);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    const where = first && first.path !== '' ? `${first.path}: ` : '';
    return {
      pass: false,
      score: 0,
      reason: `invalid ${String(spec?.type)} matcher: ${where}${first?.message ?? 'invalid'}`,
      unscored: true,
      details: { issues: parsed.issues },
    };
  }
  // Parsing only yields registered types; the lookup cannot miss.
  const definition = BY_TYPE.get(parsed.spec.type) as MatcherDefinition;
  try {
    return finishOutcome(
      definition,
      parsed.spec,
      await definition.evaluate(parsed.spec, subject, ctx),
    );
  } catch (err) {
    return {
      pass: false,
      score: 0,
      reason: `${definition.type} matcher failed: ${errorMessage(err)}`,
      unscored: true,
    };
  }
}

export { fromPromptfooAssert, PROMPTFOO_TYPES } from './promptfoo';
// Quality's code graders run in the same QuickJS sandbox and worker pool as scorers.
export { runInSandbox, type SandboxResult } from './code/sandbox';
export { scoreCase, type CaseScore } from './core/score-case';
export type { PromptfooAssert, PromptfooMapping } from './promptfoo';
