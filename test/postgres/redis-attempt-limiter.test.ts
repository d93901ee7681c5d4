import { afterAll, describe, expect, it } from 'vitest';
import { RedisAttemptLimiter } from '../../main/auth/redis-attempt-limiter';
import { openRedis, redisKey } from '../../main/redis/open-redis';
import { dropRedisPrefix, testTeamOptions } from '../support/team-server';

const team = testTeamOptions('limiter');
const limiters: RedisAttemptLimiter[] = [];
const limiter = () => {
  const l = new RedisAttemptLimiter(openRedis(team, 'test'), (k) => redisKey(team, 'auth', k));
  limiters.push(l);
  return l;
};
afterAll(async () => {
  for (const l of limiters) await l.close();
  await dropRedisPrefix(team);
});

describe('RedisAttemptLimiter', () => {
  it('counts the attempts of two server processes together, with the wait left', async () => {
    const [one, two] = [limiter(), limiter()];
    const rule = { key: 'login:account:x', max: 4, windowMs: 30_000 };
    const waits = await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? one : two).take([rule])));
    expect(waits).toEqual([0, 0, 0, 0]);
    const wait = await two.take([rule]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
    await one.clear(rule.key);
    expect(await two.take([rule])).toBe(0);
  });

  it('gives an attempt back, never below zero, and lets the window end', async () => {
    const l = limiter();
    const rule = { key: 'login:address:1.2.3.4', max: 1, windowMs: 300 };
    expect(await l.take([rule])).toBe(0);
    await l.giveBack([rule.key, 'login:address:never-seen']);
    expect(await l.take([rule])).toBe(0);
    expect(await l.take([rule])).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    expect(await l.take([rule])).toBe(0);
  });
});
