import type { OpenAI } from 'openai';
import type { ProviderId } from '../../../../shared/contract';
import type { ModelInfo } from '../../types';

/** `GET {baseURL}/models` through the SDK (it pages, though OpenAI returns one page). */
export async function listSdkModels(
  client: OpenAI,
  provider: ProviderId,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  for await (const model of client.models.list({ signal })) {
    models.push({ id: model.id, provider, name: model.id, source: 'live' });
  }
  return models;
}
