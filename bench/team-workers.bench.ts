// Team workers (issue 16): a 5,000-case eval run against the fake OpenAI server at 50 ms,
// executed by `assay worker` processes (the built CLI: run `node scripts/build-cli.mjs` first)
// on PostgreSQL and Redis, with 1 worker and with 3, side by side. Each worker runs
// BENCH_WORKER_CONCURRENCY jobs at once (default 20) and the run allows far more, so the
// workers' own concurrency is the limit: ideal = cases × 50 ms / (workers × concurrency).
// Targets: 3 workers within 1.3x of ideal, and twice as fast as 1 worker.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres: an empty database is
// created from it and dropped), BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_CASES.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import type { RunView } from '../shared/contract';
import { createHeadlessCore } from '../main/app/create-headless-core';
import type { TeamOptions } from '../main/team/team-options';

const CASES = Number(process.env.BENCH_CASES ?? 5_000);
const PER_WORKER = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 20);
const LATENCY_MS = 50;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];

function spawnUntil(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) resolve(m[1] ?? m[0]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${out}`)));
  });
}

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(query);
  await client.end();
}

const dbName = `assay_bench_team_${process.pid}`;
await admin(`CREATE DATABASE ${dbName}`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
const team: TeamOptions = {
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  redisPrefix: `bench-team-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
  blobThresholdBytes: 65_536,
};
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `assay-bench-${name}-`));

try {
  const fakeUrl = await spawnUntil(
    ['--import', 'tsx', 'bench/support/fake-openai-process.ts'],
    { FAKE_LATENCY_MS: String(LATENCY_MS) },
    /^(http\S+)/m,
  );
  const env = {
    OPENAI_BASE_URL: `${fakeUrl}/v1`,
    OPENAI_API_KEY: 'sk-bench-team-0000',
    ASSAY_DATABASE_URL: dbUrl.toString(),
    ASSAY_REDIS_URL: team.redisUrl,
    ASSAY_REDIS_PREFIX: team.redisPrefix,
  };
  const server = await createHeadlessCore(tmp('server'), env, dbUrl.toString(), team);
  const invoke = async <T>(channel: string, input: unknown): Promise<T> => {
    const res = await server.dispatcher.dispatch(channel, input, { transport: 'http' });
    if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
    return res.data as T;
  };
  const lines = Array.from({ length: CASES }, (_, i) => `  - vars: { n: "${i}" }`);
  await invoke('datasets.import', {
    name: 'bench',
    format: 'yaml',
    content: `test_cases:\n${lines.join('\n')}\n`,
  });
  const workers: ChildProcess[] = [];
  const addWorker = async () => {
    // BENCH_WORKER_NODE_ARGS: node flags for the workers (e.g. --cpu-prof to profile them).
    const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const args = [
      ...nodeArgs,
      'bin/assay.js',
      'worker',
      '--data-dir',
      tmp('worker'),
      '--metrics-port',
      '0',
    ];
    await spawnUntil([...args, '--concurrency', String(PER_WORKER)], env, /Worker ready/);
    workers.push(children.at(-1)!);
  };
  // CPU seconds a process has used (user + system), from /proc: what a case costs a worker
  // whatever else the machine runs.
  const cpuSeconds = (pid: number): number => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const workersCpu = () => workers.reduce((sum, w) => sum + cpuSeconds(w.pid!), 0);
  const runOnce = async (): Promise<number> => {
    const started = performance.now();
    const { runs } = await invoke<{ runs: RunView[] }>('evals.start', {
      dataset: 'bench',
      prompt: { template: 'case {{n}}' },
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      // Not the limit: the workers' own concurrency is.
      concurrency: 256,
      bypassCache: true,
    });
    const view = await server.services.runs.wait(runs[0]!.id);
    if (view.status !== 'completed' || view.totals.results !== CASES)
      throw new Error(`run ended ${view.status} with ${view.totals.results} results`);
    return (performance.now() - started) / 1000;
  };

  console.log(`${CASES} cases, fake provider at ${LATENCY_MS} ms, ${PER_WORKER} jobs per worker`);
  console.log('workers  wall s  ideal s  vs ideal  cases/s  worker CPU ms/case');
  const figures = new Map<number, number>();
  for (const n of [1, 3]) {
    while (workers.length < n) await addWorker();
    const cpuBefore = workersCpu();
    const wall = await runOnce();
    const cpuPerCase = ((workersCpu() - cpuBefore) * 1000) / CASES;
    const ideal = (CASES * LATENCY_MS) / 1000 / (n * PER_WORKER);
    figures.set(n, wall);
    console.log(
      `${String(n).padStart(7)}  ${wall.toFixed(2).padStart(6)}  ${ideal.toFixed(2).padStart(7)}  ${(wall / ideal).toFixed(2).padStart(7)}x  ${String(Math.round(CASES / wall)).padStart(7)}  ${cpuPerCase.toFixed(2)}`,
    );
  }
  const speedup = figures.get(1)! / figures.get(3)!;
  console.log(`3 workers vs 1: ${speedup.toFixed(2)}x faster (target ≥ 2x; within 1.3x of ideal)`);
  console.log(
    `load average while measuring: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await server.close();
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1_500));
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  const redis = new Redis(team.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${team.redisPrefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}
