import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../support/parse-json';
import { parse } from 'yaml';
import { openTestCore } from '../support/test-database';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { defaultReply, type FakeChatRequest } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

/**
 * A test-case file of Assay's Python version (assay-py), used as it is: imported without a flag,
 * exported back to its own shape, and run as a suite against the fake OpenAI server.
 */
const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/python-era/support-triage.yaml');
const fixture = fs.readFileSync(FIXTURE, 'utf8');

/** The fixture as parsed YAML, with the one documented export difference: rubric → criteria. */
function fixtureAsExported(): unknown {
  const file = parse(fixture) as { test_cases: { matchers: Record<string, unknown>[] }[] };
  const judge = file.test_cases[6]!.matchers[0]!;
  file.test_cases[6]!.matchers[0] = { type: 'llm_judge', criteria: judge.rubric };
  return file;
}

/**
 * Replies chosen so each case's verdict is known: the model's answer by the ticket it was given,
 * the judge's by its rubric.
 */
const REPLIES: readonly [string, string][] = [
  ['charged twice', '  Billing\n'], // exact, ignoring case and spaces: pass
  ['reset my password', 'Account'], // contains "account", case-sensitive: fail
  ['two weeks late', 'Shipping: please send us the tracking number'], // pass
  ['B-2002', '{"order_id": "B-2002", "total": "129.994", "category": " shipping "}'], // pass
  ['C-3003', '{"order_id": "C-3003", "total": 57}'], // wrong total: fail
  ['third time', 'We are sorry. A colleague will call you back tomorrow.'], // judge grades 4 of 5: pass
  ['broken lamp', 'You will get 20 EUR back.'], // judge fails it
];
const VERDICTS = ['pass', 'fail', 'pass', 'pass', 'fail', 'pass', 'fail'];

function reply(req: FakeChatRequest) {
  const text = req.lastUserText;
  if (text.includes('<rubric>'))
    return {
      ...defaultReply(req),
      text: text.includes('apologises')
        ? '{"grade": 4, "reason": "apologises and promises a callback"}'
        : '{"pass": false, "reason": "it promises 20 EUR"}',
    };
  const hit = REPLIES.find(([ticket]) => text.includes(ticket));
  return hit ? { ...defaultReply(req), text: hit[1] } : defaultReply(req);
}

let fake: FakeServer;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.reply = reply;
  env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-assay-py-0000000000000' };
});
afterAll(() => fake.close());

async function withCore<T>(dataDir: string, work: (ok: Ok) => Promise<T>): Promise<T> {
  const core = await openTestCore(dataDir, {});
  try {
    return await work(async (channel, input) => {
      const result = await core.dispatcher.dispatch(channel, input, { transport: 'cli' });
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.data as never;
    });
  } finally {
    await core.close();
  }
}
type Ok = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

const reportSchema = z.object({
  runs: z.array(
    z.object({
      totals: z.object({ pass: z.number(), fail: z.number() }),
      results: z.array(z.object({ position: z.number(), status: z.string() })),
    }),
  ),
});
const verdicts = (file: string): string[] =>
  readJsonFile(reportSchema, file)
    .runs[0]!.results.sort((a, b) => a.position - b.position)
    .map((r) => r.status);

describe('assay-py files', () => {
  it('import without a flag, remember their shape, and export back to it', async () => {
    const dataDir = tempDir('assay-py-cli-');
    const imported = await runCli(['datasets', 'import', FIXTURE, '--data-dir', dataDir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'Imported 7 cases into "support-triage" (7 cases, extraction)',
    );

    const exported = await runCli(['datasets', 'export', 'support-triage', '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    expect(parse(exported.stdout)).toEqual(fixtureAsExported());

    // --format still chooses: Assay's own YAML spells the same cases its way.
    const asYaml = await runCli([
      'datasets',
      'export',
      'support-triage',
      '--format',
      'yaml',
      '--data-dir',
      dataDir,
    ]);
    const yamlFile = parse(asYaml.stdout) as {
      test_cases: { description: string; matchers: { type: string }[] }[];
    };
    expect(yamlFile.test_cases[3]!.description).toBe('order fields are extracted');
    expect(yamlFile.test_cases[3]!.matchers.map((m) => m.type)).toEqual([
      'regex',
      'json-structure',
      'field-accuracy',
    ]);

    // A .yaml --output says YAML, not which: the dataset's own shape is written.
    const out = path.join(dataDir, 'again.yaml');
    const toFile = await runCli([
      'datasets',
      'export',
      'support-triage',
      '--output',
      out,
      '--data-dir',
      dataDir,
    ]);
    expect(toFile.code).toBe(0);
    expect(parse(fs.readFileSync(out, 'utf8'))).toEqual(fixtureAsExported());

    // An explicit --format imports the exported file again, to the same cases.
    const again = await runCli([
      'datasets',
      'import',
      out,
      '--format',
      'assay-py',
      '--name',
      'again',
      '--data-dir',
      dataDir,
    ]);
    expect(again.code).toBe(0);
    await withCore(dataDir, async (ok) => {
      const a = await ok('datasets.get', { name: 'support-triage' });
      const b = await ok('datasets.get', { name: 'again' });
      expect(a.dataset.sourceFormat).toBe('assay-py');
      expect(b.dataset.sourceFormat).toBe('assay-py');
      const content = (c: (typeof a.cases)[number]) => [
        c.description,
        c.vars,
        c.expected,
        c.matchers,
        c.tags,
      ];
      expect(b.cases.map(content)).toEqual(a.cases.map(content));
    });
  }, 60_000);

  it('import through the workbench channel and refuse an unknown type naming file:line', async () => {
    await withCore(tempDir('assay-py-channel-'), async (ok) => {
      const result = await ok('datasets.import', {
        fileName: 'triage.yaml',
        format: 'yaml',
        content: fixture,
      });
      expect(result).toMatchObject({
        added: 7,
        dataset: { name: 'support-triage', sourceFormat: 'assay-py' },
      });
      const exported = await ok('datasets.export', { name: 'support-triage' });
      expect(exported).toMatchObject({ format: 'assay-py', cases: 7, warnings: [] });
      expect(parse(exported.content)).toEqual(fixtureAsExported());
      // A case added in the workbench with a matcher assay-py has no word for: kept, and said.
      await ok('cases.add', {
        dataset: 'support-triage',
        cases: [
          {
            vars: { ticket: 'x' },
            matchers: [{ type: 'levenshtein', value: 'x', maxDistance: 1 }],
          },
        ],
      });
      const warned = await ok('datasets.export', { name: 'support-triage' });
      expect(warned.warnings).toEqual([
        {
          message: expect.stringMatching(
            /^test_cases\[7\]\.matchers\[0\]: levenshtein has no assay-py type/,
          ),
        },
      ]);
      expect(parse(warned.content)).toMatchObject({
        test_cases: {
          7: {
            input: { ticket: 'x' },
            matchers: [{ type: 'levenshtein', value: 'x', maxDistance: 1 }],
          },
        },
      });

      const bad = fixture.replace('type: json_structure', 'type: json_structur');
      await expect(
        ok('datasets.import', { name: 'bad', fileName: 'bad.yaml', format: 'yaml', content: bad }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(
          /bad\.yaml:56: test_cases\[3\]\.matchers\[0\]\.type: unknown matcher type "json_structur"; did you mean "json_structure"\?/,
        ),
      });
      expect((await ok('datasets.list', {})).datasets.map((d) => d.name)).toEqual([
        'support-triage',
      ]);
      // A dataset made in Assay has no file shape: it exports as Assay YAML, as before.
      expect(await ok('datasets.create', { name: 'made-here' })).toMatchObject({
        sourceFormat: null,
      });
      expect(await ok('datasets.export', { name: 'made-here' })).toMatchObject({ format: 'yaml' });
    });
  });

  it('run as a suite with --prompt and --model, with verdicts per case', async () => {
    const dataDir = tempDir('assay-py-eval-');
    await withCore(dataDir, (ok) =>
      ok('prompts.create', {
        name: 'support/triage',
        kind: 'text',
        content: { text: 'Triage this {{customer_tier}} ticket: {{ticket}}' },
        labels: ['production'],
      }),
    );
    const json = path.join(dataDir, 'out.json');
    const res = await runCli(
      [
        'eval',
        FIXTURE,
        '--prompt',
        'support/triage@production',
        '--model',
        'openai:gpt-4o-mini',
        '--judge-model',
        'openai:gpt-4o-mini',
        '--output',
        json,
        '--data-dir',
        dataDir,
      ],
      env,
    );
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    expect(verdicts(json)).toEqual(VERDICTS);
    // The suite's dataset remembers its shape too.
    const exported = await runCli([
      'datasets',
      'export',
      'suite/support-triage',
      '--data-dir',
      dataDir,
    ]);
    expect(parse(exported.stdout)).toMatchObject({
      test_cases: (fixtureAsExported() as { test_cases: unknown }).test_cases,
    });
  }, 120_000);

  it('run as a suite from its own prompt, models and judge_model keys', async () => {
    const dataDir = tempDir('assay-py-suite-');
    const suite = path.join(dataDir, 'support-triage.suite.yaml');
    fs.writeFileSync(
      suite,
      `prompt: "Triage this {{customer_tier}} ticket: {{ticket}}"\nmodels: [openai:gpt-4o-mini]\njudge_model: openai:gpt-4o-mini\n${fixture}`,
    );
    const json = path.join(dataDir, 'out.json');
    const res = await runCli(['eval', suite, '--output', json, '--data-dir', dataDir], env);
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    expect(verdicts(json)).toEqual(VERDICTS);
    // A template as `prompt:` is the Python version's way only; Assay's suites still name one.
    const assaySuite = path.join(dataDir, 'assay.suite.yaml');
    fs.writeFileSync(
      assaySuite,
      'prompt: "Say {{q}}"\nmodels: [openai:gpt-4o-mini]\ntest_cases:\n  - vars: { q: x }\n',
    );
    const refused = await runCli(['eval', assaySuite, '--data-dir', dataDir], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/assay\.suite\.yaml:1: prompt: "Say \{\{q\}\}" is not NAME/);
  }, 120_000);
});
