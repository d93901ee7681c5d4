import { describe, expect, it, vi } from 'vitest';
import { cosine } from './similarity';
import { run } from '../test-support';

/** A stub embedder: each text's vector is looked up in a table. */
function embedder(table: Record<string, number[]>, costPicoUsd: number | null = 10) {
  return vi.fn((texts: readonly string[]) =>
    Promise.resolve({ vectors: texts.map((t) => table[t] ?? [0, 0, 1]), costPicoUsd }),
  );
}

describe('similarity', () => {
  it('passes at cosine ≥ 0.8 by default and reports the embedding cost', async () => {
    const embed = embedder({ 'the cat sat': [1, 0, 0], 'a cat was sitting': [0.9, 0.1, 0] });
    const r = await run(
      { type: 'similarity', value: 'a cat was sitting' },
      'the cat sat',
      {},
      { embed },
    );
    expect(r.pass).toBe(true);
    expect(r.score).toBeCloseTo(0.9939, 3);
    expect(r.reason).toBe(
      'cosine similarity 0.994 with "a cat was sitting" (score 0.994 ≥ threshold 0.8)',
    );
    expect(r.costPicoUsd).toBe(10);
    expect(embed).toHaveBeenCalledWith(['the cat sat', 'a cat was sitting']);
  });

  it('fails below the threshold, and scores negative cosines 0', async () => {
    const embed = embedder({ up: [1, 0], down: [-1, 0], side: [1, 1] });
    expect(
      await run({ type: 'similar', value: 'side', threshold: 0.9 }, 'up', {}, { embed }),
    ).toMatchObject({ pass: false });
    expect(await run({ type: 'similarity', value: 'down' }, 'up', {}, { embed })).toMatchObject({
      pass: false,
      score: 0,
    });
  });

  it('uses the case expected output and inverts under not', async () => {
    const embed = embedder({ a: [1, 0], b: [0, 1] });
    expect(
      await run({ type: 'similarity', not: true }, 'a', { expected: 'b' }, { embed }),
    ).toMatchObject({ pass: true, score: 1 });
  });

  it('fails clearly without an embedding model, or with unusable vectors', async () => {
    expect(await run({ type: 'similarity', value: 'x' }, 'y')).toMatchObject({
      pass: false,
      score: 0,
      reason: 'no embedding model configured: similarity needs one',
    });
    const zero = embedder({ x: [0, 0], y: [1, 0] });
    expect((await run({ type: 'similarity', value: 'x' }, 'y', {}, { embed: zero })).reason).toBe(
      'cannot compare embeddings: an embedding is all zeros',
    );
    const short = vi.fn(() => Promise.resolve({ vectors: [[1]], costPicoUsd: null }));
    expect((await run({ type: 'similarity', value: 'x' }, 'y', {}, { embed: short })).reason).toBe(
      'embedding model returned 1 vectors for 2 texts',
    );
  });

  it('computes cosine and rejects mismatched sizes', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosine([1], [1, 2])).toBe('embedding sizes differ (1 and 2)');
  });
});
