import fs from 'node:fs';
import path from 'node:path';
import { createKeyfileCipher } from '../secrets/keyfile-cipher';
import { createConfBackend } from '../settings/conf-backend';
import { parseDatabaseUrl } from '../store/postgres/database-url';
import { createCore, type Core } from './create-core';
import type { TeamOptions } from '../team/team-options';

export const KEY_FILE = 'secret.key';

/**
 * The core as the CLI and `assay serve` run it: conf settings, 0600 key-file secrets, and
 * SQLite in the data directory unless a PostgreSQL URL is given (`--database`, or
 * ASSAY_DATABASE_URL in `env`).
 */
export function createHeadlessCore(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  databaseUrl: string | undefined = env.ASSAY_DATABASE_URL || undefined,
  team?: TeamOptions,
): Promise<Core> {
  // Owner-only: the folder holds the database, settings and the secrets key file.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return createCore({
    dataDir,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, KEY_FILE)),
    env,
    databaseUrl:
      databaseUrl === undefined ? undefined : parseDatabaseUrl(databaseUrl, 'ASSAY_DATABASE_URL'),
    team,
  });
}
