import type { ModelInfo } from '../../types';
import { ProviderError, classifyStatus } from '../../provider-error';
import { toProviderError } from '../openai/errors';
import { serverOrigin } from './origin';

const PROVIDER = 'local';

/** The part of Ollama's `GET /api/tags` reply we read. */
interface TagsReply {
  readonly models?: readonly { readonly name?: unknown }[] | null;
}

/** Lists models through Ollama's native API, for servers whose `/v1/models` is missing. */
export async function listOllamaTags(baseUrl: string, signal?: AbortSignal): Promise<ModelInfo[]> {
  const url = `${serverOrigin(baseUrl)}/api/tags`;
  let reply: TagsReply;
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) {
      throw new ProviderError({
        provider: PROVIDER,
        errorClass: classifyStatus(res.status),
        status: res.status,
        message: `GET ${url} failed`,
      });
    }
    reply = (await res.json()) as TagsReply;
  } catch (err) {
    throw toProviderError(err, { provider: PROVIDER, signal });
  }
  const names = (reply.models ?? []).map((m) => m.name).filter((n) => typeof n === 'string');
  return names.map((id) => ({ id, provider: PROVIDER, name: id, source: 'live' }));
}
