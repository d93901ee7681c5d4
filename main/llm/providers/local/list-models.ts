import type { OpenAI } from 'openai';
import type { ModelInfo } from '../../types';
import { toProviderError } from '../openai/errors';
import { listSdkModels } from '../openai/list-models';
import { listOllamaTags } from './ollama-tags';

const PROVIDER = 'local';

/**
 * `GET {baseUrl}/models` first (every OpenAI-compatible server); when that fails or lists
 * nothing, Ollama's `/api/tags`. If both fail, the first error is the one worth showing:
 * the tags endpoint is only a guess that the server is Ollama.
 */
export async function listLocalModels(
  client: OpenAI,
  baseUrl: string,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  let firstError: unknown = null;
  try {
    const models = await listSdkModels(client, PROVIDER, signal);
    if (models.length > 0) return models;
  } catch (err) {
    firstError = err;
  }
  if (signal?.aborted) throw toProviderError(signal.reason, { provider: PROVIDER, signal });
  try {
    return await listOllamaTags(baseUrl, signal);
  } catch {
    if (firstError === null) return [];
    throw toProviderError(firstError, { provider: PROVIDER, signal });
  }
}
