import crypto from 'node:crypto';
import type { Core } from '../../main/app/create-core';
import { createHeadlessCore } from '../../main/app/create-headless-core';
import type { TeamOptions } from '../../main/team/team-options';
import { testDatabaseEnv } from './test-database';

export const TEST_REDIS_URL = process.env.ASSAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Team options with a prefix of their own: test files sharing the machine's Redis never meet. */
export function testTeam(name: string): TeamOptions {
  return {
    redisUrl: TEST_REDIS_URL,
    redisPrefix: `t-${name}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
    blobThresholdBytes: 64 * 1024,
  };
}

/** A core in team mode on this data directory's PostgreSQL database (the server's side). */
export async function openTeamCoreIn(
  dataDir: string,
  team: TeamOptions,
  env: NodeJS.ProcessEnv = {},
): Promise<{ core: Core; databaseUrl: string }> {
  const { ASSAY_DATABASE_URL } = await testDatabaseEnv(dataDir);
  if (!ASSAY_DATABASE_URL) throw new Error('team mode tests run in the postgres project');
  const core = await createHeadlessCore(dataDir, env, ASSAY_DATABASE_URL, team);
  return { core, databaseUrl: ASSAY_DATABASE_URL };
}

/** The environment that points an `assay worker` child at this team's database and Redis. */
export function workerEnv(
  team: TeamOptions,
  databaseUrl: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    ASSAY_DATABASE_URL: databaseUrl,
    ASSAY_REDIS_URL: team.redisUrl,
    ASSAY_REDIS_PREFIX: team.redisPrefix,
    ...extra,
  };
}

/** Deletes this test team's Redis keys (its prefix only; never anyone else's). */
export async function dropTeamKeys(team: TeamOptions): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(team.redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${team.redisPrefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
