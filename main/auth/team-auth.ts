import type { TeamOptions } from '../team/team-options';
import { openRedis, redisKey } from '../redis/open-redis';
import type { Store } from '../store/store';
import type { AttemptLimiter } from './attempt-limiter';
import type { LoginLimits } from './auth-clock';
import { AuthService } from './auth-service';
import { RedisAttemptLimiter } from './redis-attempt-limiter';

/** Tests shorten the login limits, or count attempts in memory. */
export interface AuthTuning {
  readonly limits?: LoginLimits;
  readonly limiter?: AttemptLimiter;
  readonly now?: () => number;
}

/** The auth service of a team server: login attempts counted in Redis, shared by every process. */
export function createTeamAuth(store: Store, team: TeamOptions, tuning?: AuthTuning): AuthService {
  const limiter =
    tuning?.limiter ??
    new RedisAttemptLimiter(openRedis(team, 'auth'), (key) => redisKey(team, 'auth', key));
  return new AuthService({ store, limiter, limits: tuning?.limits, now: tuning?.now });
}
