import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, TEST_DIALECT } from '../../../test/support/test-database';
import type { Store } from '../store';
import { openVectorIndex } from './vector-index';
import { rejection, vectorIndexContract, vectorIndexShapeChecks } from './vector-index.contract';

describe(`openVectorIndex on ${TEST_DIALECT}`, () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });

  vectorIndexShapeChecks(() => store);

  if (TEST_DIALECT === 'sqlite') {
    it('runs on the sqlite-vec the store loaded', () => {
      expect(store.info.vectorVersion).toMatch(/^v0\.1\./);
    });
    vectorIndexContract(() => store, 'sqlite-vec');
  } else {
    // The machine's PostgreSQL has no pgvector; pgvector.test.ts runs the same code on PGlite's.
    it('is STORE_UNAVAILABLE, naming pgvector, where the database has no vector extension', async () => {
      expect(store.info.vectorVersion).toBeNull();
      const err = await rejection(openVectorIndex(store, 'anything', 3));
      expect(err.code).toBe('STORE_UNAVAILABLE');
      expect(err.message).toMatch(/pgvector, which is not installed in the database/);
    });
  }
});
