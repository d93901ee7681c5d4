import { describe, expect, it } from 'vitest';
import { rowsContaining } from '../support/rows-containing';
import { openTestCore, TEST_DIALECT } from '../support/test-database';
import { filesContaining, listFiles, tempDir } from '../support/temp-dir';

const SECRETS = {
  openai: 'sk-proj-PLAINTEXT-openai-7c1d9e2f4a6b8c0d',
  anthropic: 'sk-ant-PLAINTEXT-anthropic-5e3f1a9b7c',
  awsSecret: 'wJalrXUtnFEMI-PLAINTEXT-bPxRfiCYEXAMPLEKEY',
  awsSession: 'IQoJb3JpZ2luX2VjEPLAINTEXTsession0123',
};

describe('API keys at rest', () => {
  it('never appear in plaintext anywhere in the data directory or the database', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir, {});
    const call = (input: unknown): Promise<unknown> =>
      core.dispatcher.dispatch('settings.updateProvider', input, { transport: 'http' });
    await call({ provider: 'openai', apiKey: SECRETS.openai, baseUrl: 'http://127.0.0.1:1/v1' });
    await call({ provider: 'anthropic', apiKey: SECRETS.anthropic });
    await call({
      provider: 'bedrock',
      region: 'eu-west-1',
      accessKeyId: 'AKIAPLAINTEXTEXAMPLE',
      secretAccessKey: SECRETS.awsSecret,
      sessionToken: SECRETS.awsSession,
    });
    const secrets = [...Object.values(SECRETS), 'AKIAPLAINTEXTEXAMPLE'];
    for (const secret of secrets)
      expect((await rowsContaining(core.store.db, secret)).hits).toEqual([]);
    // Inspect while the database is open (SQLite: WAL and shm present) and again after close.
    // On PostgreSQL the directory holds the settings and the secrets alone.
    const files = TEST_DIALECT === 'sqlite' ? 4 : 2;
    for (const phase of ['open', 'closed']) {
      if (phase === 'closed') await core.close();
      expect(listFiles(dataDir).length).toBeGreaterThanOrEqual(files);
      for (const secret of secrets) {
        expect({ phase, secret, files: filesContaining(dataDir, secret) }).toEqual({
          phase,
          secret,
          files: [],
        });
      }
    }
    const reopened = await openTestCore(dataDir, {});
    const view = await reopened.dispatcher.dispatch('settings.get', {}, { transport: 'http' });
    expect(JSON.stringify(view)).not.toContain('PLAINTEXT');
    expect(view).toMatchObject({
      ok: true,
      data: {
        providers: {
          bedrock: { region: 'eu-west-1', secretAccessKey: { set: true, source: 'stored' } },
        },
      },
    });
    await reopened.close();
  });
});
