import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { judgeReplies } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { coreCall } from '../support/core-call';
import { runCli } from '../support/run-cli';
import { tempDirKept } from '../support/temp-dir-kept';
import { openTestCore } from '../support/test-database';

/**
 * `assay eval --scorecard` and a suite's `scorecard:`: the exit code says what the verdicts
 * say (a case the scorecard fails, or leaves unscored, is no pass), and a scorecard that cannot
 * be used is a bad configuration (exit 2) named where it was written.
 */
let fake: FakeServer;
let dir: string;
let env: NodeJS.ProcessEnv;
let suite: string;

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.reply = judgeReplies((request) =>
    request.lastUserText.includes('alpha')
      ? { reason: 'says alpha', level: 'Bullseye' }
      : { reason: 'not alpha', level: 'Wrong' },
  );
  env = { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-eval-scorecard-cli-0000' };
  // Kept for the whole file (tempDir's go after each test); removed in afterAll.
  dir = tempDirKept('assay-eval-scorecard-cli-');
  // Graders and scorecards are made through the contract, in the CLI's own data directory.
  const core = await openTestCore(dir, env);
  try {
    const call = <C extends Parameters<typeof coreCall>[1]>(
      channel: C,
      input: Parameters<typeof coreCall<C>>[2],
    ) => coreCall(core, channel, input);
    const echo = await call('graders.create', {
      name: 'Echoes',
      definition: {
        kind: 'deterministic',
        check: { type: 'matcher', matcher: { type: 'contains', value: 'Echo' } },
      },
      scoreConfig: { type: 'boolean' },
    });
    const judge = await call('graders.create', {
      name: 'Alpha judge',
      definition: {
        kind: 'llm_judge',
        prompt: { name: 'assay-judge-relevance' },
        model: { provider: 'openai', model: 'gpt-4o-mini' },
      },
      scoreConfig: {
        type: 'categorical',
        levels: [
          { name: 'Bullseye', value: 100 },
          { name: 'Wrong', value: 0 },
        ],
      },
    });
    const review = await call('graders.create', {
      name: 'Reviewer',
      definition: { kind: 'human', instructions: 'Is it right?' },
      scoreConfig: { type: 'boolean' },
    });
    const card = (name: string, ids: string[]) =>
      call('scorecards.create', {
        name,
        body: { items: ids.map((graderId) => ({ graderId })), passThreshold: 0.75 },
      });
    await card('words', [echo.id, judge.id]);
    await card('echoes', [echo.id]);
    await card('reviewed', [echo.id, review.id]);
  } finally {
    await core.close();
  }
  suite = path.join(dir, 'suite.yaml');
  fs.writeFileSync(
    suite,
    'prompt: { template: "Say {{word}}" }\nmodels: [openai:gpt-4o-mini]\nscorecard: words\n' +
      'test_cases:\n  - vars: { word: alpha }\n  - vars: { word: beta }\n',
  );
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const evalCli = (...args: string[]) =>
  runCli(['eval', suite, '--fail-under', '1', ...args, '--data-dir', dir], env);

describe('assay eval with a scorecard', () => {
  it("exits 1 when the suite's scorecard fails a case, 0 when the flag's passes every one", async () => {
    const failed = await evalCli();
    expect(failed.stdout).toMatch(/· 2 cases · scorecard words v1$/m);
    expect(failed.stdout).toMatch(/openai:gpt-4o-mini .* 1 +│ 1 +│ 0 +│ 0 +│ 50\.0%/);
    expect(failed.code).toBe(1);
    const passed = await evalCli('--scorecard', 'echoes@1');
    expect(passed.stdout).toMatch(/· scorecard echoes v1$/m);
    expect(passed.code).toBe(0);
  });

  it('exits 1 when a human grader leaves the cases unscored', async () => {
    const res = await evalCli('--scorecard', 'reviewed');
    expect(res.stderr).toMatch(/2 results were unscored/);
    expect(res.code).toBe(1);
  });

  it('exits 2 for a scorecard that does not exist, or lacks the version named', async () => {
    const unknown = await evalCli('--scorecard', 'nope');
    expect(unknown.stderr).toContain('--scorecard nope: no scorecard named "nope"');
    expect(unknown.code).toBe(2);
    fs.writeFileSync(
      suite,
      fs.readFileSync(suite, 'utf8').replace('scorecard: words', 'scorecard: words@7'),
    );
    const version = await evalCli();
    expect(version.stderr).toContain(
      `${suite}:3: scorecard: scorecard "words" has no version 7 (its latest is 1)`,
    );
    expect(version.code).toBe(2);
  });
});
