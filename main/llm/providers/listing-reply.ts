import { z } from 'zod';
import type { ProviderId } from '../../../shared/contract';
import { ProviderError } from '../provider-error';

/**
 * Reading a provider's model listing leniently. A listing comes from whatever answers at the
 * configured URL: a proxy's HTML login page, a half-compatible local server, a truncated body.
 * None of that may crash the caller or reach the user as a parser's dump: entries that do not
 * fit are skipped, and a reply with nothing usable is one ProviderError with a one-line reason,
 * which the LLM service turns into a catalog fallback.
 */

/** Real listings are tens of kilobytes; a reply past this is not a listing. */
export const MAX_LISTING_BYTES = 8 * 1024 * 1024;
/** No provider offers this many models; a listing past it is not one to show. */
export const MAX_LISTED_MODELS = 10_000;
/** Paged listings (Anthropic, Bedrock's profiles) stop here, whatever the reply says. */
export const MAX_LISTING_PAGES = 20;

/** A model id as a listing may name it: the bounds of a call's model id, no control characters. */
export const listedIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(512)
  .regex(/^[^\p{Cc}]+$/u);

/** An optional display field: anything but a non-empty string reads as absent. */
export const optionalText = z.string().trim().min(1).max(512).optional().catch(undefined);

/** Where a listing came from, for messages: `openai`, `GET /models`. */
export interface ListingSource {
  readonly provider: ProviderId;
  readonly what: string;
}

/** A listing reply Assay cannot use, as the provider's error (one line, no body excerpt). */
export function unusableListing(source: ListingSource, reason: string): ProviderError {
  return new ProviderError({
    provider: source.provider,
    errorClass: 'unknown',
    message: `${source.what}: ${reason}`,
  });
}

/** What a JSON value is, in words: never the value itself. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The body as bytes, refusing to hold more than `MAX_LISTING_BYTES` of it. */
async function readCapped(res: Response, source: ListingSource): Promise<Uint8Array> {
  const tooLarge = () =>
    unusableListing(source, `the reply is larger than ${megabytes(MAX_LISTING_BYTES)}`);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_LISTING_BYTES) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_LISTING_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A listing reply (already known to be a 2xx) parsed as JSON, within the size limit. */
export async function readListingJson(res: Response, source: ListingSource): Promise<unknown> {
  const text = new TextDecoder().decode(await readCapped(res, source));
  if (text.trim() === '') throw unusableListing(source, 'the reply is empty');
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    const type = res.headers.get('content-type')?.split(';')[0]?.trim() || 'no content type';
    throw unusableListing(source, `the reply is not JSON (${type})`);
  }
}

/**
 * The list under `key` of a listing reply. `missing: 'empty'` reads an absent or null list as
 * no entries (Ollama sends `"models": null` when it has none); otherwise that is unusable.
 */
export function listUnder(
  body: unknown,
  key: string,
  source: ListingSource,
  missing: 'empty' | 'unusable' = 'unusable',
): readonly unknown[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw unusableListing(
      source,
      `the reply is ${describeJson(body)}, not an object with a "${key}" list`,
    );
  const list = (body as Record<string, unknown>)[key];
  if (list === undefined || list === null) {
    if (missing === 'empty') return [];
    throw unusableListing(source, `the reply's "${key}" list is ${describeJson(list)}`);
  }
  if (!Array.isArray(list))
    throw unusableListing(source, `"${key}" is ${describeJson(list)}, not a list`);
  return list;
}

/** The entries that fit `schema`, in order; the others are skipped. */
export function fittingEntries<T>(entries: readonly unknown[], schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  for (const entry of entries) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * Checks a listing as a whole: some entries but none that fit means the reply is not the
 * listing it claims to be; more models than any provider offers means the same.
 */
export function checkListing(
  counts: { readonly entries: number; readonly fitting: number; readonly models: number },
  source: ListingSource,
): void {
  if (counts.entries > 0 && counts.fitting === 0)
    throw unusableListing(
      source,
      counts.entries === 1
        ? 'the only entry of the reply names no model'
        : `none of the ${counts.entries} entries of the reply names a model`,
    );
  if (counts.models > MAX_LISTED_MODELS)
    throw unusableListing(
      source,
      `the reply lists ${counts.models} models, more than the ${MAX_LISTED_MODELS} a listing may hold`,
    );
}
