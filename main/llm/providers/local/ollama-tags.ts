import { z } from 'zod';
import type { ModelInfo } from '../../types';
import { ProviderError, classifyStatus } from '../../provider-error';
import {
  checkListing,
  fittingEntries,
  listedIdSchema,
  listUnder,
  readListingJson,
} from '../listing-reply';
import { toProviderError } from '../openai/errors';
import { serverOrigin } from './origin';

const PROVIDER = 'local';

/** The part of an Ollama `GET /api/tags` entry Assay reads. */
const entrySchema = z.object({ name: listedIdSchema });

/** Lists models through Ollama's native API, for servers whose `/v1/models` is missing. */
export async function listOllamaTags(baseUrl: string, signal?: AbortSignal): Promise<ModelInfo[]> {
  const url = `${serverOrigin(baseUrl)}/api/tags`;
  const source = { provider: PROVIDER, what: 'GET /api/tags' } as const;
  let body: unknown;
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) {
      await res.body?.cancel();
      throw new ProviderError({
        provider: PROVIDER,
        errorClass: classifyStatus(res.status),
        status: res.status,
        message: `GET ${url} failed`,
      });
    }
    body = await readListingJson(res, source);
  } catch (err) {
    throw toProviderError(err, { provider: PROVIDER, signal });
  }
  // Ollama answers `"models": null` when it has none.
  const entries = listUnder(body, 'models', source, 'empty');
  const fitting = fittingEntries(entries, entrySchema);
  const ids = [...new Set(fitting.map((e) => e.name))];
  checkListing({ entries: entries.length, fitting: fitting.length, models: ids.length }, source);
  return ids.map((id) => ({ id, provider: PROVIDER, name: id, source: 'live' }));
}
