import { describe, expect, it } from 'vitest';
import { fromPromptfooAssert, parseMatcherSpec, PROMPTFOO_TYPES } from './registry';

function mapped(assert: { type: string; [key: string]: unknown }) {
  const r = fromPromptfooAssert(assert);
  if (!r.ok) throw new Error(r.reason);
  return r.matcher;
}

describe('fromPromptfooAssert', () => {
  it('maps the common types', () => {
    expect(mapped({ type: 'equals', value: 'Paris' })).toEqual({ type: 'exact', value: 'Paris' });
    expect(mapped({ type: 'equals', value: { a: 1 } })).toEqual({
      type: 'equals-json',
      value: { a: 1 },
    });
    expect(mapped({ type: 'icontains', value: 'refund', weight: 2, metric: 'tone' })).toEqual({
      type: 'contains',
      value: 'refund',
      ignoreCase: true,
      weight: 2,
      metric: 'tone',
    });
    expect(mapped({ type: 'contains-any', value: ['a', 'b'] })).toEqual({
      type: 'contains',
      values: ['a', 'b'],
      mode: 'any',
    });
    expect(mapped({ type: 'icontains-all', value: 'a, b ,c' })).toEqual({
      type: 'contains',
      values: ['a', 'b', 'c'],
      mode: 'all',
      ignoreCase: true,
    });
    expect(mapped({ type: 'starts-with', value: 'Dear' })).toEqual({
      type: 'starts-with',
      value: 'Dear',
    });
    expect(mapped({ type: 'regex', value: '^\\d+$' })).toEqual({
      type: 'regex',
      pattern: '^\\d+$',
    });
    expect(mapped({ type: 'is-json', value: { type: 'object' } })).toEqual({
      type: 'is-json',
      schema: { type: 'object' },
    });
    expect(mapped({ type: 'contains-json' })).toEqual({ type: 'is-json', extract: true });
    expect(mapped({ type: 'levenshtein', value: 'kitten', threshold: 2 })).toEqual({
      type: 'levenshtein',
      value: 'kitten',
      maxDistance: 2,
    });
    expect(mapped({ type: 'levenshtein', value: 'kitten' })).toMatchObject({ maxDistance: 5 });
    expect(mapped({ type: 'similar', value: 'hi' })).toEqual({
      type: 'similarity',
      value: 'hi',
      threshold: 0.75,
    });
    expect(
      mapped({
        type: 'llm-rubric',
        value: 'is polite',
        provider: 'openai:gpt-4o-mini',
        threshold: 0.8,
      }),
    ).toEqual({
      type: 'llm-judge',
      rubric: 'is polite',
      provider: 'openai',
      model: 'gpt-4o-mini',
      threshold: 0.8,
    });
    expect(
      mapped({ type: 'llm-rubric', value: 'r', provider: { id: 'ollama:chat:llama3' } }),
    ).toMatchObject({ provider: 'local', model: 'llama3' });
    expect(mapped({ type: 'javascript', value: 'output.length < 50' })).toEqual({
      type: 'javascript',
      code: 'output.length < 50',
    });
    expect(mapped({ type: 'cost', threshold: 0.002 })).toEqual({ type: 'cost', maxUsd: 0.002 });
    expect(mapped({ type: 'latency', threshold: 1500 })).toEqual({ type: 'latency', maxMs: 1500 });
    expect(fromPromptfooAssert({ type: 'classifier', value: 'positive' })).toMatchObject({
      ok: true,
      matcher: { type: 'classification', value: 'positive' },
      note: expect.stringContaining('HuggingFace'),
    });
  });

  it('maps not- prefixes to not', () => {
    expect(mapped({ type: 'not-contains', value: 'sorry' })).toEqual({
      type: 'contains',
      value: 'sorry',
      not: true,
    });
    expect(mapped({ type: 'not-is-json' })).toEqual({ type: 'is-json', not: true });
  });

  it('produces matchers that validate', () => {
    for (const type of PROMPTFOO_TYPES) {
      const assert = {
        type,
        value: type === 'is-json' || type === 'contains-json' ? undefined : 'a,b',
        threshold: type === 'similar' || type === 'llm-rubric' || type === 'javascript' ? 0.5 : 3,
      };
      const result = fromPromptfooAssert(assert);
      expect(result.ok, type).toBe(true);
      if (result.ok) expect(parseMatcherSpec(result.matcher).ok, type).toBe(true);
    }
  });

  it('refuses what it cannot map faithfully, naming the type', () => {
    expect(fromPromptfooAssert({ type: 'factuality', value: 'x' })).toEqual({
      ok: false,
      reason: 'promptfoo assertion type "factuality" has no Assay equivalent',
    });
    expect(fromPromptfooAssert({ type: 'not-rouge-n', value: 'x' })).toEqual({
      ok: false,
      reason: 'promptfoo assertion type "not-rouge-n" has no Assay equivalent',
    });
    expect(fromPromptfooAssert({ type: 'javascript', value: 'file://check.js' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('file://check.js is not loaded'),
    });
    expect(
      fromPromptfooAssert({ type: 'contains', value: 'x', transform: 'output.trim()' }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('transform') });
    expect(fromPromptfooAssert({ type: 'cost' })).toEqual({
      ok: false,
      reason: 'cost: cost needs threshold (the maximum in USD)',
    });
    expect(fromPromptfooAssert({ type: 'is-json', value: 'type: object' })).toMatchObject({
      ok: false,
    });
    expect(fromPromptfooAssert({ type: 'llm-rubric', value: 'r', provider: 'gpt-4' })).toEqual({
      ok: false,
      reason: 'llm-rubric: provider must be "provider:model" text',
    });
    expect(fromPromptfooAssert({ type: 'toString' })).toMatchObject({ ok: false });
  });
});
