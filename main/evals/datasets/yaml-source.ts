import { load } from 'js-yaml';
import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml';
import { MAX_NESTING_DEPTH, TOO_DEEP, valueTooDeep } from '../../kit/nesting-depth';
import { parseYamlDocument } from '../../kit/yaml-document';
import type { CaseProblem, PathSegment } from './problems';

/** A parsed YAML text that can say which line any path in it starts on. */
export interface YamlSource {
  readonly value: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  readonly lineOf: (path: readonly PathSegment[]) => number;
}

type ReadOutcome = { ok: true; source: YamlSource } | { ok: false; problems: CaseProblem[] };

/** A top-level key's own line (its value may start lines below); deeper paths: the node's. */
function lineFinder(doc: Document, lines: LineCounter): YamlSource['lineOf'] {
  return (target) => {
    if (target.length === 1 && isMap(doc.contents)) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === target[0]);
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      if (range) return lines.linePos(range[0]).line;
    }
    for (let n = target.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(target.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return 1;
  };
}

/** The document with positions, or the line where it nests too deep to be composed safely. */
function parseWithLines(text: string) {
  return parseYamlDocument(text, { uniqueKeys: true, logLevel: 'error' });
}

const tooDeep = (line: number): CaseProblem => ({
  line,
  path: '',
  message: `the YAML ${TOO_DEEP}`,
});

/** Tabs, anchors and tags: js-yaml reads some malformed forms of these that `yaml` rejects. */
const SLOW_FORMS = /\t|(^|[\s[{,])[&!]/m;

/** js-yaml turns a null key into "null" where `yaml` makes it "": such files take the slow path. */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (typeof value !== 'object' || value === null) return false;
  for (const [key, member] of Object.entries(value)) {
    if (key === 'null' || hasNullKey(member)) return true;
  }
  return false;
}

/**
 * The line of a top-level key written plainly at the start of a line (`evaluateOptions:`), 0 if
 * not found or not a plain name: a warning about a top-level key then costs a scan instead of the whole document.
 */
function topKeyLine(text: string, key: string | number): number {
  // Only names that are always written plain, so the text cannot hold them another way.
  if (typeof key !== 'string' || !/^[A-Za-z_][\w-]*$/.test(key)) return 0;
  const at = new RegExp(`^${key}[ ]*:`, 'm').exec(text)?.index;
  if (at === undefined) return 0;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The fast path: js-yaml builds plain values about 5x faster than `yaml` builds a document
 * with positions (a 5,000-case promptfoo file: 0.2 s against 1 s, and less memory). Positions
 * are only needed to report a problem, so that document is built on the first `lineOf` call,
 * which a valid file never makes. The two libraries differ at the edges, so the fast path only
 * takes a mapping or list without aliases, tags, tabs or null keys, where they agree (a property
 * test holds them to it); everything else, errors included, goes to `yaml`, whose values and
 * messages stand.
 */
function fastParse(text: string): YamlSource | null {
  if (SLOW_FORMS.test(text)) return null;
  let value: unknown;
  try {
    // js-yaml recurses once per level, and stops (throws) past maxDepth: deeper text, and text
    // it cannot read, goes to the slow path, which names the line.
    value = load(text, { maxAliases: 0, maxDepth: MAX_NESTING_DEPTH + 1 });
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (valueTooDeep(value) !== null || hasNullKey(value)) return null;
  return parsedSource(value, text);
}

/**
 * A source from a value already parsed out of `text` (a caller that read the file parsed it):
 * lines are found in `text` on demand, as the fast path finds them.
 */
export function parsedSource(value: unknown, text: string): YamlSource {
  let lineOf: YamlSource['lineOf'] | null = null;
  return {
    value,
    lineOf: (target) => {
      const top = target.length === 1 && !Array.isArray(value) ? topKeyLine(text, target[0]!) : 0;
      if (top > 0) return top;
      if (!lineOf) {
        const parsed = parseWithLines(text);
        // The value passed the depth check, so its text does too; were the two parsers to
        // disagree, the first line is still a place to look.
        lineOf = parsed.ok ? lineFinder(parsed.doc, parsed.lines) : () => 1;
      }
      return lineOf(target);
    },
  };
}

/**
 * Parses YAML with line tracking; never throws. Duplicate keys are errors (a second `expected`
 * silently winning is a bug in the file), aliases are capped so a "billion laughs" file cannot
 * expand into gigabytes, and nesting past MAX_NESTING_DEPTH is refused with its line before
 * anything recursive walks it.
 */
export function readYaml(text: string): ReadOutcome {
  const fast = fastParse(text);
  if (fast) return { ok: true, source: fast };
  const parsed = parseWithLines(text);
  if (!parsed.ok) return { ok: false, problems: [tooDeep(parsed.line)] };
  const { doc, lines } = parsed;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: lines.linePos(e.pos[0]).line,
        path: '',
        message: e.message.split('\n')[0]!,
      })),
    };
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    const lineOf = lineFinder(doc, lines);
    // Aliases can nest a value deeper than its text (or in a cycle: `&a [*a]`).
    const deep = valueTooDeep(value);
    if (deep) return { ok: false, problems: [tooDeep(lineOf(deep))] };
    return { ok: true, source: { value, lineOf } };
  } catch (err) {
    return {
      ok: false,
      problems: [{ line: 1, path: '', message: err instanceof Error ? err.message : String(err) }],
    };
  }
}
