import type { Redis } from 'ioredis';
import { ProviderLimiter, type ProviderLimits } from '../llm/limits/provider-limiter';
import { sleep } from '../kit/sleep';
import type { RedisSemaphores } from './redis-semaphore';

/**
 * Takes one request and `estimate` tokens from per-minute buckets, both or neither, unless the
 * provider said to back off. Buckets refill continuously and hold a minute's worth, as
 * ProviderLimiter's do in process; time is Redis's. KEYS: requests, tokens, paused-until.
 * ARGV: rpm (0: none), tpm (0: none), estimate. Returns ms to wait (0: taken).
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then return paused - now end
local function level(key, per)
  local v = redis.call('HMGET', key, 'level', 'at')
  local l = tonumber(v[1]) or per
  local at = tonumber(v[2]) or now
  return math.min(per, l + (now - at) * per / 60000)
end
local rpm, tpm = tonumber(ARGV[1]), tonumber(ARGV[2])
local r, k
if rpm > 0 then
  r = level(KEYS[1], rpm)
  if r < 1 then return math.ceil((1 - r) * 60000 / rpm) end
end
local need = math.min(tonumber(ARGV[3]), tpm)
if tpm > 0 then
  k = level(KEYS[2], tpm)
  if k < need then return math.ceil((need - k) * 60000 / tpm) end
end
if rpm > 0 then redis.call('HSET', KEYS[1], 'level', r - 1, 'at', now); redis.call('PEXPIRE', KEYS[1], 120000) end
if tpm > 0 then redis.call('HSET', KEYS[2], 'level', k - need, 'at', now); redis.call('PEXPIRE', KEYS[2], 120000) end
return 0`;

/** Corrects the token bucket by `delta` (negative gives tokens back). KEYS: tokens; ARGV: tpm, delta. */
const ADJUST = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local per = tonumber(ARGV[1])
local v = redis.call('HMGET', KEYS[1], 'level', 'at')
local l = tonumber(v[1]) or per
local at = tonumber(v[2]) or now
l = math.min(per, l + (now - at) * per / 60000)
redis.call('HSET', KEYS[1], 'level', math.min(per, l - tonumber(ARGV[2])), 'at', now)
redis.call('PEXPIRE', KEYS[1], 120000)
return 0`;

/** Holds every caller until `ms` from now (the longest pause wins). KEYS: paused-until; ARGV: ms. */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
if until_ > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]))
end
return 0`;

type Script = (...args: (string | number)[]) => Promise<unknown>;

/**
 * One provider's limits held in Redis, so a team's server and all its workers share them: the
 * concurrency is a Redis semaphore (leases renewed while held, lapsing if the holder dies),
 * requests and tokens per minute are token buckets in Lua, and a Retry-After pause holds every
 * process. Same methods as the in-process ProviderLimiter, which the call path and the gateway
 * use unchanged.
 */
export class RedisProviderLimiter extends ProviderLimiter {
  private holding = 0;
  private readonly take: Script;
  private readonly adjust: Script;
  private readonly hold: Script;

  constructor(
    private readonly redis: Redis,
    private readonly semaphores: RedisSemaphores,
    private readonly sharedLimits: ProviderLimits,
    /** Key of this provider's state under the stack's prefix (`assay:limits:openai`). */
    private readonly key: string,
  ) {
    super(sharedLimits);
    const define = (name: string, keys: number, lua: string): Script => {
      redis.defineCommand(name, { numberOfKeys: keys, lua });
      const fn = (redis as unknown as Record<string, Script>)[name]!;
      return (...args) => fn.apply(redis, args);
    };
    this.take = define('assayRateTake', 3, TAKE);
    this.adjust = define('assayRateAdjust', 1, ADJUST);
    this.hold = define('assayRatePause', 1, PAUSE);
  }

  override async acquireSlot(signal?: AbortSignal): Promise<() => void> {
    const max = this.sharedLimits.concurrency ?? 0;
    const release =
      max > 0 ? await this.semaphores.acquire(`${this.key}:slots`, max, signal) : null;
    this.holding++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holding--;
      // A failed release lapses with its lease (renewal stops): the slot comes back anyway.
      void release?.().catch(() => undefined);
    };
  }

  override async acquireRate(estimatedTokens: number, signal?: AbortSignal): Promise<void> {
    const { requestsPerMinute = 0, tokensPerMinute = 0 } = this.sharedLimits;
    for (;;) {
      const wait = Number(
        await this.take(
          `${this.key}:rpm`,
          `${this.key}:tpm`,
          `${this.key}:paused`,
          requestsPerMinute,
          tokensPerMinute,
          Math.max(0, Math.round(estimatedTokens)),
        ),
      );
      if (wait <= 0) return;
      await sleep(wait, signal);
    }
  }

  override settleTokens(estimated: number, actual: number): void {
    const tpm = this.sharedLimits.tokensPerMinute ?? 0;
    if (tpm <= 0) return;
    const delta = Math.round(actual - Math.min(estimated, tpm));
    if (delta !== 0) void this.adjust(`${this.key}:tpm`, tpm, delta).catch(() => undefined);
  }

  override pause(ms: number): void {
    void this.hold(`${this.key}:paused`, Math.max(1, Math.round(ms))).catch(() => undefined);
  }

  override get inFlight(): number {
    return this.holding;
  }
}
