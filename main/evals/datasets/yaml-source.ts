import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { CaseProblem, PathSegment } from './problems';

/** A parsed YAML text that can say which line any path in it starts on. */
export interface YamlSource {
  readonly value: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  readonly lineOf: (path: readonly PathSegment[]) => number;
}

function lineFinder(doc: Document, lines: LineCounter): YamlSource['lineOf'] {
  return (target) => {
    for (let n = target.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(target.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return 1;
  };
}

/**
 * Parses YAML with line tracking; never throws. Duplicate keys are errors (a second `expected`
 * silently winning is a bug in the file), and aliases are capped so a "billion laughs" file
 * cannot expand into gigabytes.
 */
export function readYaml(
  text: string,
): { ok: true; source: YamlSource } | { ok: false; problems: CaseProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
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
    return { ok: true, source: { value, lineOf: lineFinder(doc, lines) } };
  } catch (err) {
    return {
      ok: false,
      problems: [{ line: 1, path: '', message: err instanceof Error ? err.message : String(err) }],
    };
  }
}
