import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropUnicode, foldCase } from './regex-rewrite';

const atom = fc.constantFrom(
  'a',
  'B',
  'k',
  'S',
  'z',
  '1',
  '-',
  '_',
  ' ',
  '.',
  '\\w',
  '\\W',
  '\\d',
  '\\D',
  '\\s',
  '\\S',
  '\\x41',
  '\\u006B',
  '[a-f]',
  '[^a-z]',
  '[A-Z_]',
  '[+-]',
  '[-a]',
  '[Z-a]',
  '[\\d-z]',
  '[^\\W]',
  '[\\s\\S]',
  '[^k1]',
  '[\\x60-\\x7b]',
);
const quantifier = fc.constantFrom('', '', '*', '+', '?', '{1,3}', '*?', '+?');
/**
 * A group repeats a bounded number of times: an unbounded quantifier around a group that
 * holds one ((a*|b)*)+ takes exponential time on the backtracking engine even on 10
 * characters (one random pattern in CI ran past the 20 s limit). Folding case never depends
 * on how often a group repeats.
 */
const groupQuantifier = fc.constantFrom('', '', '?', '{1,3}', '??');

/** Small patterns over `atoms`, with groups, alternation and anchors. */
function patterns(atoms: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.letrec<{ seq: string; piece: string }>((tie) => ({
    piece: fc.oneof(
      { maxDepth: 2, depthIdentifier: 'pattern' },
      { weight: 4, arbitrary: fc.tuple(atoms, quantifier).map(([a, q]) => a + q) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(tie('seq'), tie('seq'), fc.constantFrom('(', '(?:'), groupQuantifier)
          .map(([l, r, open, q]) => `${open}${l}|${r})${q}`),
      },
      { weight: 1, arbitrary: fc.constantFrom('^', '$', '\\b', '\\B') },
    ),
    seq: fc.array(tie('piece'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  })).seq;
}
const pattern = patterns(atom);

// Short texts: the originals run with `i` on the backtracking engine alone, where nested
// quantifiers take exponential time in the text's length.
const text = fc
  .array(
    fc.constantFrom(
      ...['a', 'A', 'b', 'B', 'k', 'K', '\u212a', 's', 'S', '\u017f', 'z', 'Z', '1'],
      ...['-', '_', ' ', '\n', 'é', 'É', '[', '`', '{', '^'],
    ),
    { maxLength: 10 },
  )
  .map((chars) => chars.join(''));

function found(regex: RegExp, input: string) {
  const match = regex.exec(input);
  return match && { index: match.index, groups: [...match] };
}

describe('foldCase', () => {
  it('matches the same spans without i as the pattern did with it', () => {
    let folded = 0;
    fc.assert(
      fc.property(pattern, fc.constantFrom('', 'g', 'm', 's', 'y'), text, (p, flags, input) => {
        let original: RegExp;
        try {
          original = new RegExp(p, `i${flags}`);
        } catch {
          return;
        }
        const rewritten = foldCase(p);
        if (rewritten === null) return;
        folded++;
        expect(found(new RegExp(rewritten, flags), input), `/${p}/ → /${rewritten}/`).toEqual(
          found(original, input),
        );
      }),
      { numRuns: 2000 },
    );
    // The generator's constructs are all foldable: the property must not pass vacuously.
    expect(folded).toBeGreaterThan(1500);
  });

  it('rewrites letters and classes, and leaves other characters as written', () => {
    expect(foldCase('"total":\\s*\\d+')).toBe(
      '"[\\u0074\\u0054][\\u006f\\u004f][\\u0074\\u0054][\\u0061\\u0041][\\u006c\\u004c]":\\s*\\d+',
    );
    expect(foldCase('[^a-c_]')).toBe('[^\\u0061-\\u0063\\u005f\\u0041\\u0042\\u0043]');
  });

  it('refuses what it cannot fold exactly', () => {
    for (const p of ['(a)\\1', 'é', '[à-ÿ]', '(?=a)b', '(?<!a)b', '(?<x>a)\\k<x>', '('])
      expect(foldCase(p), p).toBeNull();
  });
});

const unicodeAtom = fc.constantFrom(
  'a',
  'Z',
  '1',
  '-',
  ' ',
  '😀',
  '\\u{1F600}',
  '\\u{41}',
  '\\u0062',
  '\\-',
  '\\w',
  '\\d',
  '\\s',
  '[a-c]',
  '[😀a]',
  '[\\d_-]',
  '[\\u{1F600}-\\u{1F64F}]',
  '[\\0-\\uFFFF]',
  '.',
  '\\S',
  '[^a]',
  '\\p{L}',
);
const unicodeText = fc
  .array(fc.constantFrom('a', 'b', 'Z', '1', '-', ' ', '😀', '🙏', '\ud83d', '\ude00', 'é', '\n'), {
    maxLength: 8,
  })
  .map((chars) => chars.join(''));

describe('dropUnicode', () => {
  it('matches without u as the pattern did with it', () => {
    let rewritten = 0;
    fc.assert(
      fc.property(
        patterns(unicodeAtom),
        fc.constantFrom('', 'g', 'm', 'y'),
        unicodeText,
        (p, flags, input) => {
          let original: RegExp;
          try {
            original = new RegExp(p, `u${flags}`);
          } catch {
            return;
          }
          const plain = dropUnicode(p);
          if (plain === null) return;
          rewritten++;
          // Where the first match starts can differ only for an empty match, which says the same.
          const first = (regex: RegExp) => regex.exec(input)?.[0] ?? null;
          expect(first(new RegExp(plain, flags)), `/${p}/u → /${plain}/`).toEqual(first(original));
        },
      ),
      { numRuns: 2000 },
    );
    expect(rewritten).toBeGreaterThan(300);
  });

  it('refuses what reads differently without u', () => {
    expect(dropUnicode('^[0-9]{5}$')).toBe('^[\\u0030-\\u0039]{5}$');
    for (const p of ['.', '\\S', '[^a]', '\\p{L}', '😀', '\\B', '(a)\\1', '(?=a)', '[\\0-\\uFFFF]'])
      expect(dropUnicode(p), p).toBeNull();
  });
});
