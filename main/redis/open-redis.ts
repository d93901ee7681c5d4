import { Redis } from 'ioredis';
import type { TeamOptions } from '../app/team-options';

/**
 * A Redis connection of a team server or worker. `maxRetriesPerRequest: null` is what BullMQ
 * requires of its connections, and suits the others too: a command waits for Redis to come
 * back rather than fail mid-way. The connection's name shows in `CLIENT LIST`.
 */
export function openRedis(team: Pick<TeamOptions, 'redisUrl'>, purpose: string): Redis {
  return new Redis(team.redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: `assay-${purpose}`,
  });
}

/** A key, channel or queue name under this stack's prefix (`assay:events`). */
export function redisKey(team: Pick<TeamOptions, 'redisPrefix'>, ...parts: string[]): string {
  return [team.redisPrefix, ...parts].join(':');
}
