import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../support/parse-json';
import { resultViewSchema, runViewSchema } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { runCli } from '../support/run-cli';

/**
 * The loop a coding agent runs without the workbench: a run has a failing case → read it with
 * `assay runs show --json` → reproduce it as a new case with `assay cases add` → re-run the
 * dataset → edit the prompt (a new version through `assay prompts import`) → re-run: green.
 * The fake model echoes the prompt it gets, so what a prompt says decides each verdict.
 */

let fake: FakeServer;
let dir: string;
let env: NodeJS.ProcessEnv;
const cli = (args: string[]) => runCli([...args, '--data-dir', dir], env);

const TONE = `name: tone
kind: system
labels: { production: v1.0 }
versions:
  - version: v1.0
    content: { text: "Be brief." }
`;

const qaPrompt = (versions: string) => `name: qa
kind: chat
labels: { production: v1.0 }
versions:
${versions}`;

const V1 = `  - version: v1.0
    content:
      messages:
        - { role: system, ref: { prompt: tone, label: production } }
        - { role: user, content: "Q: {{question}}" }
`;
// The fix: the prompt passes the hint on, so the answer can name it.
const V1_1 = `  - version: v1.1
    parent: v1.0
    message: pass the hint on
    content:
      messages:
        - { role: system, ref: { prompt: tone, label: production } }
        - { role: user, content: "Q: {{question}} (hint: {{hint}})" }
`;

const FAQ = `test_cases:
  - vars: { question: "Is Paris the capital of France?", hint: "Paris" }
    matchers: [{ type: contains, value: "Paris" }]
  - vars: { question: "What is the capital of France?", hint: "Paris" }
    matchers: [{ type: contains, value: "Paris" }]
`;

const EVAL = ['eval', '--dataset', 'faq', '--model', 'openai:gpt-4o-mini', '--fail-under', '1'];

beforeAll(async () => {
  fake = await startOpenAiFake();
  env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-agent-loop-000000000' };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-agent-loop-'));
  const prompts = path.join(dir, 'prompts');
  fs.mkdirSync(prompts);
  fs.writeFileSync(path.join(prompts, 'tone.yaml'), TONE);
  fs.writeFileSync(path.join(prompts, 'qa.yaml'), qaPrompt(V1));
  expect((await cli(['prompts', 'import', prompts])).code).toBe(0);
  fs.writeFileSync(path.join(dir, 'faq.yaml'), FAQ);
  expect(
    (await cli(['datasets', 'import', path.join(dir, 'faq.yaml'), '--name', 'faq'])).code,
  ).toBe(0);
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the agent loop through the CLI', () => {
  it('turns a failure into a case, fixes the prompt and re-runs to green', async () => {
    // 1. A run with a failing case.
    const first = await cli([...EVAL, '--prompt', 'qa@production']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/openai:gpt-4o-mini .*│ 1 +│ 1 +│ 0 +│ 0 +│ 50\.0%/);

    // 2. Read the failure.
    const shown = await cli(['runs', 'show', 'latest', '--status', 'fail', '--json']);
    expect(shown.code).toBe(0);
    const { run, results } = parseJson(
      z.object({ run: runViewSchema, results: z.array(resultViewSchema) }),
      shown.stdout,
      'runs show --json',
    );
    expect(run.prompt).toBe('qa@v1.0');
    expect(run.components).toEqual([{ prompt: 'tone', version: 'v1.0' }]);
    expect(results).toHaveLength(1);
    const failure = results[0]!;
    expect(failure.vars.question).toBe('What is the capital of France?');
    expect(failure.output).not.toContain('Paris');
    expect(failure.matchers[0]).toMatchObject({ type: 'contains', pass: false });

    // 3. Reproduce it as a new case: the same need, asked another way.
    const added = await cli([
      'cases',
      'add',
      'faq',
      '--json',
      JSON.stringify({
        vars: { ...failure.vars, question: 'Which city is the capital of France?' },
        matchers: [{ type: 'contains', value: 'Paris' }],
        tags: [`from-run:${run.id.slice(0, 8)}`],
      }),
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ cases: [{ position: 2, revision: 1 }] });

    // 4. The suite now fails twice with the same prompt: the new case reproduces the failure.
    const reproduced = await cli([...EVAL, '--prompt', 'qa@production']);
    expect(reproduced.code).toBe(1);
    expect(reproduced.stdout).toMatch(/│ 1 +│ 2 +│ 0 +│ 0 +│ 33\.3%/);

    // 5. Edit the prompt: a new version, imported beside the old one.
    fs.writeFileSync(path.join(dir, 'prompts', 'qa.yaml'), qaPrompt(V1 + V1_1));
    const imported = await cli(['prompts', 'import', path.join(dir, 'prompts')]);
    expect(imported.code).toBe(0);

    // 6. Re-run with the new version: every case passes, and --fail-under 1 exits 0.
    const fixed = await cli([...EVAL, '--prompt', 'qa@v1.1']);
    expect(fixed.stderr).not.toMatch(/warning|error|unscored/i);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/│ 3 +│ 0 +│ 0 +│ 0 +│ 100\.0%/);

    // The runs, newest first, with the prompt and its component versions.
    const list = await cli(['runs', 'list', '--dataset', 'faq']);
    const rows = list.stdout.split('\n').filter((l) => l.includes('openai:gpt-4o-mini'));
    expect(rows.map((r) => /qa@v[\d.]+ \(tone@v1\.0\)/.exec(r)?.[0])).toEqual([
      'qa@v1.1 (tone@v1.0)',
      'qa@v1.0 (tone@v1.0)',
      'qa@v1.0 (tone@v1.0)',
    ]);
  }, 120_000);
});
