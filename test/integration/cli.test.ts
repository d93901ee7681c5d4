import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../support/parse-json';
import { sql } from 'kysely';
import { openTestCore, TEST_DIALECT } from '../support/test-database';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

const pkg = readJsonFile(
  z.object({ version: z.string() }),
  path.resolve(import.meta.dirname, '../../package.json'),
);

describe('assay CLI', () => {
  it('prints its version and help with exit code 0', async () => {
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/serve \[options\]/);
    expect(help.stdout).toMatch(/backup \[options\] <file>/);
  });

  it('exits 2 on a usage mistake', async () => {
    const res = await runCli(['frobnicate']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("unknown command 'frobnicate'");
  });

  it('refuses to serve beyond loopback without a token (exit 2, names the flag)', async () => {
    const res = await runCli(
      ['serve', '--host', '0.0.0.0', '--port', '0', '--no-build', '--data-dir', tempDir()],
      {
        ASSAY_TOKEN: '',
      },
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^assay: CONFIG_INVALID: .*--token/);
  });

  it('rejects a bad port', async () => {
    const res = await runCli(['serve', '--port', 'http', '--no-build', '--data-dir', tempDir()]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--port must be an integer');
  });

  // Each dialect's own backup story; the other run has no such test (not a skipped one).
  if (TEST_DIALECT === 'postgres')
    it('refuses a backup of a PostgreSQL database, naming pg_dump', async () => {
      const dataDir = tempDir();
      const core = await openTestCore(dataDir, {});
      await core.close();
      const res = await runCli(['backup', path.join(tempDir(), 'b.db'), '--data-dir', dataDir]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^assay: CONFIG_INVALID: .*pg_dump/);
    });

  if (TEST_DIALECT === 'sqlite')
    it('backs up a database that another connection holds open', async () => {
      const dataDir = tempDir();
      const core = await openTestCore(dataDir, {});
      await sql`CREATE TABLE note (body TEXT)`.execute(core.store.db);
      await sql`INSERT INTO note VALUES ('kept')`.execute(core.store.db);
      const target = path.join(tempDir(), 'backup.db');
      const res = await runCli(['backup', target, '--data-dir', dataDir]);
      await core.close();
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(
        /^Backup written: .*backup\.db \(\d+ bytes, \d+ pages, integrity ok\)/,
      );
      const copy = new BetterSqlite3(target, { readonly: true });
      expect(copy.prepare('SELECT body FROM note').all()).toEqual([{ body: 'kept' }]);
      expect(copy.prepare('SELECT count(*) AS n FROM instance').get()).toEqual({ n: 1 });
      copy.close();
    });

  if (TEST_DIALECT === 'sqlite')
    it('reports a missing database with exit code 1', async () => {
      const res = await runCli(['backup', path.join(tempDir(), 'x.db'), '--data-dir', tempDir()]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/NOT_FOUND: No Assay database/);
    });
});
