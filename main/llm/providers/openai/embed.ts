import type { OpenAI } from 'openai';
import type { EmbeddingResult } from '../../types';
import { toProviderError } from './errors';

/** Embeddings through the SDK; vectors come back in input order (the API sorts by index). */
export async function runEmbed(
  client: OpenAI,
  provider: string,
  model: string,
  texts: readonly string[],
  signal?: AbortSignal,
): Promise<EmbeddingResult> {
  try {
    const res = await client.embeddings.create({ model, input: [...texts] }, { signal });
    const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    return { vectors, inputTokens: res.usage?.prompt_tokens ?? 0 };
  } catch (err) {
    throw toProviderError(err, { provider, signal });
  }
}
