/**
 * Where JSON text first breaks the grammar, and why, so the CLI can say `line 3, column 7:
 * expected "," or "}"`. JSON.parse stays the judge of what is valid; this only locates the
 * error, because V8's messages give no position for an unexpected token and quote the input
 * instead. One pass with an explicit stack, so text of any depth is fine.
 */

export interface JsonSyntaxError {
  /** 0-based offset into the text (the text's length when it ends too early). */
  readonly offset: number;
  readonly reason: string;
}

/** What the scanner expects next. */
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const LITERALS = ['true', 'false', 'null'] as const;

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** End of the string starting at `open` (index after its closing quote), or an error. */
function scanString(text: string, open: number): number | JsonSyntaxError {
  for (let at = open + 1; at < text.length; at++) {
    const c = text[at]!;
    if (c === '"') return at + 1;
    if (c.charCodeAt(0) < 0x20)
      return { offset: at, reason: 'a control character inside a string must be escaped' };
    if (c !== '\\') continue;
    const escaped = text[at + 1];
    if (escaped === undefined) break;
    if (escaped === 'u') {
      HEX4.lastIndex = at + 2;
      if (!HEX4.test(text)) return { offset: at, reason: 'a \\u escape needs four hex digits' };
      at += 5;
    } else if ('"\\/bfnrt'.includes(escaped)) at += 1;
    else return { offset: at, reason: `"\\${escaped}" is not a JSON escape` };
  }
  return { offset: text.length, reason: 'the string is never closed' };
}

/** End of the number, literal or string value starting at `at`, or an error. */
function scanScalar(text: string, at: number): number | JsonSyntaxError {
  const c = text[at]!;
  if (c === '"') return scanString(text, at);
  NUMBER.lastIndex = at;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  for (const word of LITERALS) if (text.startsWith(word, at)) return at + word.length;
  return { offset: at, reason: `unexpected ${JSON.stringify(c)} where a value should be` };
}

/** The first syntax error of `text`, or null when it is one valid JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let at = 0;
  for (;;) {
    while (at < text.length && isSpace(text[at]!)) at++;
    if (at === text.length) {
      if (stack.length === 0 && expect === 'after-value') return null;
      return { offset: at, reason: 'the JSON ends too early' };
    }
    const c = text[at]!;
    const top = stack.at(-1);
    switch (expect) {
      case 'value':
      case 'value-or-close':
        if (c === ']' && expect === 'value-or-close') {
          stack.pop();
          at++;
          expect = 'after-value';
        } else if (c === '{' || c === '[') {
          stack.push(c);
          at++;
          expect = c === '{' ? 'key-or-close' : 'value-or-close';
        } else {
          const end = scanScalar(text, at);
          if (typeof end !== 'number') return end;
          at = end;
          expect = 'after-value';
        }
        break;
      case 'key':
      case 'key-or-close':
        if (c === '}' && expect === 'key-or-close') {
          stack.pop();
          at++;
          expect = 'after-value';
        } else if (c === '"') {
          const end = scanString(text, at);
          if (typeof end !== 'number') return end;
          at = end;
          expect = 'colon';
        } else return { offset: at, reason: 'expected a property name in double quotes' };
        break;
      case 'colon':
        if (c !== ':') return { offset: at, reason: 'expected ":" after the property name' };
        at++;
        expect = 'value';
        break;
      case 'after-value': {
        const close = top === '{' ? '}' : ']';
        if (top === undefined) return { offset: at, reason: 'unexpected text after the JSON' };
        if (c === ',') {
          at++;
          expect = top === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          at++;
        } else return { offset: at, reason: `expected "," or "${close}"` };
        break;
      }
    }
  }
}

/** 1-based line and column of an offset (columns count UTF-16 units, as editors mostly do). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
