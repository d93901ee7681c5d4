import type { OpenAI } from 'openai';
import type { ModelInfo } from '../../types';
import { toProviderError } from '../openai/errors';
import { listSdkModels } from '../openai/list-models';
import { listOllamaTags } from './ollama-tags';

const PROVIDER = 'local';

/**
 * `GET {baseUrl}/models` first (every OpenAI-compatible server); when that fails or lists
 * nothing, Ollama's `/api/tags`. When `/models` failed and the tags endpoint fails too or lists
 * nothing, the first error is the one worth showing: the tags endpoint is only a guess that the
 * server is Ollama, and an empty answer from it does not make the failed listing a success.
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
  let tags: ModelInfo[] = [];
  try {
    tags = await listOllamaTags(baseUrl, signal);
  } catch {
    // The first error (or an honest empty listing) says more; see above.
  }
  if (tags.length > 0 || firstError === null) return tags;
  throw toProviderError(firstError, { provider: PROVIDER, signal });
}
