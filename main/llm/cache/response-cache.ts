import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { readJson } from '../../store/json-column';
import type { DB, LlmCacheTable } from '../../store/schema';
import { redactStrings } from '../../tracing/redact';
import type { ChatRequest, ChatResponse } from '../types';
import { canonicalJson } from '../../kit/canonical-json';

/** Bumped when the cached response shape changes, so old entries simply miss. */
const CACHE_FORMAT = 1;

/** The cache key: a hash of the canonical request (provider, model, messages, every parameter). */
export function cacheKey(request: ChatRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${CACHE_FORMAT}\n${canonicalJson(request)}`)
    .digest('hex');
}

/** A stored entry's answer: the one place the cached response JSON is parsed. */
function toCachedResponse(row: Pick<Selectable<LlmCacheTable>, 'response_json'>): ChatResponse {
  return readJson<ChatResponse>(row.response_json);
}

/** Responses by request hash on either database, with an optional time to live. */
export class ResponseCache {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The same cache writing through `tx` (a write-queue batch's transaction). */
  on(tx: Kysely<DB>): ResponseCache {
    return new ResponseCache(tx, this.now);
  }

  async get(key: string): Promise<ChatResponse | null> {
    const row = await this.db
      .selectFrom('llm_cache')
      .select(['response_json', 'expires_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.now();
    if (row.expires_at !== null && row.expires_at <= now) {
      // Only while still expired: another process may have refreshed the entry meanwhile.
      await this.db
        .deleteFrom('llm_cache')
        .where('key', '=', key)
        .where('expires_at', '<=', now)
        .execute();
      return null;
    }
    return toCachedResponse(row);
  }

  /**
   * `ttlMs` null keeps the entry until purged by hand. `secrets` (the configured key values)
   * and keys of well-known shapes are cut out of every string first: an answer that echoes a
   * key is kept, and replayed, with the key as [REDACTED].
   */
  async set(
    key: string,
    request: ChatRequest,
    response: ChatResponse,
    ttlMs: number | null,
    secrets: readonly string[],
  ): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('llm_cache')
      .values({
        key,
        provider: request.provider,
        model: request.model,
        response_json: redactStrings(response, secrets),
        created_at: now,
        expires_at: ttlMs === null ? null : now + ttlMs,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          response_json: eb.ref('excluded.response_json'),
          created_at: eb.ref('excluded.created_at'),
          expires_at: eb.ref('excluded.expires_at'),
        })),
      )
      .execute();
  }

  /** Drops expired entries; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom('llm_cache')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', this.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
