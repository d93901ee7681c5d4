import { RegExpParser, type AST } from '@eslint-community/regexpp';

/**
 * Rewrites of a pattern into an equivalent one that V8's linear-time engine can run, where the
 * rewrite is exact. That engine (V8 11.3) refuses the `i` and `u` flags, which eval regexes
 * (`i`) and JSON Schema patterns (ajv compiles them with `u`) carry; rewritten, they run with
 * V8's backtracking guard (see regex-cache.ts) instead of backtracking without bound.
 * Each returns null where its rule does not hold: the caller keeps the original pattern.
 */

const parser = new RegExpParser();

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The other case of an ASCII letter, else undefined. */
function otherCase(code: number): number | undefined {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0x61 && code <= 0x7a) return code - 0x20;
  return undefined;
}

/** Every character as an escape, so no rewritten character can form a range or close a class. */
const escape = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/** A class with the other case of each ASCII letter it holds, written out in full. */
function foldClass(node: AST.CharacterClass): Edit | null {
  let body = '';
  const added: number[] = [];
  for (const element of node.elements) {
    if (element.type === 'Character') {
      if (element.value > 0x7f) return null;
      body += escape(element.value);
      const other = otherCase(element.value);
      if (other !== undefined) added.push(other);
    } else if (element.type === 'CharacterClassRange') {
      if (element.max.value > 0x7f) return null;
      body += `${escape(element.min.value)}-${escape(element.max.value)}`;
      for (let code = element.min.value; code <= element.max.value; code++) {
        const other = otherCase(code);
        if (other !== undefined) added.push(other);
      }
    } else if (element.type === 'CharacterSet' && element.kind !== 'property') {
      body += element.raw;
    } else {
      return null;
    }
  }
  const text = `[${node.negate ? '^' : ''}${body}${added.map(escape).join('')}]`;
  return { start: node.start, end: node.end, text };
}

/** Collects the edits for one node; false when the pattern cannot be folded exactly. */
function fold(node: AST.Node, edits: Edit[]): boolean {
  switch (node.type) {
    case 'Pattern':
    case 'CapturingGroup':
      return node.alternatives.every((alternative) => fold(alternative, edits));
    case 'Group':
      return node.modifiers === null && node.alternatives.every((a) => fold(a, edits));
    case 'Alternative':
      return node.elements.every((element) => fold(element, edits));
    case 'Quantifier':
      return fold(node.element, edits);
    case 'Assertion':
      return node.kind === 'start' || node.kind === 'end' || node.kind === 'word';
    case 'CharacterSet':
      return node.kind !== 'property';
    case 'Character': {
      if (node.value > 0x7f) return false;
      const other = otherCase(node.value);
      if (other !== undefined)
        edits.push({
          start: node.start,
          end: node.end,
          text: `[${escape(node.value)}${escape(other)}]`,
        });
      return true;
    }
    case 'CharacterClass': {
      const edit = foldClass(node);
      if (edit) edits.push(edit);
      return edit !== null;
    }
    default:
      return false;
  }
}

function parse(pattern: string, unicode: boolean): AST.Pattern | null {
  try {
    return parser.parsePattern(pattern, 0, pattern.length, { unicode, unicodeSets: false });
  } catch {
    return null;
  }
}

/**
 * `Total\s*:` under `i` becomes `[tT][oO][tT][aA][lL]\s*:` without it. Without the `u` flag, a
 * character matches another under `i` when their upper cases agree, and no character from
 * U+0080 up matches an ASCII one (ECMAScript's Canonicalize); so in an ASCII-only pattern each
 * ASCII letter stands for itself and its other case, and \d \s \w . and their negations are
 * already closed under case. Not folded: a non-ASCII character, a backreference (compared
 * case-insensitively), a lookaround, modifiers.
 */
export function foldCase(pattern: string): string | null {
  const ast = parse(pattern, false);
  const edits: Edit[] = [];
  if (ast === null || !fold(ast, edits)) return null;
  let folded = pattern;
  // From the end, so earlier offsets stay valid.
  for (const edit of edits.sort((a, b) => b.start - a.start))
    folded = folded.slice(0, edit.start) + edit.text + folded.slice(edit.end);
  return folded;
}

/** A character the `u` flag reads the same as its absence: one code unit, not a surrogate. */
const plain = (code: number): boolean => code <= 0xffff && (code < 0xd800 || code > 0xdfff);

/**
 * The pattern written out again, for the flags without `u`; null where `u` changes what it
 * matches. Without `u`, `.`, negated classes and \D \S \W match one half of an astral
 * character where with `u` they match the whole, so those are refused; characters, positive
 * classes of them, \d \s \w and ^ $ \b mean the same either way. Rebuilt from the parse
 * rather than edited, since `u` syntax (`\u{1F600}`, `\p{L}`) reads differently without it.
 */
function unicodeFree(node: AST.Node): string | null {
  const all = (nodes: readonly AST.Node[], separator: string): string | null => {
    const parts = nodes.map(unicodeFree);
    return parts.every((part) => part !== null) ? parts.join(separator) : null;
  };
  const group = (open: string, alternatives: readonly AST.Alternative[]): string | null => {
    const inner = all(alternatives, '|');
    return inner === null ? null : `${open}${inner})`;
  };
  switch (node.type) {
    case 'Pattern':
      return all(node.alternatives, '|');
    case 'Alternative':
      return all(node.elements, '');
    case 'Group':
      return node.modifiers === null ? group('(?:', node.alternatives) : null;
    case 'CapturingGroup':
      // Unnamed: group names may hold \u{…} escapes, and only backreferences read them.
      return group('(', node.alternatives);
    case 'Quantifier': {
      const element = unicodeFree(node.element);
      return element === null ? null : element + node.raw.slice(node.element.end - node.start);
    }
    case 'Assertion':
      if (node.kind === 'start') return '^';
      if (node.kind === 'end') return '$';
      // \B holds between the halves of an astral character, where `u` never looks.
      if (node.kind === 'word' && !node.negate) return '\\b';
      return null;
    case 'CharacterSet':
      if (node.kind === 'any' || node.kind === 'property' || node.negate) return null;
      return node.raw;
    case 'Character':
      return plain(node.value) ? escape(node.value) : null;
    case 'CharacterClass': {
      if (node.negate) return null;
      const members = node.elements.map((element) => {
        if (element.type === 'Character')
          return plain(element.value) ? escape(element.value) : null;
        if (element.type === 'CharacterClassRange') {
          const { min, max } = element;
          // A range across the surrogates would take halves of astral characters without `u`.
          return plain(min.value) && plain(max.value) && max.value < 0xd800 === min.value < 0xd800
            ? `${escape(min.value)}-${escape(max.value)}`
            : null;
        }
        return element.type === 'CharacterSet' && element.kind !== 'property' && !element.negate
          ? element.raw
          : null;
      });
      return members.every((member) => member !== null) ? `[${members.join('')}]` : null;
    }
    default:
      return null;
  }
}

export function dropUnicode(pattern: string): string | null {
  const ast = parse(pattern, true);
  return ast === null ? null : unicodeFree(ast);
}
