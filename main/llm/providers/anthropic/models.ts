import type { Anthropic } from '@anthropic-ai/sdk';
import type { ModelInfo } from '../../types';

/** Lists the models the key can use, following pages until the API says there are no more. */
export async function listAnthropicModels(
  client: Anthropic,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  // 1000 is the API's page maximum: one round trip for any realistic account.
  for await (const model of client.models.list({ limit: 1000 }, { signal })) {
    models.push({ id: model.id, provider: 'anthropic', name: model.display_name, source: 'live' });
  }
  return models;
}
