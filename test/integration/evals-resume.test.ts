import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { CLI, REPO_ROOT, runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.latencyMs = 10;
  fake.record = false;
});
afterAll(() => fake.close());

function count(db: BetterSqlite3.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM eval_result').get() as { n: number }).n;
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
    const env = {
      ...process.env,
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
    const dbFile = path.join(dir, 'assay.db');
    let before = 0;
    for (let i = 0; i < 600 && before < 150; i++) {
      await new Promise((r) => setTimeout(r, 25));
      if (!fs.existsSync(dbFile)) continue;
      const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
      try {
        before = count(db);
      } catch {
        before = 0; // the schema is still being created
      } finally {
        db.close();
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    let db = new BetterSqlite3(dbFile, { readonly: true });
    const kept = db.prepare('SELECT id FROM eval_result').all() as { id: string }[];
    const run = db.prepare('SELECT id, status FROM eval_run').get() as {
      id: string;
      status: string;
    };
    db.close();
    expect(kept.length).toBeGreaterThanOrEqual(150);
    expect(kept.length).toBeLessThan(500);
    expect(run.status).toBe('running');

    const resumed = await runCli(['eval', '--resume', run.id, '--data-dir', dir], env);
    expect(resumed.stderr).not.toMatch(/error/i);
    expect(resumed.code).toBe(0);

    db = new BetterSqlite3(dbFile, { readonly: true });
    expect(count(db)).toBe(500);
    expect(
      db
        .prepare("SELECT count(DISTINCT case_key || '#' || repeat_index) AS n FROM eval_result")
        .get(),
    ).toEqual({ n: 500 });
    expect(db.prepare("SELECT count(*) AS n FROM eval_result WHERE status = 'pass'").get()).toEqual(
      { n: 500 },
    );
    const ids = new Set(
      (db.prepare('SELECT id FROM eval_result').all() as { id: string }[]).map((r) => r.id),
    );
    expect(kept.every((k) => ids.has(k.id))).toBe(true);
    expect(db.prepare('SELECT status FROM eval_run').get()).toEqual({ status: 'completed' });
    db.close();
  });
});
