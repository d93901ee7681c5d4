import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import type { Store } from '../../store/store';
import type { ChatRequest, ChatResponse } from '../types';
import { cacheKey, ResponseCache } from './response-cache';

let store: Store;
/** The clock every cache in this file reads; tests move it. */
let now = Date.UTC(2026, 11, 6, 12, 0, 0);
let cache: ResponseCache;

beforeAll(async () => {
  store = await openTestStore();
  cache = new ResponseCache(store.db, () => now);
});

afterAll(async () => {
  await store.close();
});

let n = 0;
function request(): ChatRequest {
  return {
    provider: 'openai',
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `question ${n++}` }],
  };
}

const RESPONSE: ChatResponse = {
  text: 'an answer',
  toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"q":"x"}' }],
  finishReason: 'tool_calls',
  rawFinishReason: 'tool_calls',
  providerRequestId: 'req_9',
  model: 'gpt-4o-mini-2024-07-18',
  usage: {
    inputTokens: 3_000_000_000,
    outputTokens: 2 ** 31 + 1,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
  },
};

const MINUTE = 60_000;

describe('ResponseCache', () => {
  it('misses, then returns the answer as stored', async () => {
    const req = request();
    const key = cacheKey(req);
    expect(await cache.get(key)).toBeNull();
    await cache.set(key, req, RESPONSE, MINUTE, []);
    expect(await cache.get(key)).toEqual(RESPONSE);
  });

  it('replaces an entry of the same key, with its new time to live', async () => {
    const req = request();
    const key = cacheKey(req);
    await cache.set(key, req, RESPONSE, MINUTE, []);
    await cache.set(key, req, { ...RESPONSE, text: 'a newer answer' }, null, []);
    now += 2 * MINUTE;
    expect((await cache.get(key))?.text).toBe('a newer answer');
    const rows = await store.db
      .selectFrom('llm_cache')
      .selectAll()
      .where('key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expires_at).toBeNull();
  });

  it('expires an entry at its time to live and drops it when read', async () => {
    const req = request();
    const key = cacheKey(req);
    await cache.set(key, req, RESPONSE, MINUTE, []);
    now += MINUTE - 1;
    expect(await cache.get(key)).toEqual(RESPONSE);
    now += 1;
    expect(await cache.get(key)).toBeNull();
    const left = await store.db
      .selectFrom('llm_cache')
      .select('key')
      .where('key', '=', key)
      .execute();
    expect(left).toEqual([]);
  });

  it('purges expired entries only, and says how many', async () => {
    await store.db.deleteFrom('llm_cache').execute();
    const keys = await Promise.all(
      [MINUTE, MINUTE, 10 * MINUTE, null].map(async (ttl) => {
        const req = request();
        const key = cacheKey(req);
        await cache.set(key, req, RESPONSE, ttl, []);
        return key;
      }),
    );
    now += 5 * MINUTE;
    expect(await cache.purgeExpired()).toBe(2);
    expect(await cache.purgeExpired()).toBe(0);
    const left = await store.db.selectFrom('llm_cache').select('key').orderBy('key').execute();
    expect(left.map((r) => r.key)).toEqual([keys[2], keys[3]].sort());
  });

  it('keeps epoch-millisecond times beyond 2^31 exactly', async () => {
    const req = request();
    const key = cacheKey(req);
    await cache.set(key, req, RESPONSE, 14 * 24 * 60 * MINUTE, []);
    const row = await store.db
      .selectFrom('llm_cache')
      .select(['created_at', 'expires_at', 'provider', 'model'])
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      created_at: now,
      expires_at: now + 14 * 24 * 60 * MINUTE,
      provider: 'openai',
      model: 'gpt-4o-mini',
    });
  });

  it('stores an answer with configured and well-known keys cut out, and replays that', async () => {
    const configured = 'gateway-key-0a1b2c3d4e5f';
    const shaped = 'sk-proj-Q1w2E3r4T5y6U7i8O9p0';
    const req = request();
    const key = cacheKey(req);
    await cache.set(key, req, { ...RESPONSE, text: `keys ${configured} and ${shaped}` }, MINUTE, [
      configured,
    ]);
    const raw = await store.db
      .selectFrom('llm_cache')
      .select('response_json')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(raw.response_json).not.toContain(configured);
    expect(raw.response_json).not.toContain(shaped);
    expect((await cache.get(key))?.text).toBe('keys [REDACTED] and [REDACTED]');
  });

  it('writes through a write-queue transaction when bound to it', async () => {
    const req = request();
    const key = cacheKey(req);
    await store.writes.run((tx) => cache.on(tx).set(key, req, RESPONSE, MINUTE, []));
    expect(await cache.get(key)).toEqual(RESPONSE);
  });
});
