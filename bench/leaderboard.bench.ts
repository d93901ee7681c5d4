// A leaderboard over 100 prompt versions x 10 models x 1,000 results each (issue 15: under
// 300 ms): 1,000 completed eval runs and 1,000,000 results on one dataset, stored in bulk (no
// model is called). `leaderboards.get` is timed through the dispatcher (the contract's parsing
// included) as a user's look at the board: its first read, which makes and stores every run's
// summary (what runs completed before summaries existed get once), then warm reads from the
// stored summaries (every run completed since stores its own at completion, timed too).
// SQLite by default, in $TMPDIR/assay-bench-leaderboard/ (reused; BENCH_REGENERATE=1 rebuilds
// it); BENCH_DATABASE_URL=postgres://… runs it on an empty PostgreSQL database instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Insertable } from 'kysely';
import { createHeadlessCore } from '../main/app/create-headless-core';
import type { Core } from '../main/app/create-core';
import { storeRunSummary } from '../main/evals/runs/board-entries';
import { insertRows } from '../main/store/bulk-insert';
import type { DB } from '../main/store/schema';
import { pad, timeRuns } from './support/score-corpus';

const VERSIONS = 100;
const MODELS = 10;
const RESULTS = Number(process.env.BENCH_RESULTS ?? 1_000);
const READS = Number(process.env.BENCH_RUNS ?? 10);
const START = Date.parse('2026-01-01T00:00:00.000Z');
/** Rows per INSERT: 18 columns each, under SQLite's 32,766 parameters. */
const RESULTS_PER_INSERT = 1_500;

async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

async function count(core: Core, table: 'eval_run' | 'eval_result'): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
    core.store.db,
  );
  return Number(r.rows[0]!.n);
}

/** The n-th result of run r: a mix of passes, fails, a few unscored and errors, priced calls. */
function resultRow(runId: string, r: number, n: number): Insertable<DB['eval_result']> {
  const pick = (r * 7919 + n * 104_729) % 1000;
  const status = pick < 10 ? 'error' : pick < 30 ? 'unscored' : pick % 3 === 0 ? 'fail' : 'pass';
  const scored = status === 'pass' || status === 'fail';
  return {
    id: `00000000-0000-7000-a${String(r).padStart(3, '0')}-${pad(n)}`,
    run_id: runId,
    case_key: `case-${n}`,
    repeat_index: 0,
    status,
    // Dearer models (higher r % MODELS) and later versions score a little better: a frontier.
    score: scored
      ? Math.min(
          1,
          (status === 'pass' ? 0.5 : 0.1) +
            (r % MODELS) * 0.03 +
            Math.floor(r / MODELS) * 0.002 +
            (pick % 10) / 100,
        )
      : null,
    output: status === 'error' ? null : 'An answer of a few words.',
    matchers_json: '[{"type":"contains","pass":true,"score":1,"reason":"","costPicoUsd":null}]',
    latency_ms: status === 'error' ? null : 200 + ((r % MODELS) + 1) * 50 + (pick % 400),
    input_tokens: 120,
    output_tokens: 30,
    cost_pico_usd: status === 'error' ? null : ((r % MODELS) + 1) * 150_000 + pick,
    judge_cost_pico_usd: 0,
    cached: 0,
    span_id: null,
    error_code: status === 'error' ? 'PROVIDER_ERROR' : null,
    error_message: null,
    created_at: new Date(START + r * 60_000).toISOString(),
  };
}

async function generate(core: Core): Promise<void> {
  await call(core, 'datasets.import', {
    name: 'bench-board',
    format: 'yaml',
    content: 'test_cases:\n  - vars: { q: "x" }\n',
  });
  const dataset = await core.services.datasets.find('bench-board', 'bench');
  await call(core, 'prompts.create', {
    name: 'bench-board',
    kind: 'text',
    content: { text: 'v0 {{q}}' },
  });
  for (let v = 1; v < VERSIONS; v++)
    await call(core, 'prompts.update', { name: 'bench-board', content: { text: `v${v} {{q}}` } });
  const versions = (await core.services.prompts.versions('bench-board')).map((v) => v.id);
  const t = performance.now();
  for (let r = 0; r < VERSIONS * MODELS; r++) {
    const runId = `00000000-0000-7000-b000-${pad(r)}`;
    const at = new Date(START + r * 60_000).toISOString();
    await core.store.db
      .insertInto('eval_run')
      .values({
        id: runId,
        group_id: runId,
        name: `bench run ${r}`,
        dataset_id: dataset.id,
        prompt_version_id: versions[Math.floor(r / MODELS)]!,
        prompt_label: 'bench-board',
        frozen_prompt_json: '{}',
        interaction_type: 'chat',
        provider: 'openai',
        model: `model-${r % MODELS}`,
        parameters_json: '{}',
        status: 'completed',
        concurrency: 4,
        repeat: 1,
        bypass_cache: 0,
        total_cases: RESULTS,
        created_at: at,
        started_at: at,
        finished_at: at,
        error: null,
      })
      .execute();
    for (let done = 0; done < RESULTS; done += RESULTS_PER_INSERT) {
      const rows = Array.from({ length: Math.min(RESULTS_PER_INSERT, RESULTS - done) }, (_, i) =>
        resultRow(runId, r, done + i),
      );
      await core.store.writes.run((tx) => insertRows(tx, core.store.dialect, 'eval_result', rows));
    }
  }
  console.log(
    `stored ${VERSIONS * MODELS} runs and ${VERSIONS * MODELS * RESULTS} results in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const dir = path.join(os.tmpdir(), `assay-bench-leaderboard-${RESULTS}`);
  if (process.env.BENCH_REGENERATE === '1' || url) fs.rmSync(dir, { recursive: true, force: true });
  const core = await createHeadlessCore(
    dir,
    { ...process.env, ASSAY_DATABASE_URL: url ?? '' },
    url,
  );
  try {
    if ((await count(core, 'eval_result')) !== VERSIONS * MODELS * RESULTS) await generate(core);
    console.log(
      `${core.store.dialect}: ${await count(core, 'eval_run')} completed runs, ${await count(core, 'eval_result')} results on one dataset`,
    );
    const input = { scope: { kind: 'dataset', dataset: 'bench-board' } };
    // The first read makes every summary: forget them (a reused database kept them).
    await core.store.db.deleteFrom('eval_run_summary').execute();
    const t = performance.now();
    const first = (await call(core, 'leaderboards.get', input)) as {
      rows: { frontier: { cost: boolean | null } }[];
    };
    console.log(
      `leaderboards.get, first read (makes and stores 1,000 run summaries): ${(performance.now() - t).toFixed(0)} ms; ${first.rows.length} rows, ${first.rows.filter((r) => r.frontier.cost).length} on the cost frontier`,
    );
    await timeRuns(
      `leaderboards.get, warm (${READS} reads)`,
      READS,
      () => call(core, 'leaderboards.get', input),
      {
        warm: true,
        digits: 1,
      },
    );
    await timeRuns(
      `leaderboards.get sorted by p95 latency (${READS} reads)`,
      READS,
      () =>
        call(core, 'leaderboards.get', { ...input, sort: { key: 'latencyP95', direction: 'asc' } }),
      { warm: true, digits: 1 },
    );
    await timeRuns(
      `leaderboards.history (${READS} reads)`,
      READS,
      () => call(core, 'leaderboards.history', input),
      {
        warm: true,
        digits: 1,
      },
    );
    // What a run's completion adds: its summary from its 1,000 results (a new row each time).
    let r = 0;
    await timeRuns(
      `a run's summary at completion (${RESULTS} results)`,
      READS,
      async () => {
        const runId = `00000000-0000-7000-b000-${pad(r++)}`;
        await core.store.db.deleteFrom('eval_run_summary').where('run_id', '=', runId).execute();
        await storeRunSummary({ db: core.store.db, writes: core.store.writes }, runId, false);
      },
      { warm: false, digits: 1 },
    );
  } finally {
    await core.close();
  }
}

await main();
