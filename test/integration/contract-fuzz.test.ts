import fs from 'node:fs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import { listFiles, tempDir } from '../support/temp-dir';

const providerish = fc.oneof(
  fc.constantFrom('openai', 'anthropic', 'bedrock', 'local'),
  fc.string(),
  fc.integer(),
  fc.constant(null),
);
const fieldValue = fc.oneof(
  fc.string(),
  fc.webUrl(),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.object(),
);
const updateInput = fc.oneof(
  fc.anything(),
  fc.record(
    {
      provider: providerish,
      apiKey: fieldValue,
      baseUrl: fieldValue,
      region: fieldValue,
      endpoint: fieldValue,
      secretAccessKey: fieldValue,
    },
    { requiredKeys: ['provider'] },
  ),
);

describe('settings.updateProvider under arbitrary input', () => {
  let core: Core;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir('assay-fuzz-');
    core = await openTestCore(dataDir, {});
  });
  afterAll(() => core.close());

  it('either saves or answers VALIDATION_FAILED naming a field; a rejected call changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(updateInput, async (input) => {
        // Every committed page copied into the database file first: the store checkpoints on
        // a worker thread, which could otherwise change the file between the two readings.
        const snapshot = async (): Promise<string> => {
          if (core.store.dialect === 'sqlite')
            await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(core.store.db);
          return listFiles(dataDir)
            .filter((f) => !/-(wal|shm)$/.test(f))
            .map((f) => `${f}:${fs.readFileSync(f, 'base64')}`)
            .join('\n');
        };
        const before = await snapshot();
        const res = await core.dispatcher.dispatch('settings.updateProvider', input, {
          transport: 'http',
        });
        if (res.ok) return;
        expect(res.error.code).toBe('VALIDATION_FAILED');
        expect(res.error.message).toMatch(/^settings\.updateProvider: invalid "[^"]+": /);
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
