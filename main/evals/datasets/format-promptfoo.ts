import type { ImportWarning } from '../../../shared/contract';
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
 * A var given as a list expands into one case per value, as promptfoo does. Nothing is read
 * from disk: `file://` references are reported as warnings. Every assertion the matcher library
 * cannot map, every key that is not imported, is reported with its line, never dropped silently.
 * `prompts` and `providers` are returned as suggestions for the caller to offer.
 */
type Raw = Record<string, unknown>;

const TEST_KEYS = new Set(['description', 'vars', 'assert']);
const TOP_KEYS = new Set(['description', 'prompts', 'providers', 'tests', 'defaultTest']);

const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  readonly warnings: ImportWarning[] = [];
  readonly problems: CaseProblem[] = [];

  constructor(readonly source: YamlSource) {}

  warn(path: readonly PathSegment[], message: string): void {
    this.warnings.push({
      line: this.source.lineOf(path),
      message: `${formatPath(path)}: ${message}`,
    });
  }

  locate(base: readonly PathSegment[]): CaseLocator {
    return { base, lineOf: (sub) => this.source.lineOf([...base, ...sub]) };
  }

  /** Maps an `assert` list; what cannot be mapped becomes a warning naming its type. */
  asserts(
    raw: unknown,
    path: readonly PathSegment[],
  ): { matchers: unknown[]; matcherPath: MatcherPath } {
    const matchers: unknown[] = [];
    const from: number[] = [];
    if (raw === undefined) return { matchers, matcherPath: () => [] };
    if (!Array.isArray(raw)) {
      this.warn(path, 'assert must be a list; nothing was imported from it');
      return { matchers, matcherPath: () => [] };
    }
    raw.forEach((item: unknown, j) => {
      const at = [...path, j];
      if (!isMap(item) || typeof item.type !== 'string') {
        this.warn(at, 'an assertion without a type was not imported');
        return;
      }
      const mapped = fromPromptfooAssert({ ...item, type: item.type });
      if (!mapped.ok) {
        this.warn(at, `assertion "${item.type}" was not imported: ${mapped.reason}`);
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

  vars(raw: unknown, path: readonly PathSegment[]): Raw {
    if (raw === undefined) return {};
    if (!isMap(raw)) {
      this.warn(
        path,
        `vars must be a map${typeof raw === 'string' ? ` (${raw} is not loaded)` : ''}; none were imported`,
      );
      return {};
    }
    for (const [name, value] of Object.entries(raw))
      if (typeof value === 'string' && value.startsWith('file://'))
        this.warn(
          [...path, name],
          `${value} is not loaded (no file access); the reference text is kept`,
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

/** `parsed`: the text already read (a suite file), so it is not parsed twice. */
export function parsePromptfooConfig(
  text: string,
  where: string,
  parsed?: YamlSource,
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
  const r = new Reader(read.source);
  const ignored = Object.keys(config).filter((k) => !TOP_KEYS.has(k));
  if (ignored.length > 0) r.warn([ignored[0]!], `not imported: ${ignored.join(', ')}`);

  let defaults: SharedMatchers | undefined;
  let defaultVars: Raw = {};
  const defaultTest = config.defaultTest;
  if (typeof defaultTest === 'string')
    r.warn(['defaultTest'], `${defaultTest} is not loaded (no file access)`);
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
  const entries = typeof tests === 'string' ? [tests] : Array.isArray(tests) ? tests : [];
  if (tests !== undefined && typeof tests !== 'string' && !Array.isArray(tests))
    r.warn(['tests'], 'tests must be a list; nothing was imported from it');
  const cases: ParsedCase[] = [];
  entries.forEach((test: unknown, i) => {
    const path = typeof tests === 'string' ? ['tests'] : ['tests', i];
    if (typeof test === 'string')
      return r.warn(path, `${test} is not loaded (no file access); import that file on its own`);
    if (!isMap(test)) return r.warn(path, 'a test must be a mapping; it was not imported');
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
