import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { openTestCore } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import { AssayError } from '../../shared/errors';
import { loadSuite, suiteSyncInput } from '../../main/evals/suite/load-suite';
import { tempDir } from '../support/temp-dir';

let core: Core;
let dir: string;
beforeAll(async () => {
  dir = tempDir('assay-suite-fuzz-');
  core = await openTestCore(dir, {});
});
afterAll(async () => {
  await core.close();
});

const VALID = {
  name: 'fuzzed',
  prompt: { template: 'Say {{q}}' },
  models: ['openai:gpt-4o-mini'],
  test_cases: [{ vars: { q: 'a' }, matchers: [{ type: 'contains', value: 'a' }] }],
};

/** Valid suites with one part broken in a way a person could plausibly write. */
const broken = fc.oneof(
  fc.string().map((text) => text),
  fc.anything().map((models) => stringify({ ...VALID, models })),
  fc.string().map((m) => stringify({ ...VALID, models: [m] })),
  fc.anything().map((prompt) => stringify({ ...VALID, prompt })),
  fc.integer({ min: -5, max: 0 }).map((concurrency) => stringify({ ...VALID, concurrency })),
  fc.anything().map((test_cases) => stringify({ ...VALID, test_cases })),
  fc.string().map((pattern) =>
    stringify({
      ...VALID,
      test_cases: [{ vars: { q: 'a' }, matchers: [{ type: 'regex', pattern: `(${pattern}` }] }],
    }),
  ),
  fc.string({ minLength: 1 }).map((type) =>
    stringify({
      ...VALID,
      test_cases: [{ vars: { q: 'a' }, matchers: [{ type: `x-${type}` }] }],
    }),
  ),
  fc.anything().map((vars) => stringify({ ...VALID, test_cases: [{ vars, matchers: [] }] })),
  fc.dictionary(fc.string(), fc.anything()).map((extra) => stringify({ ...VALID, ...extra })),
);

async function snapshot(): Promise<string> {
  const { db } = core.store;
  return JSON.stringify([
    await db.selectFrom('dataset').selectAll().orderBy('id').execute(),
    await db.selectFrom('test_case').selectAll().orderBy('id').execute(),
  ]);
}

describe('malformed suites', () => {
  it('each produce a coded error (never a crash) and change no stored data', async () => {
    // Existing data that must survive every failed import.
    const seed = path.join(dir, 'seed.yaml');
    fs.writeFileSync(seed, stringify(VALID));
    await core.services.datasets.syncSuite(suiteSyncInput(loadSuite(seed)));
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(broken, async (text) => {
        const file = path.join(dir, 'suite.yaml');
        fs.writeFileSync(file, text);
        const before = await snapshot();
        try {
          const suite = loadSuite(file);
          if (suite.name !== 'fuzzed') return; // a different, valid suite: not this test's concern
          await core.services.datasets.syncSuite(suiteSyncInput(suite));
          // It was valid after all (e.g. an extra key the dataset reader accepts): data may change.
          await core.services.datasets.syncSuite(suiteSyncInput(loadSuite(seed)));
        } catch (err) {
          expect(err).toBeInstanceOf(AssayError);
          expect((err as AssayError).code).not.toBe('INTERNAL');
          expect((err as AssayError).message.length).toBeGreaterThan(0);
          expect(await snapshot()).toBe(before);
          rejected++;
        }
      }),
      { numRuns: 100 },
    );
    expect(rejected).toBeGreaterThan(50);
  });
});
