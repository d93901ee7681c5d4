import path from 'node:path';
import { createCore, type Core } from '../../main/app/create-core';
import type { JobTuning } from '../../main/tracing/semantic/model-job';
import { createKeyfileCipher } from '../../main/secrets/keyfile-cipher';
import { createConfBackend } from '../../main/settings/conf-backend';
import { coreCall } from './core-call';
import { testDatabaseEnv } from './test-database';

/** Short batches and back-off, so a test sees the job batch, fail, retry and walk again. */
export const FAST_SEMANTIC: Partial<JobTuning> = {
  batchSize: 4,
  backoffFirstMs: 50,
  backoffMaxMs: 200,
  rescanMs: 100,
};

/**
 * A core as the headless shells open it, with the local provider pointed at a fake
 * (`baseUrl` ending in /v1) and the semantic job's tuning shortened.
 */
export async function openSemanticCore(dataDir: string, baseUrl: string): Promise<Core> {
  const db = await testDatabaseEnv(dataDir);
  const env: NodeJS.ProcessEnv = { ASSAY_LOCAL_BASE_URL: baseUrl, ...db };
  return createCore({
    dataDir,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, 'secret.key')),
    env,
    databaseUrl: db.ASSAY_DATABASE_URL,
    semantic: FAST_SEMANTIC,
  });
}

export const semanticStatus = (core: Core) => coreCall(core, 'semantic.status', {});

/** Polls `read` until `done` holds (the background job is asynchronous). */
export async function until<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
