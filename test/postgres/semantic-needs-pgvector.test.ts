import { describe, expect, it } from 'vitest';
import { coreCall } from '../support/core-call';
import { openSemanticCore, semanticStatus } from '../support/semantic-core';
import { tempDir } from '../support/temp-dir';

/**
 * The machine's PostgreSQL has no pgvector: semantic search says so with a coded error and
 * runs no background work (pgvector itself is tested on PGlite in main/store/vectors).
 */
describe('semantic search on PostgreSQL without pgvector', () => {
  it('reports that semantic search needs pgvector, as a coded error', async () => {
    // Nothing listens there: no request may be made anyway.
    const core = await openSemanticCore(tempDir('assay-semantic-pg-'), 'http://127.0.0.1:9/v1');
    try {
      const s = await semanticStatus(core);
      expect(s).toMatchObject({ enabled: false, available: false });
      expect(s.lastError).toMatch(/Semantic search needs pgvector/);
      await expect(
        coreCall(core, 'semantic.configure', { embeddingModel: 'local:fake-embed' }),
      ).rejects.toThrow(/STORE_UNAVAILABLE Semantic search needs pgvector/);
      await expect(coreCall(core, 'traces.searchByMeaning', { query: 'refund' })).rejects.toThrow(
        /STORE_UNAVAILABLE Semantic search needs pgvector/,
      );
    } finally {
      await core.close();
    }
  });
});
