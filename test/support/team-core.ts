import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../main/app/create-core';
import { createKeyfileCipher } from '../../main/secrets/keyfile-cipher';
import { createConfBackend } from '../../main/settings/conf-backend';
import type { S3Options } from '../../main/team/team-options';
import { tempDir } from './temp-dir';
import type { CallContext } from '../../main/api/dispatcher';

/**
 * A core in team mode on a PostgreSQL database, with Redis on this machine (a key prefix of
 * its own) and, when given, S3 for blobs above `blobThresholdBytes`.
 */
export function openTeamCore(options: {
  databaseUrl: string;
  s3?: S3Options;
  blobThresholdBytes?: number;
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
}): Promise<Core> {
  const dataDir = options.dataDir ?? tempDir('assay-team-');
  fs.mkdirSync(dataDir, { recursive: true });
  return createCore({
    dataDir,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, 'secret.key')),
    env: options.env ?? {},
    databaseUrl: options.databaseUrl,
    team: {
      redisUrl: process.env.ASSAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisPrefix: `assay-test-${process.pid}-${path.basename(dataDir)}`,
      s3: options.s3,
      blobThresholdBytes: options.blobThresholdBytes ?? 64 * 1024,
    },
  });
}

/**
 * A call context for a team core's guarded dispatcher: the first admin, made by first-run
 * setup (a real account, so the audit log's rows name it).
 */
export async function adminContext(core: Core): Promise<CallContext> {
  const setup = await core.dispatcher.dispatch(
    'auth.setup',
    { email: 'admin@example.com', name: 'Admin', password: 'a long test password' },
    { transport: 'http' },
  );
  if (!setup.ok) throw new Error(`auth.setup: ${setup.error.code} ${setup.error.message}`);
  const { user } = setup.data as { user: { id: string; email: string } };
  return {
    transport: 'http',
    principal: {
      userId: user.id,
      email: user.email,
      role: 'admin',
      via: 'session',
      credentialId: 'test',
    },
  };
}
