import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { CLI, REPO_ROOT, runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';
import { TEST_DIALECT, testDatabaseEnv } from '../support/test-database';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.latencyMs = 10;
  fake.record = false;
});
afterAll(() => fake.close());

type Row = Record<string, string | number>;

/**
 * Reads what the CLI process stored, as another process would, while it may still be creating
 * the schema: a read-only SQLite handle, or a plain Postgres client.
 */
async function openReader(
  dir: string,
  databaseUrl: string | undefined,
): Promise<{ query(text: string): Promise<Row[]>; close(): Promise<void> } | null> {
  if (TEST_DIALECT === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      query: async (text) => (await client.query<Row>(text)).rows,
      close: () => client.end(),
    };
  }
  const file = path.join(dir, 'assay.db');
  if (!fs.existsSync(file)) return null;
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  return {
    query: (text) => Promise.resolve(db.prepare(text).all() as Row[]),
    close: () => Promise.resolve(void db.close()),
  };
}

async function read(dir: string, url: string | undefined, text: string): Promise<Row[]> {
  const reader = await openReader(dir, url);
  if (!reader) throw new Error('no database yet');
  try {
    return await reader.query(text);
  } finally {
    await reader.close();
  }
}

async function count(dir: string, url: string | undefined, where = ''): Promise<number> {
  const rows = await read(dir, url, `SELECT count(*) AS n FROM eval_result ${where}`);
  // Postgres counts in BIGINT, which a plain pg client hands back as text.
  return Number(rows[0]!.n);
}

describe('an interrupted eval run', () => {
  it('is killed midway with SIGKILL, resumes, and ends with exactly 500 results', async () => {
    const dir = tempDir('assay-eval-resume-');
    const suite = path.join(dir, 'suite.yaml');
    const cases = Array.from(
      { length: 500 },
      (_, i) => `  - vars: { n: "${i}" }\n    matchers: [{ type: contains, value: "case ${i}" }]`,
    );
    fs.writeFileSync(
      suite,
      `name: resume\nprompt: { template: "case {{n}}" }\nmodels: [openai:gpt-4o-mini]\nconcurrency: 5\ntest_cases:\n${cases.join('\n')}\n`,
    );
    const database = await testDatabaseEnv(dir);
    const url = database.ASSAY_DATABASE_URL;
    const env = {
      ...process.env,
      ...database,
      OPENAI_BASE_URL: `${fake.url}/v1`,
      OPENAI_API_KEY: 'sk-resume-000000000000',
    };

    const child = spawn(process.execPath, [CLI, 'eval', suite, '--data-dir', dir], {
      cwd: REPO_ROOT,
      env,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    let before = 0;
    for (let i = 0; i < 600 && before < 150; i++) {
      await new Promise((r) => setTimeout(r, 25));
      // No database or no schema yet: the child is still creating them.
      before = await count(dir, url).catch(() => 0);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const kept = await read(dir, url, 'SELECT id FROM eval_result');
    const [run] = await read(dir, url, 'SELECT id, status FROM eval_run');
    expect(kept.length).toBeGreaterThanOrEqual(150);
    expect(kept.length).toBeLessThan(500);
    expect(run!.status).toBe('running');

    const resumed = await runCli(['eval', '--resume', String(run!.id), '--data-dir', dir], env);
    expect(resumed.stderr).not.toMatch(/error/i);
    expect(resumed.code).toBe(0);

    expect(await count(dir, url)).toBe(500);
    const [distinct] = await read(
      dir,
      url,
      "SELECT count(DISTINCT case_key || '#' || repeat_index) AS n FROM eval_result",
    );
    expect(Number(distinct!.n)).toBe(500);
    expect(await count(dir, url, "WHERE status = 'pass'")).toBe(500);
    const ids = new Set((await read(dir, url, 'SELECT id FROM eval_result')).map((r) => r.id));
    expect(kept.every((k) => ids.has(k.id))).toBe(true);
    expect(await read(dir, url, 'SELECT status FROM eval_run')).toEqual([{ status: 'completed' }]);
  });
});
