/**
 * How deep JSON and YAML input may nest, checked once where text enters (HTTP bodies, JSONL lines,
 * CSV cells holding JSON, YAML files). Behind that edge, code walks values recursively (zod's
 * z.json(), the JSON Schema compiler, YAML's composer, canonical JSON, deep equality) and runs
 * out of stack somewhere past a thousand levels; `'['.repeat(100000)` must be a coded 400, not a
 * RangeError or a dead process.
 *
 * 100 levels: real data sits far below it (a dataset file holds an expected output 4 levels down
 * and a matcher's JSON Schema 6 levels down; schemas and structured outputs in practice nest
 * under 20), and every recursive walk behind the edge is safe at it. It is js-yaml's own default
 * maxDepth as well.
 */
export const MAX_NESTING_DEPTH = 100;

/** The problem's wording everywhere input is refused for depth. */
export const TOO_DEEP = `nests more than ${MAX_NESTING_DEPTH} levels deep (the limit is ${MAX_NESTING_DEPTH})`;

/** A path of a too-deep place shows this many segments: the outer ones say which field it is. */
const PATH_SHOWN = 6;

export type PathSegment = string | number;

/**
 * `['cases', 0, 'expected', 0, 0, …]` → `cases[0].expected[0][0]…`, or with `dotted`
 * `cases.0.expected.0.0…` (the form of the contract's field issues).
 */
export function formatDeepPath(segments: readonly PathSegment[], dotted = false): string {
  let out = '';
  for (const s of segments.slice(0, PATH_SHOWN)) {
    if (typeof s === 'number' && !dotted) out += `[${s}]`;
    else out += out === '' ? String(s) : `.${s}`;
  }
  return segments.length > PATH_SHOWN ? `${out}…` : out;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Index of the quote that closes the JSON string opened at `open`, or -1 when it never closes. */
function stringEnd(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/**
 * True when the text holds at most `limit` opening brackets, strings included, so it cannot nest
 * deeper: native indexOf settles a typical line (a JSONL case, a CSV cell) without the scan.
 */
function fewBrackets(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['[', '{'])
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1))
      if (++count > limit) return false;
  return true;
}

/**
 * Index of the bracket where JSON text first nests deeper than `limit`, or -1. One pass over
 * the text without parsing it (strings are skipped with indexOf), so it runs before JSON.parse:
 * a 100 MB body of brackets is refused in milliseconds instead of being built as 50 million
 * arrays. Invalid JSON is not judged here; JSON.parse says what is wrong with it.
 */
export function jsonTooDeepAt(text: string, limit = MAX_NESTING_DEPTH): number {
  if (fewBrackets(text, limit)) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i === -1) return -1;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return i;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return -1;
}

type Frame = { kind: 'array'; index: number } | { kind: 'object'; key: string; atKey: boolean };

/** The path of the value opened at `offset` in JSON text, for naming a too-deep place. */
export function jsonPathAt(text: string, offset: number): string {
  const frames: Frame[] = [];
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      if (top?.kind === 'object' && top.atKey) {
        // Only the first few levels are shown: deeper keys need not be decoded.
        top.key = frames.length <= PATH_SHOWN ? keyText(text.slice(i, end + 1)) : '';
      }
      i = end;
    } else if (c === OPEN_ARRAY) frames.push({ kind: 'array', index: 0 });
    else if (c === OPEN_OBJECT) frames.push({ kind: 'object', key: '', atKey: true });
    else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) frames.pop();
    else if (c === COLON && top?.kind === 'object') top.atKey = false;
    else if (c === COMMA && top?.kind === 'array') top.index++;
    else if (c === COMMA && top?.kind === 'object') top.atKey = true;
  }
  // The frames hold the containers around `offset`; each one's member is a segment.
  return formatDeepPath(frames.map((f) => (f.kind === 'array' ? f.index : f.key)));
}

function keyText(literal: string): string {
  try {
    return String(JSON.parse(literal));
  } catch {
    return literal;
  }
}

/** Where a JSON text nests too deep: the UTF-16 offset of the bracket and the path to it. */
export interface TooDeep {
  readonly offset: number;
  readonly path: string;
}

/** `jsonTooDeepAt` with the path named, for messages. */
export function findJsonTooDeep(text: string, limit = MAX_NESTING_DEPTH): TooDeep | null {
  const offset = jsonTooDeepAt(text, limit);
  return offset === -1 ? null : { offset, path: jsonPathAt(text, offset) };
}

/** Whether a parsed value nests deeper than `limit`: iterative, so it is safe on any value. */
function valueExceeds(value: unknown, limit: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const next = values.pop();
    const depth = depths.pop()! + 1;
    if (typeof next !== 'object' || next === null) continue;
    if (depth > limit) return true;
    for (const member of Array.isArray(next) ? next : Object.values(next)) {
      if (typeof member !== 'object' || member === null) continue;
      values.push(member);
      depths.push(depth);
    }
  }
  return false;
}

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Visit | null;
  readonly key: PathSegment;
}

function pathOf(visit: Visit): PathSegment[] {
  const path: PathSegment[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) path.push(v.key);
  return path.reverse();
}

/**
 * The path to the first place a parsed value nests deeper than `limit`, or null; for values
 * that did not come from JSON text (a YAML parse, where aliases can even make a cycle, which
 * this reports as too deep). The common answer, null, costs one walk with no allocation per
 * node; the path is traced only for a refusal.
 */
export function valueTooDeep(value: unknown, limit = MAX_NESTING_DEPTH): PathSegment[] | null {
  if (!valueExceeds(value, limit)) return null;
  const stack: Visit[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    const depth = visit.depth + 1;
    if (depth > limit) return pathOf(visit);
    const entries: [PathSegment, unknown][] = Array.isArray(visit.value)
      ? visit.value.map((v: unknown, i) => [i, v])
      : Object.entries(visit.value);
    for (const [key, v] of entries.reverse()) stack.push({ value: v, depth, parent: visit, key });
  }
  return null;
}
