import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestRunViewSchema } from '../../shared/contract/backtests';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { GEO_SCORECARD, geoReply, seedGeo } from '../support/backtest-fixture';
import { coreCall } from '../support/core-call';
import { readJsonFile } from '../support/parse-json';
import { runCli } from '../support/run-cli';
import { tempDirKept } from '../support/temp-dir-kept';
import { openTestCore } from '../support/test-database';

/**
 * `assay backtest` through the real bin script: a set frozen through a core on the data
 * directory, candidates replayed on the fake OpenAI server, and the exit code CI reads (0, 1
 * when a candidate is significantly worse, 2 on bad input), the printed verdict and the
 * report files.
 */

let openai: FakeServer;
let dir: string;
let env: NodeJS.ProcessEnv;
const N = 10;

const backtest = (...args: string[]) =>
  runCli(
    ['backtest', '--set', 'geo-set', '--scorecard', GEO_SCORECARD, ...args, '--data-dir', dir],
    env,
  );

/** Tags of an XML text nest and close: a parser would read it (no entity or tag left open). */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  for (const m of body.matchAll(
    /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos);)/g,
  )) {
    if (m[2] === undefined) return false; // a stray < or an unescaped &
    if (m[4] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0;
}

beforeAll(async () => {
  openai = await startOpenAiFake();
  openai.reply = geoReply;
  dir = tempDirKept('assay-backtest-cli-');
  env = { OPENAI_BASE_URL: `${openai.url}/v1`, OPENAI_API_KEY: 'sk-backtest-cli-000000000000' };
  const core = await openTestCore(dir, env);
  try {
    await seedGeo((channel, input) => coreCall(core, channel, input), N);
    await coreCall(core, 'backtests.sets.create', {
      name: 'geo-set',
      source: { kind: 'interactions', sampleSize: N },
    });
  } finally {
    await core.close();
  }
}, 60_000);

afterAll(async () => {
  await openai?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each command is a process that opens the database and runs a backtest.
const SLOW = { timeout: 120_000 };

describe('assay backtest', SLOW, () => {
  it('exits 1 for a significantly worse model, prints the verdict and writes the JSON', async () => {
    const out = path.join(dir, 'mini.json');
    const res = await backtest('--model', 'openai:gpt-4o-mini', '--output', out);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(
      /^backtest .+ \(completed\): 10 items of set "geo-set", scorecard geo-card v1$/m,
    );
    expect(res.stdout).toContain('recorded prompt · openai:gpt-4o-mini against production: worse');
    expect(res.stdout).toContain('mean score change -0.500');
    expect(res.stdout).toContain('0 better, 5 same, 5 worse; 0 unscored');
    expect(res.stderr).toMatch(/^assay: backtest of 10 items; estimated cost \$\d/);
    const report = readJsonFile(backtestRunViewSchema, out);
    expect(report).toMatchObject({ status: 'completed', items: N, done: 2 * N, total: 2 * N });
    expect(report.verdicts).toHaveLength(1);
    expect(report.verdicts[0]).toMatchObject({ verdict: 'worse', losses: 5, ties: 5 });
    expect(report.verdicts[0]!.meanDelta).toBeCloseTo(-0.5, 12);
  });

  it('exits 0 for a candidate as good as production (a prompt on a model)', async () => {
    const res = await backtest('--candidate', 'geo@latest', '--model', 'openai:gpt-4o');
    expect(res.stderr).not.toMatch(/assay: [A-Z_]+:/);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('geo@v1.0 · openai:gpt-4o against production: no difference');
    expect(res.stdout).toContain('0 better, 10 same, 0 worse');
  });

  it('exits 0 when the drop is within --fail-if-worse', async () => {
    const res = await backtest('--model', 'openai:gpt-4o-mini', '--fail-if-worse', '0.9');
    expect(res.code).toBe(0);
    // Still reported as worse: the allowance changes the exit code, never the verdict.
    expect(res.stdout).toContain('openai:gpt-4o-mini against production: worse');
  });

  it('writes JUnit with a failure for the worse candidate only', async () => {
    const out = path.join(dir, 'both.junit.xml');
    const res = await backtest(
      ...['--model', 'openai:gpt-4o-mini', '--model', 'openai:gpt-4o', '--output', out],
    );
    expect(res.code).toBe(1);
    const xml = fs.readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites>/);
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain('tests="2" failures="1"');
    const cases = [...xml.matchAll(/<testcase [^>]*name="([^"]*)">([\s\S]*?)<\/testcase>/g)];
    expect(cases.map((c) => c[1])).toEqual([
      'recorded prompt · openai:gpt-4o-mini',
      'recorded prompt · openai:gpt-4o',
    ]);
    expect(cases[0]![2]).toMatch(
      /^<failure message="mean score change -0\.500 is significantly worse">/,
    );
    expect(cases[1]![2]).toBe('');
  });

  it('refuses bad flags with exit 2 and one coded line naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['--model', 'gpt-4o'], /^assay: CONFIG_INVALID: --model "gpt-4o" is not provider:model/],
      [['--model', 'nosuch:gpt-4o'], /^assay: CONFIG_INVALID: --model "nosuch:gpt-4o"/],
      [
        ['--model', 'openai:gpt-4o', '--fail-if-worse', 'abc'],
        /^assay: CONFIG_INVALID: --fail-if-worse "abc"/,
      ],
      [
        ['--model', 'openai:gpt-4o', '--fail-if-worse', '-0.1'],
        /^assay: CONFIG_INVALID: --fail-if-worse "-0.1"/,
      ],
      [[], /^assay: CONFIG_INVALID: .*--candidate .*--model/],
      [
        ['--model', 'openai:gpt-4o', '--output', path.join(dir, 'x.txt')],
        /^assay: CONFIG_INVALID: --output ".*x\.txt": write \.json or \.junit\.xml/,
      ],
      // Checked before the backtest runs (and spends), not when the report is written after.
      [
        ['--model', 'openai:gpt-4o', '--output', path.join(dir, 'no-such-folder', 'x.json')],
        /^assay: CONFIG_INVALID: --output ".*x\.json": no folder .*no-such-folder$/m,
      ],
      [['--model', 'openai:gpt-4o', '--concurrency', '0'], /^assay: [A-Z_]+: .*--concurrency/],
    ];
    for (const [args, message] of cases) {
      const res = await backtest(...args);
      expect({ args, code: res.code }).toEqual({ args, code: 2 });
      expect(res.stderr).toMatch(message);
      expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(res.stdout).toBe('');
    }
    expect(fs.existsSync(path.join(dir, 'x.txt'))).toBe(false);
  });

  it('exits 1 with NOT_FOUND for an unknown set, prompt or scorecard', async () => {
    const cli = (...args: string[]) => runCli(['backtest', ...args, '--data-dir', dir], env);
    const set = await cli(
      ...['--set', 'nope', '--model', 'openai:gpt-4o', '--scorecard', GEO_SCORECARD],
    );
    expect(set.code).toBe(1);
    expect(set.stderr).toBe('assay: NOT_FOUND: backtests.estimate: no backtest set "nope"\n');
    const prompt = await backtest('--candidate', 'nope@production');
    expect(prompt.code).toBe(1);
    expect(prompt.stderr).toMatch(/^assay: NOT_FOUND: .*candidates\.0\.prompt/);
    const card = await cli(
      ...['--set', 'geo-set', '--model', 'openai:gpt-4o', '--scorecard', 'nope'],
    );
    expect(card.code).toBe(1);
    expect(card.stderr).toMatch(/^assay: NOT_FOUND: .*scorecard.*"nope"/);
  });
});
