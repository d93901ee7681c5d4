import { Redis } from 'ioredis';
import type { TeamOptions } from '../team/team-options';

/**
 * A Redis connection of a team server or worker. `maxRetriesPerRequest: null` is what BullMQ
 * requires of its connections, and suits the others too: a command waits for Redis to come
 * back rather than fail mid-way. The connection's name shows in `CLIENT LIST`.
 */
export function openRedis(team: Pick<TeamOptions, 'redisUrl'>, purpose: string): Redis {
  const connection = new Redis(team.redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: `assay-${purpose}`,
  });
  // ioredis reconnects on its own; without a listener every failed attempt would print an
  // "unhandled error" line. One line per new kind of failure says what is wrong.
  let last = '';
  connection.on('error', (err: Error) => {
    if (err.message === last) return;
    last = err.message;
    process.stderr.write(`assay: Redis (${purpose}): ${err.message}\n`);
  });
  connection.on('ready', () => (last = ''));
  return connection;
}

/** A key, channel or queue name under this stack's prefix (`assay:events`). */
export function redisKey(team: Pick<TeamOptions, 'redisPrefix'>, ...parts: string[]): string {
  return [team.redisPrefix, ...parts].join(':');
}

/**
 * Resolves once the connection is ready; rejects after `timeoutMs` with Redis's last error. A
 * connection made with `maxRetriesPerRequest: null` retries forever, so a server started
 * against a wrong URL would otherwise hang at start instead of saying why.
 */
export async function whenReady(connection: Redis, timeoutMs = 10_000): Promise<void> {
  if (connection.status === 'ready') return;
  let lastError: unknown = null;
  const onError = (err: unknown): void => void (lastError = err);
  connection.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        connection.off('ready', onReady);
        const why = lastError instanceof Error ? lastError.message : 'no answer';
        reject(new Error(`no connection within ${timeoutMs / 1000} s (${why})`));
      }, timeoutMs);
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      connection.once('ready', onReady);
    });
  } finally {
    connection.off('error', onError);
  }
}
