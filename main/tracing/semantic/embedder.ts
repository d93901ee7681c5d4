import type { LlmService } from '../../llm/llm-service';
import type { Store } from '../../store/store';
import { openVectorIndex, type VectorIndex } from '../../store/vectors/vector-index';
import { indexName, type IndexKind, type ModelRef } from './model-ref';

/** Texts a request: OpenAI takes up to 2048, local servers far fewer; 64 keeps requests small. */
export const EMBED_BATCH = 64;

export type Embed = (
  texts: readonly string[],
  signal?: AbortSignal,
) => Promise<(Float32Array | null)[]>;

/**
 * Embeds through the call path (limits, exact cost); a vector with no direction (all zeros,
 * or not finite) comes back as null: it has no cosine distance, so it cannot be indexed.
 */
export function embedder(llm: LlmService, ref: ModelRef): Embed {
  return async (texts, signal) => {
    const out: (Float32Array | null)[] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const part = texts.slice(i, i + EMBED_BATCH);
      const { vectors } = await llm.embed(ref.provider, ref.model, part, signal);
      for (let j = 0; j < part.length; j++) out.push(usable(vectors[j]));
    }
    return out;
  };
}

function usable(vector: number[] | undefined): Float32Array | null {
  if (!vector || vector.length === 0) return null;
  const v = Float32Array.from(vector);
  let squares = 0;
  for (const x of v) {
    if (!Number.isFinite(x)) return null;
    squares += x * x;
  }
  return squares > 0 ? v : null;
}

export type ModelIndexes = Record<IndexKind, VectorIndex>;

/**
 * The model's three indexes. Their dimension is the model's: learnt from one probe embedding
 * (an existing index of other dimensions for the same name is a CONFLICT from the store).
 */
export async function openModelIndexes(
  store: Store,
  embed: Embed,
  ref: ModelRef,
  signal?: AbortSignal,
): Promise<ModelIndexes> {
  const [probe] = await embed(['dimension probe'], signal);
  if (!probe) {
    throw new Error(`The embedding model ${ref.spec} answered an empty or zero vector`);
  }
  const open = (kind: IndexKind) => openVectorIndex(store, indexName(kind, ref), probe.length);
  return {
    traces: await open('traces'),
    interactions: await open('interactions'),
    evals: await open('evals'),
  };
}
