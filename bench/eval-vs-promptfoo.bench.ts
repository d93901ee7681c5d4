// `assay eval` on the exact work promptfoo was measured on (../shared/bench/promptfoo): the
// same generated config (1 prompt, gpt-4o-mini at the same mock server, N tests × 3 assertions:
// contains, regex, is-json), concurrency 20, no cache, results stored. Wall time, CPU time and
// peak RSS of the whole CLI process (startup included) by GNU time, median of REPS runs.
// Targets (issue #10), as ratios taken in the same run: N=1000 at 50 ms within 1.2x the calls
// alone from a bare HTTP client; N=5000 at 0 ms at least 10x faster than promptfoo 0.121.20,
// under 150 MB peak RSS.
//
// The development VM's speed drifts (the same run took 5.0 to 7.2 s of CPU within an hour), so
// absolute figures from different hours do not compare. With PF_HOME set to a folder where
// `npm install promptfoo@0.121.20` was run, each repetition also runs promptfoo on the same
// config and mock, right after Assay, and the ratio of the medians is printed. Each repetition
// also times the calls alone (support/call-floor.ts: a bare HTTP client, and the OpenAI SDK),
// the floor under any eval of that size on the machine.
//
// BASELINE=/path/to/an/assay/checkout (built: `node scripts/build-cli.mjs` there) runs that
// build's `assay eval` in each repetition too, right after this one, and prints this build's
// wall time over the baseline's: how a change is judged against the previous commit.
// DATABASES=sqlite,postgres also runs this build on PostgreSQL (a fresh database per run on
// PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..');
const PF = path.resolve(REPO, '../shared/bench/promptfoo');
const REPS = Number(process.env.REPS ?? 3);
const SCENARIOS = (process.env.SCENARIOS ?? 'n1000_l50,n5000_l0').split(',');
const PF_HOME = process.env.PF_HOME;
const BASELINE = process.env.BASELINE ? path.resolve(process.env.BASELINE) : undefined;
const DATABASES = (process.env.DATABASES ?? 'sqlite').split(',') as ('sqlite' | 'postgres')[];
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PF_BIN = PF_HOME && path.join(PF_HOME, 'node_modules/promptfoo/dist/src/entrypoint.js');
if (PF_BIN && !fs.existsSync(PF_BIN)) {
  console.log(`PF_HOME has no promptfoo install (${PF_BIN}): measuring Assay alone`);
}

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

interface Measured {
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMb: number;
}

/** Runs a command under GNU time; a failed run throws with its stderr (a figure would lie). */
function timed(
  argv: string[],
  env: NodeJS.ProcessEnv,
  scratch: string,
): Measured & { out: string } {
  const timeFile = path.join(scratch, 'time.txt');
  const run = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, ...argv], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(
      `${path.basename(argv[1]!)} exited ${run.status}: ${run.stderr.split('\n').slice(-10).join('\n')}`,
    );
  }
  const time = fs.readFileSync(timeFile, 'utf8');
  const field = (name: string): number => Number(new RegExp(`${name}: ([\\d.]+)`).exec(time)![1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
    time,
  )!;
  return {
    wallS: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    rssMb: field('Maximum resident set size \\(kbytes\\)') / 1024,
    out: run.stdout,
  };
}

/** A fresh Postgres database for one run, by psql (the bench imports nothing of the app). */
function withPostgres<T>(run: (url: string) => T): T {
  const name = `assay_bench_${process.pid}_${Date.now()}`;
  const psql = (command: string) =>
    execFileSync('psql', [PG_ADMIN_URL, '-q', '-c', command], { stdio: 'ignore' });
  psql(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return run(url.toString());
  } finally {
    psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function runAssay(
  config: string,
  port: number,
  repo = REPO,
  database: 'sqlite' | 'postgres' = 'sqlite',
): Measured & { summary: string } {
  if (database === 'postgres') {
    return withPostgres((url) => runAssayOn(config, port, repo, { ASSAY_DATABASE_URL: url }));
  }
  return runAssayOn(config, port, repo, {});
}

function runAssayOn(
  config: string,
  port: number,
  repo: string,
  extraEnv: NodeJS.ProcessEnv,
): Measured & { summary: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-eval-'));
  try {
    const run = timed(
      [
        process.execPath,
        path.join(repo, 'bin/assay.js'),
        'eval',
        config,
        '--no-cache',
        '--data-dir',
        dataDir,
      ],
      {
        ...process.env,
        OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
        OPENAI_API_KEY: 'sk-dummy-local-mock',
        ...extraEnv,
      },
      dataDir,
    );
    // The summary table's row (the run's id line names the model too).
    const row = run.out.split('\n').find((l) => l.startsWith('│ openai:gpt-4o-mini')) ?? '';
    return { ...run, summary: row.replace(/\s+/g, ' ').trim() };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** promptfoo as ../shared/bench/promptfoo/bench.sh runs it (its results stored in `home`). */
function runPromptfoo(config: string, home: string): Measured {
  return timed(
    [
      process.execPath,
      PF_BIN!,
      'eval',
      '-c',
      config,
      '--no-cache',
      '--no-progress-bar',
      '--no-table',
      '--no-share',
      '-j',
      '20',
    ],
    {
      ...process.env,
      PROMPTFOO_CONFIG_DIR: home,
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
      PROMPTFOO_DISABLE_SHARING: '1',
      PROMPTFOO_DISABLE_REMOTE_GENERATION: 'true',
      PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION: 'true',
      OPENAI_API_KEY: 'sk-dummy-local-mock',
    },
    home,
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Seconds the calls alone take from a process that does nothing else (support/call-floor.ts). */
function callFloor(mode: 'undici' | 'sdk', port: number, n: string): number {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'support/call-floor.ts'),
      mode,
      `http://127.0.0.1:${port}/v1`,
      n,
      '20',
    ],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

const describe = (label: string, runs: readonly Measured[]): string =>
  `${label} wall median ${median(runs.map((r) => r.wallS)).toFixed(2)} s ` +
  `(${runs.map((r) => r.wallS.toFixed(2)).join(', ')}), ` +
  `CPU median ${median(runs.map((r) => r.cpuS)).toFixed(2)} s, ` +
  `peak RSS median ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB`;

const withPromptfoo = PF_BIN !== undefined && fs.existsSync(PF_BIN);
for (const scenario of SCENARIOS) {
  const [, n, latency] = /^n(\d+)_l(\d+)$/.exec(scenario)!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-pf-'));
  const mock = await startMock(Number(latency), dir);
  try {
    const config = path.join(dir, 'promptfooconfig.yaml');
    execFileSync(
      process.execPath,
      [path.join(PF, 'gen-config.js'), n!, String(mock.port), config, '20'],
      { stdio: 'ignore' },
    );
    const assay: (Measured & { summary: string })[] = [];
    const baseline: Measured[] = [];
    const onPostgres: (Measured & { summary: string })[] = [];
    const floors = { undici: [] as number[], sdk: [] as number[] };
    const promptfoo: Measured[] = [];
    const pfHome = path.join(dir, 'promptfoo-home');
    if (withPromptfoo) {
      // promptfoo's first run creates its database: not measured, as bench.sh does.
      fs.mkdirSync(pfHome);
      runPromptfoo(config, pfHome);
    }
    for (let rep = 0; rep < REPS; rep++) {
      assay.push(runAssay(config, mock.port));
      if (BASELINE) baseline.push(runAssay(config, mock.port, BASELINE));
      if (DATABASES.includes('postgres'))
        onPostgres.push(runAssay(config, mock.port, REPO, 'postgres'));
      floors.undici.push(callFloor('undici', mock.port, n!));
      floors.sdk.push(callFloor('sdk', mock.port, n!));
      if (withPromptfoo) promptfoo.push(runPromptfoo(config, pfHome));
    }
    console.log(`${scenario}: ${describe('assay', assay)}; ${assay[0]!.summary}`);
    // What no eval can beat on this machine: the same calls with nothing else in the process.
    const bare = median(floors.undici);
    console.log(
      `${scenario}: the calls alone (median): ${bare.toFixed(2)} s from a bare ` +
        `HTTP client, ${median(floors.sdk).toFixed(2)} s through the OpenAI SDK; ` +
        `assay at ${(median(assay.map((r) => r.wallS)) / bare).toFixed(2)}x the bare client`,
    );
    const assayWall = median(assay.map((r) => r.wallS));
    if (BASELINE) {
      console.log(
        `${scenario}: ${describe('baseline', baseline)}; this build at ` +
          `${(assayWall / median(baseline.map((r) => r.wallS))).toFixed(2)}x the baseline's wall time`,
      );
    }
    if (onPostgres.length > 0) {
      console.log(
        `${scenario}: ${describe('assay on PostgreSQL', onPostgres)}; ` +
          `${(median(onPostgres.map((r) => r.wallS)) / assayWall).toFixed(2)}x the SQLite wall time; ` +
          onPostgres[0]!.summary,
      );
    }
    if (withPromptfoo) {
      const ratio = median(promptfoo.map((r) => r.wallS)) / median(assay.map((r) => r.wallS));
      console.log(
        `${scenario}: ${describe('promptfoo', promptfoo)}; assay ${ratio.toFixed(1)}x faster`,
      );
    }
  } finally {
    mock.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
