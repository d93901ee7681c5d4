import type { OpenAI } from 'openai';
import { z } from 'zod';
import type { ProviderId } from '../../../../shared/contract';
import type { ModelInfo } from '../../types';
import {
  checkListing,
  fittingEntries,
  listedIdSchema,
  listUnder,
  readListingJson,
} from '../listing-reply';

/** The part of an OpenAI `/models` entry Assay reads. */
const entrySchema = z.object({ id: listedIdSchema });

/**
 * `GET {baseURL}/models` through the SDK (its auth, base URL and error mapping), read leniently:
 * OpenAI-compatible servers answer it in many shapes, and the SDK's own parsing crashes on some
 * (`data: null`) and silently lists nothing for others (an HTML page). See listing-reply.ts.
 */
export async function listSdkModels(
  client: OpenAI,
  provider: ProviderId,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  const source = { provider, what: 'GET /models' };
  // The raw response: the SDK still throws its APIError for a non-2xx status.
  const res = await client.models.list({ signal }).asResponse();
  const entries = listUnder(await readListingJson(res, source), 'data', source);
  const fitting = fittingEntries(entries, entrySchema);
  const models = [...new Set(fitting.map((e) => e.id))].map((id): ModelInfo => ({
    id,
    provider,
    name: id,
    source: 'live',
  }));
  checkListing({ entries: entries.length, fitting: fitting.length, models: models.length }, source);
  return models;
}
