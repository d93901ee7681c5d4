import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { createCore, type Core } from '../../main/app/create-core';
import type { TeamOptions } from '../../main/team/team-options';
import type { AuthTuning } from '../../main/auth/team-auth';
import { openRedis, redisKey } from '../../main/redis/open-redis';
import { createKeyfileCipher } from '../../main/secrets/keyfile-cipher';
import { createConfBackend } from '../../main/settings/conf-backend';
import { startHttpServer, type RunningServer } from '../../main/server/start-server';
import type { TeamHttpOptions } from '../../main/server/team-session';
import { createTestDatabase } from './test-database';

export const TEST_REDIS_URL = process.env.ASSAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Team options with a Redis prefix of their own: test files never see each other's keys. */
export function testTeamOptions(label: string): TeamOptions {
  return {
    redisUrl: TEST_REDIS_URL,
    redisPrefix: `assay-t-${label}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
    blobThresholdBytes: 64 * 1024,
  };
}

export interface TeamServer {
  readonly core: Core;
  readonly server: RunningServer;
  readonly url: string;
  readonly team: TeamOptions;
  readonly databaseUrl: string;
  close(): Promise<void>;
}

/**
 * A core in team mode on a fresh PostgreSQL database, served over HTTP in this process (what
 * `assay serve --database … --redis …` runs). The data directory lives until close().
 */
export async function startTeamServer(
  label: string,
  options: {
    tuning?: AuthTuning;
    http?: Omit<TeamHttpOptions, 'auth'>;
    databaseUrl?: string;
    team?: TeamOptions;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<TeamServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `assay-team-${label}-`));
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const team = options.team ?? testTeamOptions(label);
  const core = await createCore({
    dataDir,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, 'secret.key')),
    databaseUrl,
    env: options.env ?? {},
    team,
    authTuning: options.tuning,
  });
  const server = await startHttpServer({
    dispatcher: core.dispatcher,
    events: core.events,
    host: '127.0.0.1',
    port: 0,
    ingest: core.services,
    team: { auth: core.services.auth!, ...options.http },
  });
  return {
    core,
    server,
    url: server.url,
    team,
    databaseUrl,
    close: async () => {
      await server.close();
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Deletes every key under a test's prefix (never anything else on the shared Redis). */
export async function dropRedisPrefix(team: TeamOptions): Promise<void> {
  const redis: Redis = openRedis(team, 'test-cleanup');
  try {
    const keys = await redis.keys(`${redisKey(team, '*')}`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

export interface CallAnswer<T = unknown> {
  readonly status: number;
  readonly body: {
    ok: boolean;
    data?: T;
    error?: { code: string; message: string; details?: unknown };
  };
  readonly setCookie: string | null;
}

/** POST /api/<channel> with an optional cookie or bearer token; the raw status and body. */
export async function call<T = unknown>(
  url: string,
  channel: string,
  input: unknown,
  auth: { cookie?: string; bearer?: string; headers?: Record<string, string> } = {},
): Promise<CallAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.bearer !== undefined) headers.authorization = `Bearer ${auth.bearer}`;
  const res = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers,
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return {
    status: res.status,
    body: (await res.json()) as CallAnswer<T>['body'],
    setCookie: res.headers.get('set-cookie'),
  };
}

/** The `name=value` part of a Set-Cookie header, to send back as a Cookie header. */
export function cookiePair(setCookie: string | null): string {
  if (!setCookie) throw new Error('no Set-Cookie header');
  return setCookie.split(';')[0]!;
}
