import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../support/parse-json';
import type { FakeServer } from '../fakes/fake-http';
import { judgePasses } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

/**
 * An eval verdict must never be wrong: what nothing scored is `unscored` (never a pass), and a
 * run that cannot be judged (an unknown matcher, a missing variable, a judge with no model)
 * stops before any model is called, with exit 2 and the file and line.
 */
let fake: FakeServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.reply = judgePasses('fine');
  env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-verdicts-000000000000' };
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function suite(dir: string, body: string, name = 'suite.yaml'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

const HEAD = 'name: verdicts\nprompt: { template: "Say {{q}}" }\nmodels: [openai:gpt-4o-mini]\n';

const reportSchema = z.object({
  passed: z.boolean(),
  runs: z.array(
    z.object({
      totals: z.object({
        pass: z.number(),
        fail: z.number(),
        unscored: z.number(),
        passRate: z.number(),
        results: z.number(),
      }),
      results: z.array(
        z.object({
          status: z.string(),
          score: z.number().nullable(),
          matchers: z.array(z.object({ unscored: z.boolean() })),
        }),
      ),
    }),
  ),
});
const readReport = (file: string) => readJsonFile(reportSchema, file);

describe('unscored results', () => {
  it('counts a case with no matchers as unscored, apart from the pass rate, in table and JSON', async () => {
    const dir = tempDir('assay-verdicts-');
    const file = suite(
      dir,
      `${HEAD}test_cases:\n  - vars: { q: a }\n    matchers: [{ type: contains, value: a }]\n  - vars: { q: b }\n`,
    );
    const out = path.join(dir, 'out.json');
    const res = await runCli(['eval', file, '--output', out, '--data-dir', dir], env);
    expect(res.code).toBe(0);
    // pass 1, fail 0, error 0, unscored 1, pass rate over the one scored result: 100%.
    expect(res.stdout).toMatch(/ 1 +│ 0 +│ 0 +│ 1 +│ 100\.0%/);
    expect(res.stderr).toMatch(/1 result was unscored/);
    const report = readReport(out);
    expect(report.runs[0]!.totals).toMatchObject({ pass: 1, unscored: 1, passRate: 1, results: 2 });
    expect(report.runs[0]!.results.map((r) => [r.status, r.score])).toEqual([
      ['pass', 1],
      ['unscored', null],
    ]);
    const xml = path.join(dir, 'out.junit.xml');
    await runCli(['eval', file, '--output', xml, '--data-dir', dir], env);
    expect(fs.readFileSync(xml, 'utf8')).toMatch(/<skipped message="unscored: no matchers"\/>/);
  });

  it('fails --fail-under when unscored results keep the rate down, unless --allow-unscored', async () => {
    const dir = tempDir('assay-verdicts-gate-');
    const file = suite(
      dir,
      `${HEAD}test_cases:\n  - vars: { q: a }\n    matchers: [{ type: contains, value: a }]\n  - vars: { q: b }\n  - vars: { q: c }\n`,
    );
    const gated = await runCli(['eval', file, '--fail-under', '0.9', '--data-dir', dir], env);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/--fail-under counts them as failing/);
    const allowed = await runCli(
      ['eval', file, '--fail-under', '0.9', '--allow-unscored', '--data-dir', dir],
      env,
    );
    expect(allowed.code).toBe(0);
  });

  it('leaves a promptfoo suite with an unmappable assertion unrun, and unscored with --skip-unmapped', async () => {
    const dir = tempDir('assay-verdicts-pf-');
    const config = suite(
      dir,
      [
        'prompts: ["Say {{q}}"]',
        'providers: [openai:gpt-4o-mini]',
        'tests:',
        '  - vars: { q: a }',
        '    assert:',
        '      - type: python',
        '        value: "output == 1"',
        '  - vars: { q: b }',
        '    assert: [{ type: contains, value: b }]',
      ].join('\n'),
      'promptfooconfig.yaml',
    );
    const refused = await runCli(['eval', config, '--data-dir', dir], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /promptfooconfig\.yaml:6: tests\[0\]\.assert\[0\]: assertion "python"/,
    );
    expect(fake.requests).toHaveLength(0);
    const out = path.join(dir, 'out.json');
    const skipped = await runCli(
      ['eval', config, '--skip-unmapped', '--output', out, '--data-dir', dir],
      env,
    );
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(
      /:6: tests\[0\]\.assert\[0\]: assertion "python" was not imported/,
    );
    const totals = readReport(out).runs[0]!.totals;
    // Before: the python case counted as passed and the suite reported 100%.
    expect(totals).toMatchObject({ pass: 1, unscored: 1, passRate: 1 });
    expect(readReport(out).runs[0]!.results[0]!.matchers[0]!.unscored).toBe(true);
  });
});

describe('checks before any model is called', () => {
  it('exits 2 for an unknown matcher type, naming file:line and the nearest type', async () => {
    const dir = tempDir('assay-verdicts-unknown-');
    const file = suite(
      dir,
      `${HEAD}test_cases:\n  - vars: { q: a }\n    matchers:\n      - { type: contians, value: a }\n`,
    );
    const res = await runCli(['eval', file, '--data-dir', dir], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /suite\.yaml:7: test_cases\[0\]\.matchers\[0\]\.type: unknown matcher type "contians"; did you mean "contains"/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('exits 2 listing every case that lacks a variable, with its line, and calls nothing', async () => {
    const dir = tempDir('assay-verdicts-vars-');
    const cases = Array.from(
      { length: 30 },
      (_, i) => `  - vars: { question: "q${i}" }\n    matchers: [{ type: contains, value: x }]`,
    ).join('\n');
    const file = suite(dir, `${HEAD}test_cases:\n${cases}\n`);
    const res = await runCli(['eval', file, '--data-dir', dir], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/suite\.yaml: the run cannot start, no model was called/);
    expect(res.stderr).toMatch(
      /30 cases \(lines 5, 7, 9, [0-9, ]*, 63\) lack the variable "q" that the prompt uses/,
    );
    expect(fake.requests).toHaveLength(0);
    // Nothing was started: no run is stored.
    const list = await runCli(['eval', '--resume', 'latest', '--data-dir', dir], env);
    expect(list.stderr).toMatch(/no runs yet/);
  });

  it('exits 2 for llm-judge and similarity matchers with no model configured, and runs with one', async () => {
    const dir = tempDir('assay-verdicts-judge-');
    const file = suite(
      dir,
      `${HEAD}test_cases:\n  - vars: { q: a }\n    matchers:\n      - { type: llm-judge, rubric: "Says a" }\n  - vars: { q: b }\n    matchers:\n      - { type: similarity, value: "Echo: Say b" }\n`,
    );
    const res = await runCli(['eval', file, '--data-dir', dir], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/1 case \(line 5\): llm-judge needs a judge model/);
    expect(res.stderr).toMatch(/1 case \(line 8\): similarity needs an embedding model/);
    expect(fake.requests).toHaveLength(0);
    const ok = await runCli(
      [
        'eval',
        file,
        '--judge-model',
        'openai:gpt-4o-mini',
        '--embedding-model',
        'openai:text-embedding-3-small',
        '--data-dir',
        dir,
      ],
      env,
    );
    expect(ok.stderr).not.toMatch(/unscored/);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ 2 +│ 0 +│ 0 +│ 0 +│ 100\.0%/);
  });
});

describe('assay eval without a suite file', () => {
  it('runs a stored dataset with --dataset, --prompt and --model, and resumes latest', async () => {
    const dir = tempDir('assay-verdicts-dataset-');
    const data = path.join(dir, 'cases.yaml');
    fs.writeFileSync(
      data,
      'test_cases:\n  - vars: { q: a }\n    matchers: [{ type: contains, value: a }]\n',
    );
    expect(
      (await runCli(['datasets', 'import', data, '--name', 'stored', '--data-dir', dir], env)).code,
    ).toBe(0);
    const prompts = path.join(dir, 'prompts');
    fs.mkdirSync(prompts);
    fs.writeFileSync(
      path.join(prompts, 'greet.yaml'),
      'name: greet\nkind: chat\nlabels: { production: v1.0 }\nversions:\n  - version: v1.0\n    content:\n      messages: [{ role: user, content: "Say {{q}}" }]\n',
    );
    expect((await runCli(['prompts', 'import', prompts, '--data-dir', dir], env)).code).toBe(0);
    const direct = await runCli(
      [
        'eval',
        '--dataset',
        'stored',
        '--prompt',
        'greet@production',
        '--model',
        'openai:gpt-4o-mini',
        '--data-dir',
        dir,
      ],
      env,
    );
    expect(direct.code).toBe(0);
    expect(direct.stdout).toMatch(
      /^run [0-9a-f-]{36}: openai:gpt-4o-mini · greet@v1\.0 · 1 cases$/m,
    );
    expect(direct.stdout).toMatch(/ 1 +│ 0 +│ 0 +│ 0 +│ 100\.0%/);
    const res = await runCli(
      [
        'eval',
        '--dataset',
        'stored',
        '--prompt',
        'missing@production',
        '--model',
        'openai:gpt-4o-mini',
        '--data-dir',
        dir,
      ],
      env,
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/NOT_FOUND: .*no prompt named "missing"/);

    const named = suite(
      dir,
      'prompt: { template: "Say {{q}}" }\nmodels: [openai:gpt-4o-mini]\ndataset: { name: stored }\n',
      'named.yaml',
    );
    const run = await runCli(['eval', named, '--data-dir', dir], env);
    expect(run.code).toBe(0);
    const id = /^run ([0-9a-f-]{36}):/m.exec(run.stdout)?.[1];
    expect(id).toBeDefined();
    const resumed = await runCli(['eval', '--resume', 'latest', '--data-dir', dir], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`run ${id}:`);
  });
});
