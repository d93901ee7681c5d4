import type { ProviderId } from '../../shared/contract';
import type { ProviderLimiter, ProviderLimits } from '../llm/limits/provider-limiter';
import { openRedis, redisKey } from '../redis/open-redis';
import { RedisProviderLimiter } from './redis-provider-limiter';
import { RedisSemaphores } from './redis-semaphore';
import type { TeamRedis } from './case-jobs';

/** Provider limits a team's processes share through Redis (see RedisProviderLimiter). */
export interface SharedLimits {
  readonly limiterFor: (id: ProviderId, limits: ProviderLimits) => ProviderLimiter;
  close(): Promise<void>;
}

export function openSharedLimits(team: TeamRedis): SharedLimits {
  const redis = openRedis(team, 'limits');
  const semaphores = new RedisSemaphores(redis);
  return {
    limiterFor: (id, limits) =>
      new RedisProviderLimiter(redis, semaphores, limits, redisKey(team, 'limits', id)),
    close: async () => {
      semaphores.close();
      await redis.quit();
    },
  };
}
