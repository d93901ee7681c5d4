import {
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  type BedrockClient,
  type InferenceProfileType,
} from '@aws-sdk/client-bedrock';
import { z } from 'zod';
import type { ModelInfo } from '../../types';
import {
  checkListing,
  fittingEntries,
  listedIdSchema,
  listUnder,
  MAX_LISTING_PAGES,
  optionalText,
  unusableListing,
} from '../listing-reply';
import { readableListingError } from './listing-guard';

/** A list of strings, or absent: anything else reads as absent rather than rejecting the entry. */
const optionalStrings = z.array(z.unknown()).optional().catch(undefined);

/** The parts of a foundation model summary Assay reads. */
const foundationSchema = z.object({
  modelId: listedIdSchema,
  modelName: optionalText,
  outputModalities: optionalStrings,
  inferenceTypesSupported: optionalStrings,
});

/** The parts of an inference profile summary Assay reads; which id counts depends on the type. */
const profileSchema = z.object({
  inferenceProfileId: listedIdSchema.optional().catch(undefined),
  inferenceProfileArn: listedIdSchema.optional().catch(undefined),
  inferenceProfileName: optionalText,
  status: optionalText,
});
type Profile = z.infer<typeof profileSchema>;

/** One listing: how many entries it had, how many fit, and the models they give. */
interface Listed {
  readonly entries: number;
  readonly fitting: number;
  readonly models: readonly ModelInfo[];
}

/** Sends a listing request; a reply the SDK cannot parse becomes a one-line error. */
async function send<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw readableListingError(err, what);
  }
}

/**
 * Foundation models that produce text and can be called on demand by their own id. Models
 * offered only through inference profiles (`inferenceTypesSupported: ['INFERENCE_PROFILE']`)
 * reject on-demand calls, so they appear through their profiles instead.
 */
async function foundationModels(
  client: BedrockClient,
  signal: AbortSignal | undefined,
): Promise<Listed> {
  const what = 'ListFoundationModels';
  const out = await send(what, () =>
    client.send(new ListFoundationModelsCommand({ byOutputModality: 'TEXT' }), {
      abortSignal: signal,
    }),
  );
  // Bedrock always sends the list, empty or not: a reply without it is not this listing.
  const entries = listUnder(out, 'modelSummaries', { provider: 'bedrock', what });
  const fitting = fittingEntries(entries, foundationSchema);
  const models = fitting
    .filter((m) => (m.outputModalities ?? []).includes('TEXT'))
    .filter((m) => (m.inferenceTypesSupported ?? ['ON_DEMAND']).includes('ON_DEMAND'))
    .map((m): ModelInfo => {
      const name = m.modelName ?? m.modelId;
      return { id: m.modelId, provider: 'bedrock', name, source: 'live' };
    });
  return { entries: entries.length, fitting: fitting.length, models };
}

/**
 * All profiles of one type, following nextToken until the listing ends (or stops making
 * progress: a token seen before, or more pages than any account has). System-defined profiles
 * are called by id (`us.anthropic…`); application profiles only by ARN, so they are listed so.
 */
async function profiles(
  client: BedrockClient,
  typeEquals: InferenceProfileType,
  signal: AbortSignal | undefined,
): Promise<Listed> {
  const what = 'ListInferenceProfiles';
  const source = { provider: 'bedrock', what } as const;
  const seen = new Set<string>();
  const all: Profile[] = [];
  let entries = 0;
  let nextToken: string | undefined;
  do {
    if (seen.size === MAX_LISTING_PAGES)
      throw unusableListing(source, `the listing goes on past ${MAX_LISTING_PAGES} pages`);
    const page = await send(what, () =>
      client.send(new ListInferenceProfilesCommand({ typeEquals, nextToken }), {
        abortSignal: signal,
      }),
    );
    // Accounts without profiles may get no list at all.
    const list = listUnder(page, 'inferenceProfileSummaries', source, 'empty');
    entries += list.length;
    all.push(...fittingEntries(list, profileSchema));
    seen.add(nextToken ?? '');
    const token: unknown = (page as { nextToken?: unknown }).nextToken;
    nextToken = typeof token === 'string' && token !== '' ? token : undefined;
    if (nextToken !== undefined && seen.has(nextToken))
      throw unusableListing(source, 'the reply names a next page it already gave');
  } while (nextToken);
  const idOf = (p: Profile) =>
    typeEquals === 'APPLICATION' ? p.inferenceProfileArn : p.inferenceProfileId;
  const models = all.flatMap((p): ModelInfo[] => {
    const id = idOf(p);
    return id && (p.status ?? 'ACTIVE') === 'ACTIVE'
      ? [{ id, provider: 'bedrock', name: p.inferenceProfileName ?? id, source: 'live' }]
      : [];
  });
  // A profile without the id its type is called by does not fit either.
  return { entries, fitting: all.filter((p) => idOf(p) !== undefined).length, models };
}

/**
 * Live models: on-demand foundation models, then inference profiles. Read leniently (see
 * listing-reply.ts): entries that do not fit are skipped, and a reply with nothing usable is
 * one ProviderError for the caller to fall back on.
 */
export async function listBedrockModels(
  client: BedrockClient,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  // The three listings run in parallel; the first failure cancels the others, so a failed
  // listing does not leave requests running behind the error the caller already has.
  const siblings = new AbortController();
  const follow = (): void => siblings.abort(signal?.reason);
  if (signal?.aborted) follow();
  signal?.addEventListener('abort', follow, { once: true });
  const cancelOthers = (err: unknown): never => {
    siblings.abort();
    throw err;
  };
  const listings = await Promise.all([
    foundationModels(client, siblings.signal).catch(cancelOthers),
    profiles(client, 'SYSTEM_DEFINED', siblings.signal).catch(cancelOthers),
    profiles(client, 'APPLICATION', siblings.signal).catch(cancelOthers),
  ]).finally(() => signal?.removeEventListener('abort', follow));
  // One entry per id, first listing wins.
  const models = [...new Map(listings.flatMap((l) => l.models).map((m) => [m.id, m])).values()];
  const count = (key: 'entries' | 'fitting') => listings.reduce((n, l) => n + l[key], 0);
  checkListing(
    { entries: count('entries'), fitting: count('fitting'), models: models.length },
    { provider: 'bedrock', what: 'the model listing' },
  );
  return models;
}
