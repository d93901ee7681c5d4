// The team server under a steady load of mixed API reads: `assay serve` (the built CLI, its own
// process) on this machine's PostgreSQL and Redis, in team mode when accounts exist (a personal
// token on every request, as the CLI sends it). Requests are sent open-loop at a fixed rate,
// each timed from when it was due, not when it was sent: a slow server cannot slow the load
// down and hide its own queueing (coordinated omission).
// Issue #16 target: 500 requests/s of mixed reads with p95 under 50 ms on PostgreSQL.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { percentile } from './support/child-server';

const RATE = Number(process.env.BENCH_TEAM_API_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_TEAM_API_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLI = path.resolve(import.meta.dirname, '../bin/assay.js');

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dbName = `assay_bench_${crypto.randomBytes(4).toString('hex')}`;
await admin(`CREATE DATABASE ${dbName}`);
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-team-'));

const child = spawn(
  process.execPath,
  [
    CLI,
    'serve',
    '--port',
    '0',
    '--no-build',
    '--data-dir',
    dataDir,
    '--database',
    dbUrl,
    '--redis',
    REDIS_URL,
  ],
  {
    env: {
      ...process.env,
      ASSAY_REDIS_PREFIX: `bench-${dbName}`,
      OPENAI_API_KEY: '',
      ANTHROPIC_API_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const baseUrl = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.once('exit', (code) => reject(new Error(`assay serve exited with ${code}:\n${out}`)));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = out.match(/Workbench: (http:\/\/[^/\s]+)/);
    if (match) resolve(match[1]!);
  });
});

const pool = new Pool(baseUrl, { connections: 128, pipelining: 1 });
let authorization: string | undefined;

async function call(
  channel: string,
  input: unknown = {},
  cookie?: string,
): Promise<{ status: number; body: { ok: boolean; data?: unknown }; setCookie?: string }> {
  const res = await pool.request({
    path: `/api/${channel}`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie } : authorization ? { authorization } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await res.body.json()) as { ok: boolean; data?: unknown };
  const setCookie = res.headers['set-cookie'];
  return {
    status: res.statusCode,
    body,
    setCookie: Array.isArray(setCookie) ? setCookie[0] : setCookie,
  };
}

async function must(channel: string, input: unknown = {}, cookie?: string): Promise<unknown> {
  const res = await call(channel, input, cookie);
  if (!res.body.ok) throw new Error(`${channel}: ${JSON.stringify(res.body)}`);
  return res.body.data;
}

// Team mode: the first admin, then a personal token for every request (a viewer's reads).
const status = await call('auth.status');
const team = status.body.ok && (status.body.data as { mode: string }).mode === 'team';
if (team) {
  const setup = await call('auth.setup', {
    email: 'bench@example.com',
    name: 'Bench',
    password: 'bench-password-123',
  });
  const cookie = setup.setCookie?.split(';')[0];
  if (!setup.body.ok || !cookie) throw new Error(`auth.setup: ${JSON.stringify(setup.body)}`);
  const created = (await must('auth.tokens.create', { name: 'bench' }, cookie)) as {
    token: string;
  };
  authorization = `Bearer ${created.token}`;
}

// A workspace of a size a team has after some weeks: prompts with versions, datasets, traffic.
for (let p = 0; p < 50; p++) {
  await must('prompts.create', {
    name: `bench/prompt-${p}`,
    kind: 'chat',
    content: {
      messages: [{ role: 'user', content: `Answer {{q}} briefly (${p})` }],
      config: { provider: 'openai', model: 'gpt-4o-mini' },
    },
  });
}
for (let d = 0; d < 10; d++) {
  await must('datasets.create', { name: `bench-ds-${d}` });
  await must('cases.add', {
    dataset: `bench-ds-${d}`,
    cases: Array.from({ length: 100 }, (_, i) => ({
      vars: { q: `question ${d}-${i}` },
      expected: `answer ${i}`,
    })),
  });
}
for (let i = 0; i < 500; i++) {
  await must('interactions.create', {
    type: 'support-chat',
    input: { question: `How do I ${i}?` },
    output: `Like this ${i}.`,
    userId: `user-${i % 20}`,
    sessionId: `session-${i % 50}`,
  });
}

const MIX: { channel: string; input: (i: number) => unknown }[] = [
  { channel: 'prompts.list', input: () => ({}) },
  { channel: 'prompts.get', input: (i) => ({ name: `bench/prompt-${i % 50}` }) },
  { channel: 'datasets.list', input: () => ({}) },
  { channel: 'cases.list', input: (i) => ({ dataset: `bench-ds-${i % 10}`, limit: 50 }) },
  { channel: 'interactions.list', input: () => ({ limit: 50 }) },
  { channel: 'traces.list', input: () => ({ limit: 50 }) },
  { channel: 'evals.list', input: () => ({}) },
  { channel: 'system.info', input: () => ({}) },
];
// Every channel answers before the load starts: a bad input here is a bench bug, not latency.
for (const [i, m] of MIX.entries()) await must(m.channel, m.input(i));

interface Sample {
  readonly channel: string;
  readonly ms: number;
  readonly ok: boolean;
}

async function load(seconds: number): Promise<{ samples: Sample[]; wallS: number }> {
  const total = Math.round(RATE * seconds);
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE) + 1);
    for (; sent < due; sent++) {
      const m = MIX[sent % MIX.length]!;
      const dueAt = start + (sent / RATE) * 1000;
      const p: Promise<void> = call(m.channel, m.input(sent))
        .then(
          (res) =>
            void samples.push({
              channel: m.channel,
              ms: performance.now() - dueAt,
              ok: res.body.ok,
            }),
        )
        .catch(
          () => void samples.push({ channel: m.channel, ms: performance.now() - dueAt, ok: false }),
        )
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  return { samples, wallS: (performance.now() - start) / 1000 };
}

try {
  await load(WARMUP_SECONDS);
  const { samples, wallS } = await load(SECONDS);
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(
    `team-api: ${team ? 'team mode (token auth)' : 'local mode'} on PostgreSQL, ${samples.length} requests at ${RATE}/s over ${wallS.toFixed(1)} s (achieved ${(samples.length / wallS).toFixed(0)}/s), ${errors} errors`,
  );
  console.log(
    `  all: p50 ${fmt(percentile(all, 0.5))}, p95 ${fmt(percentile(all, 0.95))}, p99 ${fmt(percentile(all, 0.99))}, max ${fmt(all.at(-1)!)}`,
  );
  for (const m of MIX) {
    const mine = samples
      .filter((s) => s.channel === m.channel)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    console.log(
      `  ${m.channel.padEnd(18)} p50 ${fmt(percentile(mine, 0.5))}, p95 ${fmt(percentile(mine, 0.95))}`,
    );
  }
  const p95 = percentile(all, 0.95);
  console.log(`  target p95 < 50 ms at ${RATE}/s: ${p95 < 50 && errors === 0 ? 'met' : 'NOT met'}`);
} finally {
  await pool.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await admin(`DROP DATABASE ${dbName} WITH (FORCE)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
