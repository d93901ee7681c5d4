// A backtest replaying BENCH_ITEMS (default 1,000) recorded interactions, one LLM call each, on
// one candidate (a model override) at concurrency 20, against the fake OpenAI server in a
// process of its own at 50 ms model latency. Timed from `backtests.runs.create` to the run's
// `completed` event: replays, grading (one `contains` grader on both sides), results stored,
// the verdict worked out. Issue #15 target: within 1.3x the bare call floor measured in the
// same run: the same number of calls at the same concurrency from a bare HTTP client in a
// process that does nothing else (support/call-floor.ts). Ideal: 1,000 / 20 × 50 ms = 2.5 s.
//
// One whole run first warms the core up and is not counted. REPS (default 3) repetitions
// interleave the floor and the backtest, so the VM's drift favours neither; medians are
// compared. The interactions are recorded once, through the call
// path against the same fake (at concurrency 50, so the 50 ms latency costs about a second).
// SQLite in a temporary data directory; BENCH_DATABASE_URL=postgres://… (an empty database is
// created from it and dropped afterwards) for PostgreSQL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createHeadlessCore } from '../main/app/create-headless-core';
import type { Core } from '../main/app/create-core';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import { startChildServer } from './support/child-server';

const N = Number(process.env.BENCH_ITEMS ?? 1_000);
const REPS = Number(process.env.REPS ?? 3);
const CONCURRENCY = 20;
const LATENCY_MS = 50;
const TARGET = 1.3;
const adminUrl = process.env.BENCH_DATABASE_URL;

async function ok<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.data as ChannelOutput<C>;
}

/** Runs `task(i)` for i in [0, n), `width` at a time. */
async function pool(n: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  if (!adminUrl) return undefined;
  const name = `assay_bench_backtest_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** N interactions, each with the one call it made recorded as a span; half say "ships". */
async function record(core: Core, count: number): Promise<void> {
  await pool(count, 50, async (i) => {
    const question = `Where is order ${10_000 + i}?${i % 2 === 0 ? ' It ships today.' : ''}`;
    const call = await ok(core, 'llm.call', {
      provider: 'openai',
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: question },
      ],
    });
    await ok(core, 'interactions.create', {
      type: 'support',
      input: { question },
      output: call.text,
      spanIds: [call.spanId],
    });
  });
}

/** Listens to `backtests.progress` and settles when a run stops (a failed run throws). */
function runEnds(core: Core): (runId: string) => Promise<number> {
  const ended = new Map<string, { status: string; at: number }>();
  const waiting = new Map<string, () => void>();
  core.events.subscribe((topic, payload) => {
    if (topic !== 'backtests.progress') return;
    const { runId, status } = payload as { runId: string; status: string };
    if (status === 'queued' || status === 'running') return;
    ended.set(runId, { status, at: performance.now() });
    waiting.get(runId)?.();
  });
  return async (runId) => {
    if (!ended.has(runId)) await new Promise<void>((r) => waiting.set(runId, r));
    const end = ended.get(runId)!;
    if (end.status !== 'completed') throw new Error(`backtest ${runId} ended ${end.status}`);
    return end.at;
  };
}

interface Timed {
  readonly wallS: number;
  /** CPU seconds of this process (the core: replays, grading, writes) during the run. */
  readonly cpuS: number;
}

async function backtest(core: Core, ends: (runId: string) => Promise<number>, set: string) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = await ok(core, 'backtests.runs.create', {
    set,
    candidates: [{ model: { provider: 'openai', model: 'gpt-4o-mini' } }],
    scorecard: { name: 'bench-card' },
    concurrency: CONCURRENCY,
  });
  const endedAt = await ends(run.id);
  const used = process.cpuUsage(cpu);
  const view = await ok(core, 'backtests.runs.get', { id: run.id });
  return {
    wallS: (endedAt - started) / 1000,
    cpuS: (used.user + used.system) / 1e6,
    view,
  };
}

/** Seconds the calls alone take from a bare HTTP client in a process of its own. */
function callFloor(baseUrl: string): number {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'support/call-floor.ts'),
      'undici',
      baseUrl,
      String(N),
      String(CONCURRENCY),
    ],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const server = await startChildServer('fake-openai-process.ts', {
  FAKE_LATENCY_MS: String(LATENCY_MS),
});
const baseUrl = `${server.url}/v1`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-backtest-'));
const database = await emptyDatabase();
const core = await createHeadlessCore(
  dataDir,
  { OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: 'sk-bench-0000000000000000' },
  database?.url,
);
try {
  const recordStarted = performance.now();
  await record(core, N);
  const grader = await ok(core, 'graders.create', {
    name: 'says when',
    definition: {
      kind: 'deterministic',
      check: { type: 'matcher', matcher: { type: 'contains', value: 'ships' } },
    },
    scoreConfig: { type: 'boolean' },
  });
  await ok(core, 'scorecards.create', {
    name: 'bench-card',
    body: { items: [{ graderId: grader.id }], passThreshold: 0.5 },
  });
  const set = await ok(core, 'backtests.sets.create', {
    name: 'bench-all',
    source: { kind: 'interactions', sampleSize: N, seed: 1 },
  });
  if (set.itemCount !== N || set.calls !== N)
    throw new Error(`the set froze ${set.itemCount} items, ${set.calls} calls (wanted ${N})`);
  console.log(
    `${N} interactions recorded and frozen in ${((performance.now() - recordStarted) / 1000).toFixed(1)} s ` +
      `(${database ? 'PostgreSQL' : 'SQLite'}, fake OpenAI at ${LATENCY_MS} ms in its own process)`,
  );

  const ends = runEnds(core);
  // JIT, statement caches, the connection pool, the WAL checkpoint of the recording: a whole
  // run first, not counted (a smaller one left the first measured run up to 2x slower).
  const warm = await backtest(core, ends, 'bench-all');
  console.log(
    `warm-up run (not counted): ${warm.wallS.toFixed(2)} s, CPU ${warm.cpuS.toFixed(2)} s`,
  );

  const floors: number[] = [];
  const runs: Timed[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    // Alternate which goes first, so a neighbour's load pattern favours neither.
    const floorFirst = rep % 2 === 0;
    if (floorFirst) floors.push(callFloor(baseUrl));
    const { wallS, cpuS, view } = await backtest(core, ends, 'bench-all');
    runs.push({ wallS, cpuS });
    if (!floorFirst) floors.push(callFloor(baseUrl));
    const v = view.verdicts[0]!;
    if (view.done !== N * 2 || v.scoredPairs !== N)
      throw new Error(`rep ${rep + 1}: ${view.done} results, ${v.scoredPairs} scored pairs`);
    console.log(
      `rep ${rep + 1}: floor ${floors.at(-1)!.toFixed(2)} s, backtest ${wallS.toFixed(2)} s ` +
        `(${(wallS / floors.at(-1)!).toFixed(2)}x; CPU ${cpuS.toFixed(2)} s in the core's process; ` +
        `${view.done} results, verdict ${v.verdict}, candidate pass rate ${v.candidatePassRate})`,
    );
  }
  const floor = median(floors);
  const wall = median(runs.map((r) => r.wallS));
  const ratio = wall / floor;
  const ideal = ((N / CONCURRENCY) * LATENCY_MS) / 1000;
  console.log(
    `${N} items at ${LATENCY_MS} ms, concurrency ${CONCURRENCY} (ideal ${ideal.toFixed(2)} s): ` +
      `bare call floor median ${floor.toFixed(2)} s (${floors.map((f) => f.toFixed(2)).join(', ')}), ` +
      `backtest median ${wall.toFixed(2)} s (${runs.map((r) => r.wallS.toFixed(2)).join(', ')}), ` +
      `CPU median ${median(runs.map((r) => r.cpuS)).toFixed(2)} s`,
  );
  console.log(
    `backtest at ${ratio.toFixed(2)}x the bare call floor: target ≤ ${TARGET}x ${ratio <= TARGET ? 'met' : 'NOT met'}`,
  );
} finally {
  await core.close();
  server.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
