import type { ImportWarning } from '../../../shared/contract';
import { parseTargetId } from '../../../shared/target-id';
import { fromPromptfooAssert } from '../matchers/registry';
import type { CaseLocator, MatcherPath } from './check-cases';
import { fileVars } from './file-case';
import { MAX_CASES, tooManyCases } from './limits';
import { failed, type ParseOutcome, type ParsedCase, type SharedMatchers } from './parsed-dataset';
import { formatPath, type CaseProblem, type PathSegment } from './problems';
import { readYaml, type YamlSource } from './yaml-source';

/**
 * A promptfoo config (`promptfooconfig.yaml`) read as a dataset: `tests` become cases
 * (`vars`, `assert` → matchers, `description`), `defaultTest.assert` is prepended to every case
 * and `defaultTest.vars` fill in variables a test does not set (promptfoo's own semantics).
 * A var given as a list expands into one case per value, as promptfoo does.
 *
 * What the import cannot represent refuses it, naming every line: a `tests` that is not a list,
 * `file://` references (nothing is read from disk), a provider Assay has no equivalent for, and
 * assertions the matcher library cannot map (python, rouge-n, …). With `skipUnmapped` the
 * unmappable assertions are kept as `unmapped` matchers instead, so their cases are unscored,
 * never passed on the checks that did run. Keys that only configure promptfoo itself
 * (`outputPath`, `evaluateOptions`, …) are reported as warnings. `prompts` and `providers` are
 * returned as suggestions for the caller to offer.
 */
type Raw = Record<string, unknown>;

const TEST_KEYS = new Set(['description', 'vars', 'assert']);
const TOP_KEYS = new Set(['description', 'prompts', 'providers', 'tests', 'defaultTest']);

const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PromptfooOptions {
  /** Keep unmappable assertions as `unmapped` matchers (their cases unscored) instead of refusing. */
  readonly skipUnmapped?: boolean;
}

const SKIP_HINT =
  'import the rest with --skip-unmapped (or "Import anyway" in the workbench) to keep those cases unscored';

class Reader {
  readonly warnings: ImportWarning[] = [];
  readonly problems: CaseProblem[] = [];

  constructor(
    readonly source: YamlSource,
    readonly options: PromptfooOptions,
  ) {}

  warn(path: readonly PathSegment[], message: string): void {
    this.warnings.push({
      line: this.source.lineOf(path),
      message: `${formatPath(path)}: ${message}`,
    });
  }

  refuse(path: readonly PathSegment[], message: string, unmapped?: CaseProblem['unmapped']): void {
    this.problems.push({
      line: this.source.lineOf(path),
      path: formatPath(path),
      message,
      ...(unmapped ? { unmapped } : {}),
    });
  }

  locate(base: readonly PathSegment[]): CaseLocator {
    return { base, lineOf: (sub) => this.source.lineOf([...base, ...sub]) };
  }

  /**
   * Maps an `assert` list. An assertion that cannot be mapped refuses the import, or with
   * `skipUnmapped` becomes an `unmapped` matcher (and a warning) that leaves its case unscored.
   */
  asserts(
    raw: unknown,
    path: readonly PathSegment[],
  ): { matchers: unknown[]; matcherPath: MatcherPath } {
    const matchers: unknown[] = [];
    const from: number[] = [];
    if (raw === undefined) return { matchers, matcherPath: () => [] };
    if (!Array.isArray(raw)) {
      this.refuse(path, 'assert must be a list of assertions');
      return { matchers, matcherPath: () => [] };
    }
    raw.forEach((item: unknown, j) => {
      const at = [...path, j];
      if (!isMap(item) || typeof item.type !== 'string') {
        this.refuse(at, 'an assertion must be a mapping with a type');
        return;
      }
      const mapped = fromPromptfooAssert({ ...item, type: item.type });
      if (!mapped.ok) {
        if (!this.options.skipUnmapped) {
          this.refuse(
            at,
            `assertion "${item.type}" cannot run in Assay: ${mapped.reason}; ${SKIP_HINT}`,
            { assertion: item.type, reason: mapped.reason },
          );
          return;
        }
        this.warn(
          at,
          `assertion "${item.type}" was not imported (its case is unscored): ${mapped.reason}`,
        );
        matchers.push({ type: 'unmapped', source: item.type, reason: mapped.reason });
        from.push(j);
        return;
      }
      // Imported, but not with exactly promptfoo's meaning: say how.
      if (mapped.note !== undefined) this.warn(at, `assertion "${item.type}": ${mapped.note}`);
      matchers.push(mapped.matcher);
      from.push(j);
    });
    const last = path[path.length - 1]!;
    return { matchers, matcherPath: (k) => [last, from[k] ?? k] };
  }

  /** A var loaded from a file would run with the reference text as its value: refused. */
  vars(raw: unknown, path: readonly PathSegment[]): Raw {
    if (raw === undefined) return {};
    if (!isMap(raw)) {
      this.refuse(
        path,
        typeof raw === 'string'
          ? `${raw} is not loaded (an import reads no other files); write the vars as a map`
          : 'vars must be a map of names to values',
      );
      return {};
    }
    for (const [name, value] of Object.entries(raw))
      if (typeof value === 'string' && value.startsWith('file://'))
        this.refuse(
          [...path, name],
          `${value} is not loaded (an import reads no other files); paste the value instead`,
        );
    return raw;
  }
}

/** One variable map per combination of list values (promptfoo's expansion), within the limit. */
function expand(vars: Raw, where: string): Raw[] {
  let out: Raw[] = [{}];
  for (const [name, value] of Object.entries(vars)) {
    const choices = Array.isArray(value) && value.length > 0 ? value : [value];
    if (out.length * choices.length > MAX_CASES) throw tooManyCases(where);
    out = out.flatMap((partial) =>
      choices.map((choice: unknown) => ({ ...partial, [name]: choice })),
    );
  }
  return out;
}

function promptNames(raw: unknown): string[] {
  const list =
    typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : isMap(raw) ? Object.keys(raw) : [];
  return list.flatMap((p: unknown) => {
    if (typeof p === 'string') return [p];
    if (isMap(p))
      for (const key of ['raw', 'id', 'label']) if (typeof p[key] === 'string') return [p[key]];
    return [];
  });
}

function providerIds(raw: unknown): string[] {
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  return list.flatMap((p: unknown) => {
    if (typeof p === 'string') return [p];
    if (isMap(p) && typeof p.id === 'string') return [p.id];
    // The map form: `- openai:gpt-4o: { config: … }`.
    if (isMap(p) && Object.keys(p).length === 1) return Object.keys(p);
    return [];
  });
}

/** Every provider must have an Assay equivalent: a run of the config could not call it. */
function checkProviders(r: Reader, raw: unknown): void {
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  const path = (i: number): PathSegment[] =>
    typeof raw === 'string' ? ['providers'] : ['providers', i];
  providerIds(raw).forEach((id, i) => {
    if (parseTargetId(id) === null)
      r.refuse(
        path(i),
        `provider "${id}" has no Assay equivalent (openai, anthropic, bedrock, ollama or local, as provider:model)`,
      );
  });
  if (providerIds(raw).length < list.length)
    r.refuse(['providers'], 'each provider must be "provider:model" text or have an id');
}

/** `parsed`: the text already read (a suite file), so it is not parsed twice. */
export function parsePromptfooConfig(
  text: string,
  where: string,
  parsed?: YamlSource,
  options: PromptfooOptions = {},
): ParseOutcome {
  const read = parsed ? { ok: true as const, source: parsed } : readYaml(text);
  if (!read.ok) return failed(read.problems);
  const config = read.source.value;
  if (!isMap(config))
    return failed([
      {
        line: 1,
        path: '',
        message: 'a promptfoo config must be a mapping (prompts, providers, tests)',
      },
    ]);
  const r = new Reader(read.source, options);
  checkProviders(r, config.providers);
  const ignored = Object.keys(config).filter((k) => !TOP_KEYS.has(k));
  if (ignored.length > 0) r.warn([ignored[0]!], `not imported: ${ignored.join(', ')}`);

  let defaults: SharedMatchers | undefined;
  let defaultVars: Raw = {};
  const defaultTest = config.defaultTest;
  if (typeof defaultTest === 'string')
    r.refuse(
      ['defaultTest'],
      `${defaultTest} is not loaded (an import reads no other files); write defaultTest inline`,
    );
  else if (isMap(defaultTest)) {
    const mapped = r.asserts(defaultTest.assert, ['defaultTest', 'assert']);
    defaults = {
      matchers: mapped.matchers,
      at: r.locate(['defaultTest']),
      matcherPath: mapped.matcherPath,
    };
    defaultVars = r.vars(defaultTest.vars, ['defaultTest', 'vars']);
    const other = Object.keys(defaultTest).filter((k) => k !== 'assert' && k !== 'vars');
    if (other.length > 0) r.warn(['defaultTest', other[0]!], `not imported: ${other.join(', ')}`);
  }

  const tests = config.tests;
  // A config with no tests at all is an empty dataset; tests that are there must be readable.
  if (tests !== undefined && !Array.isArray(tests))
    r.refuse(
      ['tests'],
      typeof tests === 'string'
        ? `${tests} is not loaded (an import reads no other files); import that file on its own`
        : 'tests must be a list of tests',
    );
  const entries: unknown[] = Array.isArray(tests) ? tests : [];
  const cases: ParsedCase[] = [];
  entries.forEach((test: unknown, i) => {
    const path = ['tests', i];
    if (typeof test === 'string')
      return r.refuse(
        path,
        `${test} is not loaded (an import reads no other files); import that file on its own`,
      );
    if (!isMap(test)) return r.refuse(path, 'a test must be a mapping (description, vars, assert)');
    const at = r.locate(path);
    const other = Object.keys(test).filter((k) => !TEST_KEYS.has(k));
    if (other.length > 0) r.warn([...path, other[0]!], `not imported: ${other.join(', ')}`);
    const mapped = r.asserts(test.assert, [...path, 'assert']);
    const merged = { ...defaultVars, ...r.vars(test.vars, [...path, 'vars']) };
    expand(merged, where).forEach((combination, n) => {
      if (cases.length >= MAX_CASES) throw tooManyCases(where);
      const { vars, problems } = fileVars(combination, at, ['vars']);
      // Every expansion of one test shares its problems: report them once.
      if (n === 0) r.problems.push(...problems);
      const description = typeof test.description === 'string' ? test.description : '';
      cases.push({
        draft: { description, vars, expected: undefined, matchers: mapped.matchers, tags: [] },
        at,
        matcherPath: mapped.matcherPath,
      });
    });
  });
  if (r.problems.length > 0) return failed(r.problems);
  const description = typeof config.description === 'string' ? config.description : undefined;
  return {
    ok: true,
    dataset: {
      meta: description === undefined ? {} : { description },
      cases,
      ...(defaults === undefined ? {} : { defaults }),
      warnings: r.warnings,
      suggested: { prompts: promptNames(config.prompts), providers: providerIds(config.providers) },
    },
  };
}
