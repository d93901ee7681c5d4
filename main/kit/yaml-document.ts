import {
  Composer,
  CST,
  isMap,
  isScalar,
  Lexer,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { MAX_NESTING_DEPTH } from './nesting-depth';

export type YamlDocumentOutcome =
  | { readonly ok: true; readonly doc: Document.Parsed; readonly lines: LineCounter }
  /** The text nests deeper than the limit; `line` is where that was seen. */
  | { readonly ok: false; readonly line: number };

/**
 * A lower bound of the nesting depth at the current lexeme, so obviously deep text is refused
 * as the lexer reaches level 101, not after a 50 MB parse (a flow collection 100,000 deep took
 * `yaml`'s parser 1.6 s). Flow brackets are exact lexemes; block indicators (`-`, `?`) that
 * follow one another on a line each open a level (`- - - x`). Nesting by indentation alone needs
 * n² characters for n levels and is left to the exact check on the parsed tokens.
 */
class DepthGauge {
  private flow = 0;
  private indicators = 0;
  private scalarNext = false;

  constructor(private readonly limit: number) {}

  /** Feeds one lexeme; true once the text is known to nest deeper than the limit. */
  exceeds(lexeme: string): boolean {
    if (this.scalarNext) {
      // A scalar's own source (a block scalar's lines too) can hold any character.
      this.scalarNext = false;
      return false;
    }
    switch (CST.tokenType(lexeme)) {
      case 'scalar':
        this.scalarNext = true;
        return false;
      case 'flow-seq-start':
      case 'flow-map-start':
        this.flow++;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        this.flow = Math.max(0, this.flow - 1);
        return false;
      case 'flow-error-end':
        this.flow = 0;
        return false;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        if (this.flow === 0) this.indicators++;
        break;
      case 'newline':
        this.indicators = 0;
        return false;
      default:
        return false;
    }
    return this.flow + this.indicators > this.limit;
  }
}

/** Offset of the first collection nested deeper than `limit` in a parsed token, or -1. */
function tooDeepOffset(root: CST.Token, limit: number): number {
  const tokens: CST.Token[] = [root];
  const depths: number[] = [0];
  while (tokens.length > 0) {
    const token = tokens.pop()!;
    let depth = depths.pop()!;
    if (token.type === 'document') {
      if (token.value) {
        tokens.push(token.value);
        depths.push(depth);
      }
      continue;
    }
    if (!CST.isCollection(token)) continue;
    if (++depth > limit) return token.offset;
    for (const item of token.items) {
      // A key can be a collection too (`? [a, b]`).
      for (const member of [item.key, item.value]) {
        if (!member) continue;
        tokens.push(member);
        depths.push(depth);
      }
    }
  }
  return -1;
}

/**
 * `yaml`'s parseDocument with a nesting limit: its lexer and parser are iterative and take any
 * depth, but its composer and toJS recurse, and past a few thousand levels they report (or
 * throw) "Maximum call stack size exceeded". The lexemes are gauged as they are parsed and the
 * parsed tokens checked exactly, so only text within MAX_NESTING_DEPTH is ever composed.
 * Several documents in one text are an error, as with parseDocument.
 */
export function parseYamlDocument(
  text: string,
  options: Omit<ParseOptions, 'lineCounter'> & DocumentOptions & SchemaOptions = {},
): YamlDocumentOutcome {
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  const gauge = new DepthGauge(MAX_NESTING_DEPTH);
  const tokens: CST.Token[] = [];
  // The parser's own parse() does this before its first lexeme.
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    if (gauge.exceeds(lexeme)) return { ok: false, line: lines.linePos(parser.offset).line };
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  for (const token of tokens) {
    const offset = tooDeepOffset(token, MAX_NESTING_DEPTH);
    if (offset !== -1) return { ok: false, line: lines.linePos(offset).line };
  }
  // `yaml` finds duplicate keys by comparing each key with every earlier one of its map: 100,000
  // keys in one flow map took a minute. The same check, with a set, follows the compose.
  const unique = (options.uniqueKeys ?? true) === true;
  const composer = new Composer({
    ...options,
    ...(unique ? { uniqueKeys: false } : {}),
    prettyErrors: false,
  });
  let doc: Document.Parsed | null = null;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else if (doc.options.logLevel !== 'silent') {
      // parseDocument's own error for the same case.
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  // compose(…, true) always ends with a document, an empty text included.
  if (unique) {
    doc!.errors.push(...duplicateKeys(doc!));
    doc!.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return { ok: true, doc: doc!, lines };
}

/**
 * `yaml`'s DUPLICATE_KEY errors (same message, at the repeated key), found in linear time:
 * scalar keys of one map are equal when their values are, as `yaml` compares them. The visit
 * recurses, but only into documents already checked to nest at most MAX_NESTING_DEPTH deep.
 */
function duplicateKeys(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value) && key.range) {
          const [start, end] = key.range;
          errors.push(new YAMLParseError([start, end], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
        seen.add(key.value);
      }
    },
  });
  return errors;
}
