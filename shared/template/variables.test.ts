import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractVariables, renderTemplate } from './variables';

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,15}$/);

describe('template variables', () => {
  it('extracts names in order of first use, once each', () => {
    expect(extractVariables('Hi {{name}}, {{ topic }} and {{name}} again; {{a.b-c}}')).toEqual([
      'name',
      'topic',
      'a.b-c',
    ]);
  });

  it('leaves JSON and other brace text alone', () => {
    const text =
      'Reply as {{"answer": 42}} or {{ 1 + 1 }} or {{}} or {"a": {"b": 1}}} or {{ user_name }}';
    expect(extractVariables(text)).toEqual(['user_name']);
    expect(renderTemplate(text, { user_name: 'Ada' }).text).toBe(
      'Reply as {{"answer": 42}} or {{ 1 + 1 }} or {{}} or {"a": {"b": 1}}} or Ada',
    );
  });

  it('lists every missing variable and keeps them visible', () => {
    expect(renderTemplate('{{a}} {{b}} {{a}} {{c}}', { b: 'B' })).toEqual({
      text: '{{a}} B {{a}} {{c}}',
      missing: ['a', 'c'],
    });
  });

  it('renders an escaped \\{{ as a literal {{ and does not count it', () => {
    expect(extractVariables('literal \\{{name}}')).toEqual([]);
    expect(renderTemplate('literal \\{{name}}', {}).text).toBe('literal {{name}}');
  });

  it('inserts values verbatim, even when they look like variables', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}} $& $1' })).toEqual({
      text: '{{b}} $& $1',
      missing: [],
    });
  });

  it('property: any text without "{{" survives rendering unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.dictionary(identifier, fc.string()),
        (text, values) => {
          fc.pre(!text.includes('{{'));
          expect(renderTemplate(text, values)).toEqual({ text, missing: [] });
          expect(extractVariables(text)).toEqual([]);
        },
      ),
    );
  });

  it('property: JSON examples, even wrapped in double braces, render unchanged', () => {
    const noBraceStrings = fc.string().map((t) => t.replaceAll('{', '(').replaceAll('\\', '/'));
    const json = fc
      .oneof(
        fc.array(fc.jsonValue({ maxDepth: 3 })),
        fc.dictionary(noBraceStrings, fc.jsonValue({ maxDepth: 3 })),
      )
      .map((v) => JSON.stringify(v).replaceAll('{{', '{ {'));
    fc.assert(
      fc.property(json, (example) => {
        const text = `Answer like ${example} or {{${example}}}.`;
        expect(extractVariables(text)).toEqual([]);
        expect(renderTemplate(text, { anything: 'x' })).toEqual({ text, missing: [] });
      }),
    );
  });

  it('property: rendering with every extracted variable leaves none missing and no placeholder behind', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), identifier)), fc.string(), (pieces, tail) => {
        const plain = (t: string): string => t.replaceAll('{', '(').replaceAll('\\', '/');
        const text = pieces.map(([t, v]) => `${plain(t)}{{${v}}}`).join('') + plain(tail);
        const names = extractVariables(text);
        expect(names).toEqual([...new Set(pieces.map(([, v]) => v))]);
        const values = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
        const out = renderTemplate(text, values);
        expect(out.missing).toEqual([]);
        expect(extractVariables(out.text)).toEqual([]);
      }),
    );
  });
});
