import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddingModelSchema } from '../../../shared/contract';
import { indexName, parseModelRef } from './model-ref';
import { evalResultText, interactionText, MAX_EMBED_CHARS, traceText } from './item-texts';

const NAME = /^[a-z][a-z0-9_]{0,40}$/;

describe('the embedding model setting', () => {
  it('splits provider:model at the first colon (local model tags keep theirs)', () => {
    expect(parseModelRef('local:nomic-embed-text:latest')).toMatchObject({
      provider: 'local',
      model: 'nomic-embed-text:latest',
    });
    expect(parseModelRef('openai:text-embedding-3-small')).toMatchObject({ provider: 'openai' });
    expect(parseModelRef(null)).toBeNull();
    expect(parseModelRef('anthropic:claude')).toBeNull();
  });

  it('refuses providers without embeddings and bare names in the contract', () => {
    for (const bad of ['anthropic:x', 'text-embedding-3-small', 'openai:', 'openai: x'])
      expect(embeddingModelSchema.safeParse(bad).success).toBe(false);
  });

  it('names a valid vector index for any model, different per model and kind', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.string(), (a, b) => {
        const ra = parseModelRef(`local:${a}x`)!;
        const rb = parseModelRef(`local:${b}y`)!;
        for (const kind of ['traces', 'interactions', 'evals'] as const) {
          expect(indexName(kind, ra)).toMatch(NAME);
        }
        expect(indexName('traces', ra)).not.toBe(indexName('interactions', ra));
        if (ra.spec !== rb.spec) expect(indexName('traces', ra)).not.toBe(indexName('traces', rb));
      }),
    );
  });
});

describe('embedded texts', () => {
  it('take the words of traces, interactions and eval results, bounded in size', () => {
    expect(traceText({ name: 'chat', input_preview: 'hi there', output_preview: null })).toBe(
      'hi there\nchat',
    );
    expect(
      interactionText({
        type: 'chat',
        input_json: JSON.stringify('x'.repeat(10_000)),
        output_json: JSON.stringify({ answer: 'y' }),
      }),
    ).toHaveLength(MAX_EMBED_CHARS);
    expect(
      evalResultText({
        vars_json: JSON.stringify({ q: 'capital of France' }),
        output: null,
        error_message: 'timed out',
      }),
    ).toBe('capital of France\ntimed out');
  });
});
