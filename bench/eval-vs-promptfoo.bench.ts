// `assay eval` on the exact work promptfoo was measured on (../shared/bench/promptfoo): the
// same generated config (1 prompt, gpt-4o-mini at the same mock server, N tests × 3 assertions:
// contains, regex, is-json), concurrency 20, no cache, results stored. Wall time and peak RSS
// of the whole CLI process (startup included) by GNU time, median of REPS runs.
// Issue #5 targets: N=1000 at 50 ms under 3 s; N=5000 at 0 ms under 5 s and under 200 MB RSS.
// promptfoo 0.121.20 per the issue: 19.0 s and 58.4 s / 546 MB; re-measured here on 2026-11-26
// (PF_HOME=... bash ../shared/bench/promptfoo/bench.sh 1 n1000_l50 n5000_l0): 13.3 s and
// 54.6 s / 463 MB.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..');
const PF = path.resolve(REPO, '../shared/bench/promptfoo');
const REPS = Number(process.env.REPS ?? 3);
const SCENARIOS = (process.env.SCENARIOS ?? 'n1000_l50,n5000_l0').split(',');

if (!fs.existsSync(path.join(PF, 'mock-openai.js')) || !fs.existsSync('/usr/bin/time')) {
  console.log('skipped: needs ../shared/bench/promptfoo and /usr/bin/time');
  process.exit(0);
}

async function startMock(
  latencyMs: number,
  dir: string,
): Promise<{ port: number; stop: () => void }> {
  const portFile = path.join(dir, 'mock.port');
  const child = spawn(process.execPath, [path.join(PF, 'mock-openai.js')], {
    env: {
      ...process.env,
      LATENCY_MS: String(latencyMs),
      PORT_FILE: portFile,
      MAX_LIFETIME_S: '600',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++)
    await new Promise((r) => setTimeout(r, 25));
  return {
    port: Number(fs.readFileSync(portFile, 'utf8').trim()),
    stop: () => child.kill('SIGTERM'),
  };
}

function runOnce(config: string, port: number): { wallS: number; rssMb: number; summary: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-eval-'));
  const timeFile = path.join(dataDir, 'time.txt');
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      '-o',
      timeFile,
      process.execPath,
      path.join(REPO, 'bin/assay.js'),
      'eval',
      config,
      '--no-cache',
      '--data-dir',
      dataDir,
    ],
    {
      env: {
        ...process.env,
        OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
        OPENAI_API_KEY: 'sk-dummy-local-mock',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0) {
    // A figure from a failed run would be meaningless: say why it failed instead.
    throw new Error(
      `assay eval exited ${run.status}: ${run.stderr.split('\n').slice(-10).join('\n')}`,
    );
  }
  const out = run.stdout;
  const time = fs.readFileSync(timeFile, 'utf8');
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
    time,
  )!;
  const wallS = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)![1]) / 1024;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const row = out.split('\n').find((l) => l.includes('openai:gpt-4o-mini')) ?? '';
  return { wallS, rssMb, summary: row.replace(/\s+/g, ' ').trim() };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const scenario of SCENARIOS) {
  const [, n, latency] = /^n(\d+)_l(\d+)$/.exec(scenario)!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-pf-'));
  const mock = await startMock(Number(latency), dir);
  const config = path.join(dir, 'promptfooconfig.yaml');
  execFileSync(
    process.execPath,
    [path.join(PF, 'gen-config.js'), n!, String(mock.port), config, '20'],
    { stdio: 'ignore' },
  );
  const runs = Array.from({ length: REPS }, () => runOnce(config, mock.port));
  mock.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `${scenario}: wall median ${median(runs.map((r) => r.wallS)).toFixed(2)} s (${runs.map((r) => r.wallS.toFixed(2)).join(', ')}), ` +
      `peak RSS median ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB; ${runs[0]!.summary}`,
  );
}
