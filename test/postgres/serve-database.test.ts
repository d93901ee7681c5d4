import { describe, expect, it } from 'vitest';
import type { SystemInfo } from '../../shared/contract';
import { apiCall } from '../support/api-call';
import { runCli } from '../support/run-cli';
import { startServe } from '../support/serve-process';
import { createTestDatabase } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

// `assay serve --database` as a user types it (the postgres project's other suites get their
// database through ASSAY_DATABASE_URL instead).
describe('assay serve --database', () => {
  it('serves the workbench API on the PostgreSQL database it names', async () => {
    const url = await createTestDatabase();
    const dataDir = tempDir('assay-serve-pg-');
    const server = await startServe(dataDir, ['--no-build', '--database', url], {
      ASSAY_DATABASE_URL: '',
    });
    try {
      expect(server.output()).toContain('Database: PostgreSQL at postgres://');
      const info = await apiCall<SystemInfo>(server.url, 'system.info', {});
      expect(info.database).toMatchObject({ dialect: 'postgres', vectorVersion: null });
      expect(info.database.serverVersion).toMatch(/^\d+/);
      await apiCall(server.url, 'prompts.create', {
        name: 'on-postgres',
        kind: 'text',
        content: { text: 'hi {{who}}' },
      });
      const list = await apiCall<{ prompts: { name: string }[] }>(server.url, 'prompts.list', {});
      expect(list.prompts.map((p) => p.name)).toEqual(['on-postgres']);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses a URL that is not postgres:// with a coded error naming the option', async () => {
    const res = await runCli([
      'serve',
      '--no-build',
      '--port',
      '0',
      '--data-dir',
      tempDir(),
      '--database',
      'mysql://x/y',
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/CONFIG_INVALID: .*must be a postgres:\/\/ URL/);
  });

  it('reports an unreachable server without its password and exits 1', async () => {
    const res = await runCli([
      'serve',
      '--no-build',
      '--port',
      '0',
      '--data-dir',
      tempDir(),
      '--database',
      'postgres://assay:hunter2-secret@127.0.0.1:1/assay',
    ]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /STORE_UNAVAILABLE: Cannot connect to PostgreSQL at postgres:\/\/assay:\*\*\*@127\.0\.0\.1:1\/assay/,
    );
    expect(res.stderr).not.toContain('hunter2-secret');
  });
});
