// Online scoring against ingest: interactions created at full speed through the contract (the
// dispatcher every transport shares), with a rule of BENCH_GRADERS (default 5, up to 6)
// deterministic graders at sampling 1.0
// on, and with no rule, side by side in one run (rounds alternate: off, on, off, on). Prints
// ingest per second both ways (issue 14: scoring may slow ingest by at most 10%) and
// interactions scored per second (issue 14: at least 5,000/s): while ingest runs, and for the
// backlog left when it ends. Then interactions arriving at a steady BENCH_ARRIVALS a second
// (default 5,000), with the rule and without: how many are scored as they arrive, and what
// each ingest call takes. SQLite in a temporary data directory per core;
// BENCH_DATABASE_URL=postgres://… (an empty database per round is created from it) for
// PostgreSQL. BENCH_INTERACTIONS sets a round's size, BENCH_ROUNDS the rounds each way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createHeadlessCore } from '../main/app/create-headless-core';
import type { Core } from '../main/app/create-core';

// 20,000: a flood lasts about two seconds, long enough for the runner to see it (lock-share.ts).
const N = Number(process.env.BENCH_INTERACTIONS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const GRADERS = Number(process.env.BENCH_GRADERS ?? 5);
const IN_FLIGHT = 32;
const adminUrl = process.env.BENCH_DATABASE_URL;

async function invoke(core: Core, channel: string, input: unknown): Promise<{ id: string }> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.data as { id: string };
}

const databases: string[] = [];
async function openCore(): Promise<{ core: Core; dir: string }> {
  const opened = await openStore();
  // As `assay serve` runs it: the scoring runner started.
  opened.core.services.scoringRules.start();
  return opened;
}

async function openStore(): Promise<{ core: Core; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-online-'));
  if (!adminUrl) return { core: await createHeadlessCore(dir, {}), dir };
  const name = `assay_bench_online_${process.pid}_${databases.length}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { core: await createHeadlessCore(dir, {}, url.toString()), dir };
}

async function dropDatabases(): Promise<void> {
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

const matcher = (spec: Record<string, unknown>) => ({
  kind: 'deterministic',
  check: { type: 'matcher', matcher: spec },
});

async function addRule(core: Core): Promise<string> {
  const graders = [
    {
      name: 'No refusal',
      definition: matcher({
        type: 'not-contains',
        values: ['as an ai', 'i cannot'],
        ignoreCase: true,
      }),
      scoreConfig: { type: 'boolean' },
    },
    {
      name: 'Names the order',
      definition: matcher({ type: 'regex', pattern: '\\border-\\d{4,}\\b', flags: 'i' }),
      scoreConfig: { type: 'boolean' },
    },
    {
      name: 'Says when',
      definition: matcher({ type: 'contains', value: 'ships' }),
      scoreConfig: { type: 'boolean' },
    },
    {
      name: 'Close to the answer',
      definition: matcher({ type: 'levenshtein', value: 'Your order ships tomorrow.' }),
      scoreConfig: { type: 'numeric', min: 0, max: 1 },
    },
    {
      name: 'Short',
      definition: {
        kind: 'deterministic',
        check: { type: 'metric', metric: 'output_chars', max: 600 },
      },
      scoreConfig: { type: 'boolean' },
    },
  ];
  const ids: string[] = [];
  for (const g of graders.slice(0, GRADERS)) ids.push((await invoke(core, 'graders.create', g)).id);
  const card = await invoke(core, 'scorecards.create', {
    name: 'Support replies',
    body: { items: ids.map((graderId) => ({ graderId })), passThreshold: 0.8 },
  });
  return (
    await invoke(core, 'scoringRules.create', {
      name: 'Every support reply',
      scorecardId: card.id,
      sampling: Number(process.env.BENCH_SAMPLING ?? 1),
      dailyBudgetUsd: null,
    })
  ).id;
}

function interaction(i: number) {
  const refusal = i % 17 === 0 ? ' As an AI, I cannot promise dates.' : '';
  return {
    type: 'support',
    userId: `user-${i % 500}`,
    tags: ['prod'],
    input: { messages: [{ role: 'user', content: `Where is my order order-${10_000 + i}?` }] },
    output: `Order order-${10_000 + i} ships ${i % 3 === 0 ? 'tomorrow' : 'on Monday'}.${refusal} ${'Thanks for waiting. '.repeat(i % 20)}`,
  };
}

interface RuleCounts {
  readonly walked: number;
}
async function ruleCounts(core: Core, id: string): Promise<RuleCounts> {
  const res = await core.dispatcher.dispatch('scoringRules.get', { id }, { transport: 'http' });
  if (!res.ok) throw new Error(res.error.message);
  const { status } = res.data as { status: { scored: number; skipped: number } };
  return { walked: status.scored + status.skipped };
}

/**
 * JIT, statement caches, the runner's first pages; and the steady state: the grading worker
 * started (a server starts it once, with its first page; each round here is a new core).
 */
async function warmUp(core: Core, ruleId: string | null): Promise<void> {
  for (let i = 0; i < 500; i++) await invoke(core, 'interactions.create', interaction(i));
  if (!ruleId) return;
  while ((await ruleCounts(core, ruleId)).walked < 500) await new Promise((r) => setTimeout(r, 5));
  while (core.services.scoringRules.runnerStats().grading === 'starting')
    await new Promise((r) => setTimeout(r, 20));
}

/** CPU seconds of the whole machine so far (all cores, from /proc/stat), and of this process. */
function cpuNow(): { readonly machine: number; readonly own: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const ticks = fields.slice(1, 9).map(Number);
  const busy = ticks.reduce((a, b) => a + b, 0) - ticks[3]! - ticks[4]!;
  const { user, system } = process.cpuUsage();
  return { machine: busy / 100, own: (user + system) / 1e6 };
}

interface Round {
  readonly ingestPerSecond: number;
  /** CPU seconds during ingest: this process (ingest and scoring), and the rest (the database). */
  readonly cpu: { readonly own: number; readonly others: number };
  /** Share of the ingest's wall time the runner kept the thread busy. */
  readonly runnerShare: number;
  readonly scoredWhileIngesting: number;
  readonly scoredPerSecondOverall: number | null;
  /** The backlog left when ingest ended, scored with the thread to itself. */
  readonly drainPerSecond: number | null;
}

async function round(withRule: boolean): Promise<Round> {
  const { core, dir } = await openCore();
  try {
    const ruleId = withRule ? await addRule(core) : null;
    await warmUp(core, ruleId);
    let next = 0;
    const busyBefore = core.services.scoringRules.runnerStats().busyMs;
    const started = performance.now();
    const cpuBefore = cpuNow();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < N) await invoke(core, 'interactions.create', interaction(500 + next++));
      }),
    );
    const ingested = performance.now();
    const cpuAfter = cpuNow();
    const own = cpuAfter.own - cpuBefore.own;
    const cpu = { own, others: cpuAfter.machine - cpuBefore.machine - own };
    const runnerShare =
      (core.services.scoringRules.runnerStats().busyMs - busyBefore) / (ingested - started);
    const ingestPerSecond = (N * 1000) / (ingested - started);
    if (!ruleId)
      return {
        ingestPerSecond,
        cpu,
        runnerShare,
        scoredWhileIngesting: 0,
        scoredPerSecondOverall: null,
        drainPerSecond: null,
      };
    const atEnd = (await ruleCounts(core, ruleId)).walked - 500;
    while ((await ruleCounts(core, ruleId)).walked < N + 500)
      await new Promise((r) => setTimeout(r, 5));
    const scored = performance.now();
    return {
      ingestPerSecond,
      cpu,
      runnerShare,
      scoredWhileIngesting: atEnd,
      scoredPerSecondOverall: (N * 1000) / (scored - started),
      drainPerSecond: atEnd < N ? ((N - atEnd) * 1000) / Math.max(1, scored - ingested) : null,
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface PacedRound {
  readonly scoredOnArrival: number;
  readonly lagMs: number;
  /** Each ingest call's time, arrival to stored: p50 and p95. */
  readonly p50Ms: number;
  readonly p95Ms: number;
}

/**
 * Interactions arriving at a steady `rate` a second (an app's traffic, not a flood), with the
 * rule on or not: how many were scored by the time the last arrived, how long after it the
 * last was, and what each ingest call took. Scoring keeps up with arrivals when the lag stays
 * near one page's time.
 */
async function pacedRound(rate: number, withRule: boolean): Promise<PacedRound> {
  const { core, dir } = await openCore();
  try {
    const ruleId = withRule ? await addRule(core) : null;
    await warmUp(core, ruleId);
    const started = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    const took: number[] = [];
    let next = 0;
    while (next < N) {
      const due = Math.min(N, Math.floor(((performance.now() - started) * rate) / 1000));
      for (; next < due; next++) {
        const sentAt = performance.now();
        const sent: Promise<unknown> = invoke(
          core,
          'interactions.create',
          interaction(500 + next),
        ).then(() => took.push(performance.now() - sentAt));
        inFlight.add(sent);
        void sent.finally(() => inFlight.delete(sent));
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(inFlight);
    const arrived = performance.now();
    took.sort((a, b) => a - b);
    const at = (q: number) => took[Math.min(took.length - 1, Math.floor(took.length * q))]!;
    if (!ruleId) return { scoredOnArrival: 0, lagMs: 0, p50Ms: at(0.5), p95Ms: at(0.95) };
    const scoredOnArrival = (await ruleCounts(core, ruleId)).walked - 500;
    while ((await ruleCounts(core, ruleId)).walked < N + 500)
      await new Promise((r) => setTimeout(r, 5));
    return {
      scoredOnArrival,
      lagMs: performance.now() - arrived,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const secs = (c: Round['cpu']) => `${c.own.toFixed(1)} + ${c.others.toFixed(1)}`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
/** Medians: the machine is shared, and one round disturbed by a neighbour should not decide. */
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const ARRIVALS = Number(process.env.BENCH_ARRIVALS ?? 5_000);
const paced: PacedRound[] = [];
const pacedOff: PacedRound[] = [];
const off: Round[] = [];
const on: Round[] = [];
try {
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so a neighbour's load pattern favours neither.
    if (r % 2 === 0) {
      off.push(await round(false));
      on.push(await round(true));
    } else {
      on.push(await round(true));
      off.push(await round(false));
    }
    paced.push(await pacedRound(ARRIVALS, true));
    pacedOff.push(await pacedRound(ARRIVALS, false));
    const [a, b] = [off.at(-1)!, on.at(-1)!];
    console.log(
      `round ${r + 1}: ingest ${fmt(a.ingestPerSecond)}/s without a rule, ${fmt(b.ingestPerSecond)}/s with one (runner busy ${pct(b.runnerShare)} of it); ` +
        `scored ${fmt(b.scoredWhileIngesting)} of ${fmt(N)} while ingesting, ${fmt(b.scoredPerSecondOverall!)}/s overall` +
        (b.drainPerSecond === null ? '' : `, backlog ${fmt(b.drainPerSecond)}/s`) +
        `; CPU s during ingest (this process + others) ${secs(a.cpu)} without, ${secs(b.cpu)} with`,
    );
    const [p, q] = [paced.at(-1)!, pacedOff.at(-1)!];
    console.log(
      `  at ${fmt(ARRIVALS)} arrivals/s: ${fmt(p.scoredOnArrival)} of ${fmt(N)} scored when the last arrived, the last scored ${fmt(p.lagMs)} ms after it; ` +
        `ingest call p50/p95 ${ms(p.p50Ms)}/${ms(p.p95Ms)} with the rule, ${ms(q.p50Ms)}/${ms(q.p95Ms)} without`,
    );
  }
} finally {
  await dropDatabases();
}
const ingestOff = median(off.map((r) => r.ingestPerSecond));
const ingestOn = median(on.map((r) => r.ingestPerSecond));
const drains = on.map((r) => r.drainPerSecond).filter((d) => d !== null);
console.log(
  `${adminUrl ? 'PostgreSQL' : 'SQLite'}, ${fmt(N)} interactions a round, ${IN_FLIGHT} in flight, rule of ${GRADERS} deterministic graders at sampling 1.0:`,
);
console.log(
  `  ingest ${fmt(ingestOff)}/s without the rule, ${fmt(ingestOn)}/s with it: ${pct((ingestOff - ingestOn) / ingestOff)} slower; the runner kept the thread busy ${pct(median(on.map((r) => r.runnerShare)))} of the ingest time (target ≤ 10%)`,
);
console.log(
  `  scored ${fmt(median(on.map((r) => r.scoredPerSecondOverall!)))} interactions/s from the first ingested to the last scored` +
    (drains.length ? `, backlog at ${fmt(median(drains))}/s` : '') +
    ' (target ≥ 5,000/s)',
);
console.log(
  `  at ${fmt(ARRIVALS)} arrivals/s (target: scored as they arrive): ${fmt(median(paced.map((p) => p.scoredOnArrival)))} of ${fmt(N)} scored when the last arrived, the last ${fmt(median(paced.map((p) => p.lagMs)))} ms after it; ` +
    `ingest call p50/p95 ${ms(median(paced.map((p) => p.p50Ms)))}/${ms(median(paced.map((p) => p.p95Ms)))} with the rule, ${ms(median(pacedOff.map((p) => p.p50Ms)))}/${ms(median(pacedOff.map((p) => p.p95Ms)))} without`,
);
