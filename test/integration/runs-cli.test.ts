import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson, readJsonFile } from '../support/parse-json';
import { resultViewSchema, runViewSchema, type RunView } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { CLI, REPO_ROOT, runCli } from '../support/run-cli';
import { testDatabaseEnv } from '../support/test-database';

/** `assay runs list|show|delete|export` against runs stored by `assay eval`. */

const runsOf = (stdout: string) =>
  parseJson(z.object({ runs: z.array(runViewSchema) }), stdout, 'runs list --json');
const runResultsSchema = z.object({ run: runViewSchema, results: z.array(resultViewSchema) });
const jsonObject = z.record(z.string(), z.unknown());

let fake: FakeServer;
let env: NodeJS.ProcessEnv;
let dir: string;
let runId: string;

const CASES = `test_cases:
  - vars: { q: "alpha" }
    matchers: [{ type: contains, value: "alpha" }]
  - vars: { q: "beta" }
    matchers: [{ type: contains, value: "gamma" }]
`;

function writeSuite(name: string, cases = CASES): string {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(
    file,
    `name: ${name}\nprompt: { template: "Say {{q}}" }\nmodels: [openai:gpt-4o-mini]\n${cases}`,
  );
  return file;
}

const cli = (args: string[]) => runCli([...args, '--data-dir', dir], env);

beforeAll(async () => {
  fake = await startOpenAiFake();
  env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-runs-cli-00000000000' };
  // Kept for the whole file (tempDir empties after each test): the runs live here.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-runs-cli-'));
  const res = await cli(['eval', writeSuite('greet'), '--output', path.join(dir, 'eval.json')]);
  expect(res.code).toBe(0);
  runId = /^run ([0-9a-f-]{36}):/m.exec(res.stdout)![1]!;
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('assay runs list', () => {
  it('prints a table of runs with verdict counts, pass rate and cost', async () => {
    const res = await cli(['runs', 'list']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const row = res.stdout.split('\n').find((l) => l.includes(runId))!;
    expect(row).toMatch(
      /│ completed │ suite\/greet │ inline prompt │ openai:gpt-4o-mini │ 1 +│ 1 +│ 0 +│ 0 +│ 50\.0% +│ \$\d+\.\d{4}/,
    );
  });

  it('prints JSON, filtered by dataset and limited', async () => {
    const second = await cli(['eval', writeSuite('other')]);
    expect(second.code).toBe(0);
    const all = runsOf((await cli(['runs', 'list', '--json'])).stdout);
    expect(all.runs.map((r) => r.dataset)).toEqual(['suite/other', 'suite/greet']);
    const one = await cli(['runs', 'list', '--json', '--dataset', 'suite/greet', '--limit', '1']);
    const parsed = runsOf(one.stdout);
    expect(parsed.runs.map((r) => r.id)).toEqual([runId]);
    expect(parsed.runs[0]!.totals).toMatchObject({ pass: 1, fail: 1, unscored: 0 });
  });

  it('exits 2 for a bad --limit and 1 for an unknown dataset', async () => {
    const bad = await cli(['runs', 'list', '--limit', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'assay: VALIDATION_FAILED: --limit must be an integer from 1 to 500, got "many"\n',
    );
    const unknown = await cli(['runs', 'list', '--dataset', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^assay: NOT_FOUND: .*"nope"/);
  });
});

describe('assay runs show', () => {
  it('prints the header and each result with the failed matchers’ reasons', async () => {
    const res = await cli(['runs', 'show', runId]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^run +${runId} \\(`, 'm'));
    expect(res.stdout).toMatch(/^prompt +inline prompt$/m);
    expect(res.stdout).toMatch(/^model +openai:gpt-4o-mini$/m);
    expect(res.stdout).toMatch(/^cache +on \(0 cached results\)$/m);
    expect(res.stdout).toMatch(/^judge +-$/m);
    expect(res.stdout).toMatch(/^embedding +-$/m);
    expect(res.stdout).toMatch(
      /^totals +2 results: 1 pass, 1 fail, 0 error, 0 unscored · pass rate 50\.0%$/m,
    );
    expect(res.stdout).toMatch(/│ #0 +│ pass +│ 1\.00 +│/);
    expect(res.stdout).toMatch(/│ #1 +│ fail +│ 0\.00 +│ contains: .*gamma/);
  });

  it('prints JSON of one status, and takes latest', async () => {
    const res = await cli(['runs', 'show', runId, '--status', 'fail', '--json']);
    expect(res.code).toBe(0);
    const { run, results } = parseJson(runResultsSchema, res.stdout, 'runs show --json');
    expect(run.id).toBe(runId);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'fail', vars: { q: 'beta' }, position: 1 });
    expect(results[0]!.matchers[0]).toMatchObject({ type: 'contains', pass: false });
    const latest = parseJson(
      runResultsSchema,
      (await cli(['runs', 'show', 'latest', '--json'])).stdout,
      'runs show latest --json',
    );
    const newest = runsOf((await cli(['runs', 'list', '--json', '--limit', '1'])).stdout);
    expect(latest.run.id).toBe(newest.runs[0]!.id);
  });

  it('exits 1 for an unknown run and 2 for an unknown status', async () => {
    const unknown = await cli(['runs', 'show', 'no-such-run']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('assay: NOT_FOUND: evals.get: no run with id "no-such-run"\n');
    const status = await cli(['runs', 'show', runId, '--status', 'maybe']);
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/^assay: VALIDATION_FAILED: evals\.results: invalid "status"/);
  });
});

describe('assay runs export', () => {
  it('writes the report assay eval --output wrote for the run', async () => {
    const file = path.join(dir, 'export.json');
    const res = await cli(['runs', 'export', runId, '--output', file]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`Exported run ${runId} (2 results) to ${file}\n`);
    const exported = readJsonFile(jsonObject, file);
    const written = readJsonFile(jsonObject, path.join(dir, 'eval.json'));
    expect(exported).toEqual({ ...written, suite: expect.any(String) });
  });

  it('writes .junit.xml, .csv and .jsonl like assay eval', async () => {
    for (const ext of ['junit.xml', 'csv', 'jsonl']) {
      const file = path.join(dir, `export.${ext}`);
      expect((await cli(['runs', 'export', 'latest', '--output', file])).code).toBe(0);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
    }
    const csv = fs.readFileSync(path.join(dir, 'export.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^run,provider,model,prompt,position,repeat,status,score/);
    const xml = fs.readFileSync(path.join(dir, 'export.junit.xml'), 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
  });

  it('exits 2 for a format it cannot write', async () => {
    const res = await cli(['runs', 'export', runId, '--output', path.join(dir, 'out.txt')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/use \.json, \.jsonl, \.csv or \.junit\.xml/);
  });
});

/** `assay eval` in the background, for a run that executes while another process looks. */
async function evalInBackground(suite: string): Promise<{ exited: Promise<number | null> }> {
  const database = await testDatabaseEnv(dir);
  const child = spawn(
    process.execPath,
    [CLI, 'eval', suite, '--concurrency', '1', '--data-dir', dir],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...database, ...env },
      stdio: 'ignore',
    },
  );
  return { exited: new Promise((resolve) => child.on('close', resolve)) };
}

describe('assay runs delete', () => {
  it('refuses a run executing in another process, then deletes it once done', async () => {
    const slow = writeSuite(
      'slow',
      `test_cases:\n${Array.from({ length: 20 }, (_, i) => `  - vars: { q: "w${i}" }\n`).join('')}`,
    );
    fake.latencyMs = 400;
    let running: Promise<number | null>;
    try {
      running = (await evalInBackground(slow)).exited;
      let stored: RunView | undefined;
      for (let i = 0; i < 100 && !stored; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const list = await cli(['runs', 'list', '--json', '--dataset', 'suite/slow']);
        stored = runsOf(list.stdout || '{"runs":[]}').runs.find((r) => r.totals.results > 0);
      }
      expect(stored).toBeDefined();
      const refused = await cli(['runs', 'delete', stored!.id]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^assay: CONFLICT: .*another Assay process/);
      expect(await running).toBe(0);
      const deleted = await cli(['runs', 'delete', stored!.id]);
      expect(deleted.code).toBe(0);
      expect(deleted.stdout).toBe(
        `Deleted run ${stored!.id} (suite/slow, 20 results); the spans of its calls are kept.\n`,
      );
    } finally {
      fake.latencyMs = 0;
    }
  }, 60_000);

  it('deletes a run, which then is not found', async () => {
    const res = await cli(['runs', 'delete', runId]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Deleted run .* \(suite\/greet, 2 results\)/);
    const again = await cli(['runs', 'delete', runId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`assay: NOT_FOUND: evals.get: no run with id "${runId}"\n`);
    const list = runsOf((await cli(['runs', 'list', '--json'])).stdout);
    expect(list.runs.map((r) => r.id)).not.toContain(runId);
  });
});
