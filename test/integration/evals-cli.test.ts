import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../support/parse-json';
import type { FakeServer } from '../fakes/fake-http';
import { judgePasses } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

const SUITE = path.resolve(import.meta.dirname, 'fixtures/every-matcher.suite.yaml');
let fake: FakeServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.reply = judgePasses('it repeats the greeting');
  env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-eval-cli-000000000000' };
});
afterAll(() => fake.close());

describe('assay eval', () => {
  it('runs a suite with every matcher type and writes the documented JSON and JUnit', async () => {
    const dir = tempDir('assay-eval-cli-');
    const json = path.join(dir, 'out.json');
    const res = await runCli(['eval', SUITE, '--output', json, '--data-dir', dir], env);
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/openai:gpt-4o-mini .* 3 +│ 0 +│ 0 +│ 0 +│ 100\.0%/);
    expect(res.stdout).toMatch(/^run [0-9a-f-]{36}: openai:gpt-4o-mini · .* · 3 cases$/m);
    const report = readJsonFile(
      z.object({
        version: z.number(),
        passed: z.boolean(),
        runs: z.array(
          z.object({
            totals: z.object({
              pass: z.number(),
              judgeCostUsd: z.number(),
              promptCostUsd: z.number(),
            }),
            results: z.array(
              z.object({
                matchers: z.array(
                  z.object({ type: z.string(), pass: z.boolean(), reason: z.string() }),
                ),
              }),
            ),
          }),
        ),
      }),
      json,
    );
    expect(report).toMatchObject({ version: 1, passed: true });
    const matchers = report.runs[0]!.results.flatMap((r) => r.matchers);
    expect(new Set(matchers.map((m) => m.type))).toEqual(
      new Set([
        'exact',
        'contains',
        'starts-with',
        'regex',
        'levenshtein',
        'similarity',
        'cost',
        'latency',
        'javascript',
        'llm-judge',
        'is-json',
        'json-structure',
        'equals-json',
        'field-accuracy',
        'classification',
      ]),
    );
    for (const m of matchers)
      expect({ type: m.type, pass: m.pass, reason: m.reason.length > 0 }).toEqual({
        type: m.type,
        pass: true,
        reason: true,
      });
    expect(report.runs[0]!.totals.judgeCostUsd).toBeGreaterThan(0);
    expect(report.runs[0]!.totals.promptCostUsd).toBeGreaterThan(0);

    const junit = path.join(dir, 'out.junit.xml');
    expect((await runCli(['eval', SUITE, '--output', junit, '--data-dir', dir], env)).code).toBe(0);
    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="every-matcher">/,
    );
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('tests="3" failures="0" errors="0"');
  });

  it('exits 1 when a case regresses against the baseline, and 1 under --fail-under', async () => {
    const dir = tempDir('assay-eval-regress-');
    const good = path.join(dir, 'suite.yaml');
    const cases = `test_cases:\n  - vars: { q: "alpha" }\n    matchers: [{ type: contains, value: "alpha" }]\n  - vars: { q: "beta" }\n    matchers: [{ type: contains, value: "beta" }]\n`;
    fs.writeFileSync(
      good,
      `name: regress\nprompt: { template: "Say {{q}}" }\nmodels: [openai:gpt-4o-mini]\n${cases}`,
    );
    expect((await runCli(['eval', good, '--data-dir', dir], env)).code).toBe(0);
    // The candidate prompt drops the variable: every case now fails its contains check.
    const bad = path.join(dir, 'suite-bad.yaml');
    fs.writeFileSync(
      bad,
      `name: regress\nprompt: { template: "Say nothing" }\nmodels: [openai:gpt-4o-mini]\n${cases}`,
    );
    const json = path.join(dir, 'cmp.json');
    const res = await runCli(
      ['eval', bad, '--baseline', 'latest', '--output', json, '--data-dir', dir],
      env,
    );
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/2 regressions, 0 improvements/);
    const report = readJsonFile(
      z.object({
        passed: z.boolean(),
        comparisons: z.array(
          z.object({
            counts: z.object({ regression: z.number() }),
            cases: z.array(z.object({ change: z.string() })),
          }),
        ),
      }),
      json,
    );
    expect(report.passed).toBe(false);
    expect(report.comparisons[0]!.counts.regression).toBe(2);
    expect(report.comparisons[0]!.cases[0]!.change).toBe('regression');
    expect((await runCli(['eval', good, '--fail-under', '0.9', '--data-dir', dir], env)).code).toBe(
      0,
    );
    expect((await runCli(['eval', bad, '--fail-under', '90%', '--data-dir', dir], env)).code).toBe(
      1,
    );
  });

  it('exits 2 naming file, line and reason for a bad suite', async () => {
    const dir = tempDir('assay-eval-bad-');
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(
      file,
      'name: bad\nprompt: { template: "x" }\nmodels: [openai:gpt-4o-mini]\ntest_cases:\n  - vars: { a: "1" }\n    matchers:\n      - { type: regex, pattern: "([" }\n',
    );
    const res = await runCli(['eval', file, '--data-dir', dir], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/bad\.yaml:7.*pattern/);
    const noModel = path.join(dir, 'nomodel.yaml');
    fs.writeFileSync(
      noModel,
      'prompt: { template: "x" }\nmodels: [cohere:command]\ntest_cases: []\n',
    );
    const res2 = await runCli(['eval', noModel, '--data-dir', dir], env);
    expect(res2.code).toBe(2);
    expect(res2.stderr).toMatch(/nomodel\.yaml:2: models\[0\]/);
  });
});
