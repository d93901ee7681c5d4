import { z } from 'zod';
import {
  cannotJudge,
  defineMatcher,
  expectedText,
  gradedSchema,
  NO_EXPECTED,
} from '../core/definition';
import { formatScore, quote, renderValue } from '../core/reason-format';

const schema = gradedSchema('similarity', {
  /** Reference text. Absent: the case's expected output. */
  value: z.string({ error: 'value must be a string' }).optional(),
});

export function cosine(a: readonly number[], b: readonly number[]): number | string {
  if (a.length !== b.length) return `embedding sizes differ (${a.length} and ${b.length})`;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 'an embedding is all zeros';
  return dot / Math.sqrt(na * nb);
}

/**
 * Semantic similarity: cosine of the embeddings of output and reference, through the run's
 * embedding model. Negative cosines score 0 (scores are 0..1).
 */
export const similarityMatcher = defineMatcher({
  type: 'similarity',
  aliases: { similar: {} },
  callsModel: true,
  description: 'Embedding cosine similarity with the reference text ≥ threshold (default 0.8).',
  binary: false,
  defaultThreshold: 0.8,
  schema,
  async evaluate(spec, subject, ctx) {
    if (ctx.embed === undefined)
      return cannotJudge('no embedding model configured: similarity needs one');
    const raw = expectedText(spec.value, subject);
    if (raw === undefined) return cannotJudge(NO_EXPECTED);
    const reference = renderValue(raw, subject.vars);
    const { vectors, costPicoUsd } = await ctx.embed([subject.text, reference]);
    const cost = costPicoUsd === null ? {} : { costPicoUsd };
    const [a, b] = vectors;
    if (a === undefined || b === undefined) {
      return {
        ...cannotJudge(`embedding model returned ${vectors.length} vectors for 2 texts`),
        ...cost,
      };
    }
    const sim = cosine(a, b);
    if (typeof sim === 'string')
      return { ...cannotJudge(`cannot compare embeddings: ${sim}`), ...cost };
    return {
      score: Math.max(0, Math.min(1, sim)),
      reason: `cosine similarity ${formatScore(sim)} with ${quote(reference)}`,
      details: { similarity: sim, embeddingCost: costPicoUsd === null ? 'unpriced' : costPicoUsd },
      ...cost,
    };
  },
});
