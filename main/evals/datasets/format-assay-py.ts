import { z } from 'zod';
import { datasetNameSchema, INTERACTION_TYPES } from '../../../shared/contract';
import { isDialectMatcher, readMatcher } from './assay-py-matchers';
import { didYouMean, isMap } from './assay-py-options';
import type { CaseDraft, JsonValue } from './case-draft';
import { problemAt, type CaseLocator } from './check-cases';
import { fileVars, varText } from './file-case';
import { MAX_CASES, tooManyCases } from './limits';
import {
  failed,
  type DatasetMeta,
  type ParseOutcome,
  type ParsedCase,
  type SharedMatchers,
} from './parsed-dataset';
import type { CaseProblem, PathSegment } from './problems';
import { readYaml, type YamlSource } from './yaml-source';

/**
 * assay-py: the test-case YAML of Assay's Python version, imported as it is.
 *
 *   name: support-triage               # the dataset name (other text is made into one, with a warning)
 *   interaction_type: classification   # optional: chat | extraction | classification | generation
 *   description: …                     # optional
 *   tags: [support]                    # optional
 *   matchers:                          # optional (or default_matchers): run before every case's own
 *     - { type: regex, pattern: '\S' }
 *   test_cases:
 *     - name: refund after 30 days     # optional → the case's description
 *       input:                         # a mapping of template variables (a bare value is `input`)
 *         ticket: I want my money back
 *         order_total: 42.5            # numbers, booleans: as written; lists and maps: as JSON
 *       expected: refund               # a string or a mapping (any JSON); null or absent: none
 *       matchers:                      # snake_case types with their own options: assay-py-matchers.ts
 *         - { type: contains, value: refund, case_sensitive: false }
 *       tags: [refunds]                # optional
 *
 * Suite settings in the same file (`prompt`, `models`, `judge_model`, `embedding_model`,
 * `scorecard`, `concurrency`, `repeat`) are read by `assay eval`; an import leaves them out with a warning and
 * offers `prompt` and `models` as suggestions. Unknown keys, types and options are refused with
 * "did you mean", never skipped.
 */
export const ASSAY_PY = 'assay-py';

const SUITE_SETTINGS = [
  'prompt',
  'models',
  'judge_model',
  'embedding_model',
  'scorecard',
  'concurrency',
  'repeat',
] as const;
const META_KEYS = ['name', 'interaction_type', 'description', 'tags'];
const TOP_KEYS = [...META_KEYS, 'matchers', 'default_matchers', 'test_cases', ...SUITE_SETTINGS];
const CASE_KEYS = ['name', 'input', 'expected', 'matchers', 'tags'];
/** Assay's YAML names these case keys otherwise: a file mixing the two is told which to use. */
const ASSAY_CASE_KEYS: Readonly<Record<string, string>> = { vars: 'input', description: 'name' };

const metaSchema = z.object({
  name: z.string({ error: 'name must be text' }).optional(),
  interaction_type: z
    .enum(INTERACTION_TYPES, { error: `interaction_type must be ${INTERACTION_TYPES.join(', ')}` })
    .optional(),
  description: z.string({ error: 'description must be text' }).optional(),
  tags: z.array(z.string(), { error: 'tags must be a list of words' }).optional(),
});

/**
 * Whether a parsed YAML file is in this shape rather than Assay's own: a top-level `matchers`, a
 * case with a `name` or a mapping `input`, or a matcher in the dialect's spelling (a snake_case
 * type or option, `strip`). Assay's own YAML refuses every one of these, so no file it reads is
 * taken from it; a file with none of them reads the same either way.
 */
export function looksLikeAssayPy(value: unknown): boolean {
  if (!isMap(value)) return false;
  if (Object.hasOwn(value, 'matchers')) return true;
  const shared = value.default_matchers;
  if (Array.isArray(shared) && shared.some(isDialectMatcher)) return true;
  const cases = value.test_cases;
  if (!Array.isArray(cases)) return false;
  return cases.some(
    (c) =>
      isMap(c) &&
      (Object.hasOwn(c, 'name') ||
        isMap(c.input) ||
        (Array.isArray(c.matchers) && c.matchers.some(isDialectMatcher))),
  );
}

/** `Support Triage (v2)` → `support-triage-v2`: a display name made into a dataset name. */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9._/-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 128);
}

class Reader {
  readonly problems: CaseProblem[] = [];
  readonly warnings: { line?: number; message: string }[] = [];

  constructor(readonly source: YamlSource) {}

  locate(base: readonly PathSegment[]): CaseLocator {
    return { base, lineOf: (sub) => this.source.lineOf([...base, ...sub]) };
  }

  problem(path: readonly PathSegment[], message: string): void {
    this.problems.push(problemAt(this.locate([]), path, message));
  }

  unknownKeys(
    map: Record<string, unknown>,
    known: readonly string[],
    at: PathSegment[],
    twins: Readonly<Record<string, string>> = {},
  ): void {
    for (const key of Object.keys(map)) {
      if (known.includes(key)) continue;
      const twin = Object.hasOwn(twins, key) ? twins[key] : undefined;
      const hint = twin
        ? ` "${key}" is Assay's spelling; this file's is "${twin}".`
        : didYouMean(key, known);
      this.problem([...at, key], `unknown key "${key}";${hint} keys: ${known.join(', ')}`);
    }
  }

  /** A list of matchers, each read through the dialect table; `spells[j]` maps its paths back. */
  matchers(raw: unknown, at: PathSegment[]) {
    const matchers: unknown[] = [];
    const spells: ((p: readonly PathSegment[]) => PathSegment[])[] = [];
    if (raw === undefined || raw === null) return { matchers, spells };
    if (!Array.isArray(raw)) {
      this.problem(at, 'matchers must be a list');
      return { matchers, spells };
    }
    raw.forEach((m: unknown, j) => {
      const read = readMatcher(m);
      if (!read.ok) for (const p of read.problems) this.problem([...at, j, ...p.at], p.message);
      else {
        matchers.push(read.matcher);
        spells.push(read.spell);
      }
    });
    return { matchers, spells };
  }

  /** One case, converted; its locator spells Assay's paths the way the file wrote them. */
  testCase(raw: unknown, base: PathSegment[]): ParsedCase | null {
    if (!isMap(raw)) {
      this.problem(base, 'a case is a mapping (name, input, expected, matchers, tags)');
      return null;
    }
    const before = this.problems.length;
    this.unknownKeys(raw, CASE_KEYS, base, ASSAY_CASE_KEYS);
    if (raw.name !== undefined && raw.name !== null && typeof raw.name !== 'string')
      this.problem([...base, 'name'], 'name must be text');
    const at = this.locate(base);
    let vars: Record<string, string> = {};
    if (isMap(raw.input)) {
      const read = fileVars(raw.input, at, ['input']);
      this.problems.push(...read.problems);
      vars = read.vars;
    } else if (raw.input !== undefined && raw.input !== null) {
      const text = Array.isArray(raw.input) ? null : varText(raw.input);
      if (text === null) this.problem([...base, 'input'], 'input must be a mapping of variables');
      else vars = { input: text };
    }
    const { matchers, spells } = this.matchers(raw.matchers, [...base, 'matchers']);
    if (this.problems.length > before) return null;
    const draft: CaseDraft = {
      description: typeof raw.name === 'string' ? raw.name : '',
      vars,
      expected: raw.expected === null ? undefined : (raw.expected as JsonValue | undefined),
      matchers,
      tags: (raw.tags ?? []) as string[],
    };
    const spell = ([head, ...rest]: readonly PathSegment[]): PathSegment[] => {
      // A bare `input: text` is the variable itself; a mapping names each variable.
      if (head === 'vars') return isMap(raw.input) ? ['input', ...rest] : ['input'];
      if (head === 'description') return ['name', ...rest];
      if (head === 'matchers' && typeof rest[0] === 'number') {
        const [j, ...inside] = rest;
        return ['matchers', j, ...(spells[j]?.(inside) ?? inside)];
      }
      return head === undefined ? [] : [head, ...rest];
    };
    return { draft, at: { ...at, spell } };
  }

  meta(root: Record<string, unknown>): DatasetMeta {
    const parsed = metaSchema.safeParse(
      Object.fromEntries(META_KEYS.map((k) => [k, root[k] ?? undefined])),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        this.problem(
          issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'),
          issue.message,
        );
      return {};
    }
    const { name, interaction_type, description, tags } = parsed.data;
    let datasetName = name;
    if (name !== undefined && !datasetNameSchema.safeParse(name).success) {
      const made = slug(name);
      datasetName = datasetNameSchema.safeParse(made).success ? made : undefined;
      this.warnings.push({
        line: this.source.lineOf(['name']),
        message: `name "${name}" is not a dataset name; ${datasetName === undefined ? 'the file name is used' : `imported as "${datasetName}"`}`,
      });
    }
    return {
      ...(datasetName === undefined ? {} : { name: datasetName }),
      ...(interaction_type === undefined ? {} : { interactionType: interaction_type }),
      ...(description === undefined ? {} : { description }),
      ...(tags === undefined ? {} : { tags }),
    };
  }

  /** Top-level `matchers` (or `default_matchers`): run before each case's own. */
  shared(root: Record<string, unknown>): SharedMatchers | undefined {
    const keys = ['matchers', 'default_matchers'].filter((k) => root[k] !== undefined);
    if (keys.length === 0) return undefined;
    if (keys.length > 1) this.problem([keys[1]!], 'give matchers or default_matchers, not both');
    const key = keys[0]!;
    const { matchers, spells } = this.matchers(root[key], [key]);
    return {
      matchers,
      at: {
        ...this.locate([key]),
        spell: ([j, ...inside]) => [j!, ...(spells[j as number]?.(inside) ?? inside)],
      },
      matcherPath: (i) => [i],
    };
  }
}

function suggestions(root: Record<string, unknown>) {
  const prompts = typeof root.prompt === 'string' ? [root.prompt] : [];
  const providers = Array.isArray(root.models)
    ? root.models.filter((m): m is string => typeof m === 'string')
    : [];
  return { prompts, providers };
}

/** `parsed`: the text already read (a suite file, or detection), so it is not parsed twice. */
export function parseAssayPyDataset(
  text: string,
  where: string,
  parsed?: YamlSource,
): ParseOutcome {
  const read = parsed ? { ok: true as const, source: parsed } : readYaml(text);
  if (!read.ok) return failed(read.problems);
  const root = read.source.value;
  if (!isMap(root))
    return failed([
      { line: 1, path: '', message: 'an assay-py file is a mapping with test_cases' },
    ]);
  const r = new Reader(read.source);
  r.unknownKeys(root, TOP_KEYS, []);
  const meta = r.meta(root);
  const shared = r.shared(root);
  const entries = root.test_cases;
  if (!Array.isArray(entries)) r.problem(['test_cases'], 'test_cases must be a list of cases');
  const list: unknown[] = Array.isArray(entries) ? entries : [];
  if (list.length > MAX_CASES) throw tooManyCases(where, list.length);
  const cases: ParsedCase[] = [];
  list.forEach((raw, i) => {
    const c = r.testCase(raw, ['test_cases', i]);
    if (c) cases.push(c);
  });
  if (r.problems.length > 0) return failed(r.problems);
  const settings = SUITE_SETTINGS.filter((k) => Object.hasOwn(root, k));
  if (settings.length > 0)
    r.warnings.push({
      line: read.source.lineOf([settings[0]!]),
      message: `not imported into the dataset: ${settings.join(', ')} (suite settings: assay eval reads them)`,
    });
  return {
    ok: true,
    dataset: {
      meta,
      metaLine: (key) => read.source.lineOf([key]),
      cases,
      ...(shared === undefined ? {} : { defaults: shared }),
      warnings: r.warnings,
      suggested: suggestions(root),
      format: ASSAY_PY,
    },
  };
}
