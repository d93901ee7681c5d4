import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../support/parse-json';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { REPO_ROOT, runCli, CLI } from '../support/run-cli';
import { coreCall } from '../support/core-call';
import { openTestCore, openTestStoreFor, testDatabaseEnv } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

// Several processes on one database: the team server's servers and workers on PostgreSQL, or
// the app and `assay eval` on one SQLite data directory. Each test starts real processes.

let fake: FakeServer;
beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.latencyMs = 5;
  fake.record = false;
});
afterAll(() => fake.close());

const WORKER = path.join(REPO_ROOT, 'test/support/concurrency-worker.ts');

function llmEnv(): NodeJS.ProcessEnv {
  return { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-concurrent-0000000000' };
}

/** Runs the worker as its own process; resolves with what it printed. */
async function worker(dataDir: string, task: object): Promise<{ done: string[] }> {
  const env = { ...process.env, ...(await testDatabaseEnv(dataDir)) };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, dataDir, JSON.stringify(task)],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`worker exited ${code}: ${err}`));
      else
        resolve(
          parseJson(
            z.object({ done: z.array(z.string()) }),
            out.trim().split('\n').pop()!,
            'worker',
          ),
        );
    });
  });
}

function writeSuite(dir: string, cases: number): string {
  const file = path.join(dir, 'suite.yaml');
  const lines = Array.from(
    { length: cases },
    (_, i) => `  - vars: { n: "${i}" }\n    matchers: [{ type: contains, value: "case ${i}" }]`,
  );
  fs.writeFileSync(
    file,
    `name: shared-suite\nprompt: { template: "case {{n}}" }\nmodels: [openai:gpt-4o-mini]\nconcurrency: 8\ntest_cases:\n${lines.join('\n')}\n`,
  );
  return file;
}

describe('two processes on one database', () => {
  it('two `assay eval` runs of one suite at once: each run complete, nothing lost or doubled', async () => {
    const dir = tempDir('assay-concurrent-eval-');
    const suite = writeSuite(dir, 200);
    const [a, b] = await Promise.all([
      runCli(['eval', suite, '--data-dir', dir], llmEnv()),
      runCli(['eval', suite, '--data-dir', dir], llmEnv()),
    ]);
    // stderr carries the progress bars; an error would be a coded line.
    for (const r of [a, b]) expect(r.stderr).not.toMatch(/[A-Z_]+: |error/i);
    expect([a.code, b.code]).toEqual([0, 0]);

    const store = await openTestStoreFor(dir);
    try {
      const runs = await store.db.selectFrom('eval_run').select(['id', 'status']).execute();
      expect(runs).toHaveLength(2);
      expect(runs.every((r) => r.status === 'completed')).toBe(true);
      for (const run of runs) {
        const rows = await store.db
          .selectFrom('eval_result')
          .select(['case_key', 'status'])
          .where('run_id', '=', run.id)
          .execute();
        expect(rows).toHaveLength(200);
        expect(new Set(rows.map((r) => r.case_key)).size).toBe(200);
        expect(rows.every((r) => r.status === 'pass')).toBe(true);
      }
      // The suite's dataset is one dataset, synced once, whichever process got there first.
      const datasets = await store.db.selectFrom('dataset').select('id').execute();
      expect(datasets).toHaveLength(1);
      const cases = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM test_case WHERE deleted_at IS NULL`.execute(store.db);
      expect(Number(cases.rows[0]!.n)).toBe(200);
      const spans = await sql<{ n: number }>`SELECT count(*) AS n FROM span`.execute(store.db);
      expect(Number(spans.rows[0]!.n)).toBe(400);
    } finally {
      await store.close();
    }
  });

  it('a run killed midway and resumed by two processes at once ends with each result once', async () => {
    const dir = tempDir('assay-concurrent-resume-');
    const suite = writeSuite(dir, 300);
    const env = { ...process.env, ...llmEnv(), ...(await testDatabaseEnv(dir)) };
    fake.latencyMs = 20;
    const child = spawn(process.execPath, [CLI, 'eval', suite, '--data-dir', dir], {
      cwd: REPO_ROOT,
      env,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Opening migrates if the child has not yet: both take the migration lock, one applies it.
    const store = await openTestStoreFor(dir);
    try {
      const count = async () => {
        const r = await sql<{ n: number }>`SELECT count(*) AS n FROM eval_result`
          .execute(store.db)
          .catch(() => ({ rows: [{ n: 0 }] }));
        return Number(r.rows[0]!.n);
      };
      let before = 0;
      for (let i = 0; i < 600 && before < 80; i++) {
        await new Promise((r) => setTimeout(r, 25));
        before = await count();
      }
      child.kill('SIGKILL');
      await exited;
      fake.latencyMs = 5;
      const kept = (await store.db.selectFrom('eval_result').select('id').execute()).map(
        (r) => r.id,
      );
      expect(kept.length).toBeGreaterThanOrEqual(80);
      expect(kept.length).toBeLessThan(300);
      const run = await store.db
        .selectFrom('eval_run')
        .select(['id', 'status'])
        .executeTakeFirstOrThrow();
      expect(run.status).toBe('running');

      const resumers = await Promise.all([
        runCli(['eval', '--resume', run.id, '--data-dir', dir], llmEnv()),
        runCli(['eval', '--resume', run.id, '--data-dir', dir], llmEnv()),
      ]);
      for (const r of resumers) expect(r.stderr).not.toMatch(/internal|stack|at .*\.ts:/i);
      expect(resumers.some((r) => r.code === 0)).toBe(true);

      const rows = await store.db
        .selectFrom('eval_result')
        .select(['id', 'case_key', 'repeat_index'])
        .execute();
      expect(rows).toHaveLength(300);
      expect(new Set(rows.map((r) => `${r.case_key}#${r.repeat_index}`)).size).toBe(300);
      const ids = new Set(rows.map((r) => r.id));
      expect(kept.every((id) => ids.has(id))).toBe(true);
      const final = await store.db
        .selectFrom('eval_run')
        .select('status')
        .executeTakeFirstOrThrow();
      expect(final.status).toBe('completed');
    } finally {
      await store.close();
    }
  });

  it('concurrent saves from two processes get unique, gap-free version numbers', async () => {
    const dir = tempDir('assay-concurrent-saves-');
    const core = await openTestCore(dir, {});
    await coreCall(core, 'prompts.create', {
      name: 'shared',
      kind: 'text',
      content: { text: 'first {{q}}' },
    });
    await core.close();

    const [a, b] = await Promise.all([
      worker(dir, { kind: 'saves', prompt: 'shared', count: 15, tag: 'a' }),
      worker(dir, { kind: 'saves', prompt: 'shared', count: 15, tag: 'b' }),
    ]);
    const names = [...a.done, ...b.done];
    expect(new Set(names).size).toBe(30);
    const again = await openTestCore(dir, {});
    try {
      const { versions } = await coreCall(again, 'prompts.versions', { name: 'shared' });
      const list = versions
        .map((v) => v.version)
        .sort((x, y) => Number(x.split('.')[1]) - Number(y.split('.')[1]));
      expect(list).toEqual(Array.from({ length: 31 }, (_, i) => `v1.${i}`));
    } finally {
      await again.close();
    }
  });

  it('label moves from two processes form one unbroken history (compare-and-set, no lost move)', async () => {
    const dir = tempDir('assay-concurrent-labels-');
    const core = await openTestCore(dir, {});
    await coreCall(core, 'prompts.create', {
      name: 'moved',
      kind: 'text',
      content: { text: 'v0 {{q}}' },
    });
    for (let i = 1; i <= 3; i++)
      await coreCall(core, 'prompts.update', { name: 'moved', content: { text: `v${i} {{q}}` } });
    await core.close();

    await Promise.all([
      worker(dir, {
        kind: 'labels',
        prompt: 'moved',
        label: 'production',
        versions: ['v1.0', 'v1.1', 'v1.2', 'v1.3'],
        count: 20,
      }),
      worker(dir, {
        kind: 'labels',
        prompt: 'moved',
        label: 'production',
        versions: ['v1.3', 'v1.1', 'v1.0', 'v1.2'],
        count: 20,
      }),
    ]);

    const again = await openTestCore(dir, {});
    try {
      const history = await coreCall(again, 'prompts.labelHistory', { name: 'moved' });
      const current = await coreCall(again, 'prompts.get', { name: 'moved', label: 'production' });
      const moves = history.events.filter((e) => e.label === 'production').reverse();
      expect(moves.length).toBeGreaterThan(1);
      expect(moves.length).toBeLessThanOrEqual(40);
      // Each move starts where the one before it ended: a lost update would show two moves
      // from the same version with no move back in between.
      const chain = orderChain(moves);
      expect(chain[0]!.fromVersion).toBeNull();
      for (let i = 1; i < chain.length; i++)
        expect(chain[i]!.fromVersion).toBe(chain[i - 1]!.toVersion);
      expect(current.version.version).toBe(chain[chain.length - 1]!.toVersion);
    } finally {
      await again.close();
    }
  });
});

type Move = { fromVersion: string | null; toVersion: string; at: string };

/** Orders moves by time; moves in the same millisecond (two processes) in the order that links. */
function orderChain(moves: readonly Move[]): Move[] {
  const byTime = [...moves].sort((x, y) => x.at.localeCompare(y.at));
  const out: Move[] = [];
  let i = 0;
  while (i < byTime.length) {
    let j = i;
    while (j < byTime.length && byTime[j]!.at === byTime[i]!.at) j++;
    const tie = byTime.slice(i, j);
    while (tie.length > 0) {
      const last = out.length > 0 ? out[out.length - 1]!.toVersion : null;
      const k = tie.findIndex((m) => m.fromVersion === last);
      out.push(...tie.splice(k >= 0 ? k : 0, 1));
    }
    i = j;
  }
  return out;
}
