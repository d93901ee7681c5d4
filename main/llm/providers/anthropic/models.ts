import type { Anthropic } from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { ModelInfo } from '../../types';
import {
  checkListing,
  fittingEntries,
  listedIdSchema,
  listUnder,
  MAX_LISTING_PAGES,
  optionalText,
  readListingJson,
  unusableListing,
} from '../listing-reply';

const source = { provider: 'anthropic', what: 'GET /v1/models' } as const;

/** The parts of an entry Assay reads; a missing or odd display name falls back to the id. */
const entrySchema = z.object({ id: listedIdSchema, display_name: optionalText });

/**
 * Lists the models the key can use, following pages while the API says there are more. Read
 * leniently (see listing-reply.ts): an Anthropic-compatible server may leave out
 * `display_name`, and a reply that keeps saying `has_more` ends after MAX_LISTING_PAGES.
 */
export async function listAnthropicModels(
  client: Anthropic,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  const models = new Map<string, ModelInfo>();
  let entries = 0;
  let fitting = 0;
  let afterId: string | undefined;
  for (let page = 0; ; page++) {
    if (page === MAX_LISTING_PAGES)
      throw unusableListing(source, `the listing goes on past ${MAX_LISTING_PAGES} pages`);
    // 1000 is the API's page maximum: one round trip for any realistic account. The raw
    // response, so a malformed page is read here; the SDK still throws for a non-2xx status.
    const res = await client.models
      .list({ limit: 1000, ...(afterId === undefined ? {} : { after_id: afterId }) }, { signal })
      .asResponse();
    const body = await readListingJson(res, source);
    const list = listUnder(body, 'data', source);
    const found = fittingEntries(list, entrySchema);
    entries += list.length;
    fitting += found.length;
    for (const e of found)
      if (!models.has(e.id))
        models.set(e.id, {
          id: e.id,
          provider: 'anthropic',
          name: e.display_name ?? e.id,
          source: 'live',
        });
    checkListing({ entries, fitting, models: models.size }, source);
    const { has_more: hasMore, last_id: lastId } = body as Record<string, unknown>;
    if (hasMore !== true) break;
    if (typeof lastId !== 'string' || lastId === '' || lastId === afterId)
      throw unusableListing(source, 'the reply says there is more but names no next page');
    afterId = lastId;
  }
  return [...models.values()];
}
