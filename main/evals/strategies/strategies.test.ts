import { describe, expect, it } from 'vitest';
import { extractJson } from './json-extract';
import { labelKey, normalizeLabelText } from './label';
import { getStrategy, INTERACTION_TYPES, prepareOutput } from './registry';

describe('extractJson', () => {
  it('parses the whole text first', () => {
    expect(extractJson(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 }, source: 'whole' });
    expect(extractJson('[1, 2]')).toEqual({ ok: true, value: [1, 2], source: 'whole' });
    expect(extractJson('42')).toEqual({ ok: true, value: 42, source: 'whole' });
  });

  it('takes the first ```json fenced block', () => {
    const text =
      'Here you go:\n```json\n{"name": "Ada"}\n```\nand another\n```json\n{"name": "Bob"}\n```';
    expect(extractJson(text)).toEqual({ ok: true, value: { name: 'Ada' }, source: 'fenced' });
  });

  it('prefers a json-labelled fence over an unlabelled one, and accepts unlabelled ones', () => {
    expect(extractJson('```\n[1]\n```\n```json\n[2]\n```')).toMatchObject({ value: [2] });
    expect(extractJson('see:\n```\n{"x": true}\n```')).toMatchObject({
      ok: true,
      value: { x: true },
    });
  });

  it('falls back to the first balanced object or array in prose', () => {
    expect(extractJson('The answer is {"total": 3, "items": [{"a": "}"}]} as requested.')).toEqual({
      ok: true,
      value: { total: 3, items: [{ a: '}' }] },
      source: 'embedded',
    });
    expect(extractJson('values: [1, 2, 3].')).toMatchObject({ value: [1, 2, 3] });
  });

  it('skips balanced spans that are not JSON', () => {
    expect(extractJson('use {curly} braces, result {"ok": true}')).toMatchObject({
      value: { ok: true },
    });
  });

  it('handles escaped quotes inside strings', () => {
    expect(extractJson('x {"q": "say \\"hi\\" {"} y')).toMatchObject({
      value: { q: 'say "hi" {' },
    });
  });

  it('reports failure with the parser message', () => {
    const r = extractJson('no json here');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^no JSON found in the output \(.+\)$/);
    expect(extractJson('   ')).toEqual({ ok: false, error: 'the output is empty' });
    expect(extractJson('{"a": 1')).toMatchObject({ ok: false });
  });

  it('stays fast on pathological input', () => {
    const started = performance.now();
    expect(extractJson('['.repeat(50_000)).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('labels', () => {
  it('keeps the first line and strips quotes, emphasis and punctuation at the ends', () => {
    expect(normalizeLabelText('"Positive".')).toBe('Positive');
    expect(normalizeLabelText('\n\n**negative**\nBecause the review…')).toBe('negative');
    expect(normalizeLabelText("  'needs  review'!  ")).toBe('needs review');
    expect(normalizeLabelText('')).toBe('');
    expect(labelKey(' Needs   Review ')).toBe('needs review');
  });
});

describe('strategies', () => {
  it('registers one strategy per interaction type', () => {
    expect(INTERACTION_TYPES).toEqual(['chat', 'extraction', 'classification', 'generation']);
    for (const type of INTERACTION_TYPES) expect(getStrategy(type)?.type).toBe(type);
  });

  it('chat and generation keep the text as is', () => {
    expect(prepareOutput('chat', ' Hi there\n')).toEqual({ text: ' Hi there\n' });
    expect(prepareOutput('generation', '# Title')).toEqual({ text: '# Title' });
  });

  it('extraction parses JSON and notes where it came from', () => {
    expect(prepareOutput('extraction', '{"a":1}')).toEqual({ text: '{"a":1}', json: { a: 1 } });
    const fenced = prepareOutput('extraction', '```json\n{"a":1}\n```');
    expect(fenced).toMatchObject({ json: { a: 1 }, note: 'JSON taken from a fenced code block' });
    expect(prepareOutput('extraction', 'Result: {"a":1}').note).toBe(
      'JSON taken from text around it',
    );
    const failed = prepareOutput('extraction', 'sorry, I cannot');
    expect(failed.json).toBeUndefined();
    expect(failed.note).toMatch(/^no JSON found/);
  });

  it('classification reduces the reply to a label', () => {
    expect(prepareOutput('classification', '"Spam"\nIt contains a link.')).toEqual({
      text: 'Spam',
      note: 'label read as "Spam"',
    });
    expect(prepareOutput('classification', 'ham')).toEqual({ text: 'ham' });
  });

  it('judges unknown interaction types as chat, and says so', () => {
    expect(getStrategy('summarize')).toBeUndefined();
    expect(prepareOutput('summarize', 'x')).toEqual({
      text: 'x',
      note: 'unknown interaction type "summarize"; output judged as chat',
    });
  });
});
