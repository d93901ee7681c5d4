// The scorecard dashboard at 1,000,000 scores (issue 14: answers under 200 ms p95): a scorecard
// of 5 graders over 30 and 90 UTC days, unsplit and split by model and by prompt version, the
// drill-down of one point, and judge calibration. Dashboards are timed cold (the first answer,
// which sums the ended days) and warm (read from the sums); then the background rollup's catch-up
// (one pass summing every ended day from empty) and each dashboard's first view after it, the
// first view a user gets in practice. Scores are spread over 90 days across 20
// graders (Bullseye, boolean and numeric configs) and 200,000 interactions (5,000 traces, 4
// models, 6 prompt versions); 99% are judges' scores with a cost, 1% people's second opinions.
// SQLite by default, in $TMPDIR/assay-bench-dashboard-<N>/ (reused; BENCH_REGENERATE=1
// rebuilds it); BENCH_DATABASE_URL=postgres://… runs it on an empty PostgreSQL database.
import { sql } from 'kysely';
import {
  BULLSEYE_LEVELS,
  channels,
  type ChannelInput,
  type ParsedInput,
  type ScoreConfig,
} from '../shared/contract';
import { QualityInsightsService } from '../main/quality/dashboard/quality-insights-service';
import { rollupPass } from '../main/quality/dashboard/rollup-runner';
import { ScorecardRepository } from '../main/quality/scorecard-repository';
import type { Store } from '../main/store/store';
import {
  benchGraderId as graderId,
  benchVersionId as versionId,
  countScores,
  GRADERS,
  insertBenchGraders,
  insertGenerated,
  openBenchStore,
  pad,
  SCORES as TARGET,
  START,
  TARGETS as INTERACTIONS,
  timeRuns,
} from './support/score-corpus';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TRACES = 5_000;
const MODELS = ['openai:gpt-4o', 'openai:gpt-4o-mini', 'anthropic:claude-sonnet', 'local:llama'];
const DAYS = 90;
/** Judge scores; the rest (1%) are people's. */
const JUDGED = Math.round(TARGET * 0.99);
const STEP_MS = (DAYS * 86_400_000) / JUDGED;
const CARD = '00000000-0000-7000-8002-000000000001';

const configOf = (g: number): ScoreConfig =>
  g % 3 === 0
    ? { type: 'categorical', levels: [...BULLSEYE_LEVELS] }
    : g % 3 === 1
      ? { type: 'boolean' }
      : { type: 'numeric', min: 0, max: 10, higherIsBetter: true };

/** The n-th judge score: graders of one target sit next to each other in time, as one grading pass would. */
function judgeScore(n: number) {
  const g = n % GRADERS;
  const config = configOf(g);
  const pick = (n * 7919) % 1000;
  const level = config.type === 'categorical' ? config.levels[pick % config.levels.length]! : null;
  const value =
    pick < 20
      ? null
      : level
        ? level.value
        : config.type === 'boolean'
          ? pick % 3 === 0
            ? 0
            : 1
          : (pick % 101) / 10;
  return {
    id: `00000000-0000-7000-9000-${pad(n)}`,
    target_type: 'interaction',
    target_id: `interaction-${Math.floor(n / GRADERS) % INTERACTIONS}`,
    grader_id: graderId(g),
    grader_version_id: versionId(g),
    name: `bench grader ${g}`,
    value,
    level: value === null ? null : (level?.name ?? null),
    reason: null,
    source: 'grader',
    cost_pico_usd: 40_000_000 as number | null,
    author: null,
    idempotency_key: null as string | null,
    created_at: new Date(START + n * STEP_MS).toISOString(),
  };
}

async function generate(store: Store): Promise<void> {
  const started = performance.now();
  const now = new Date(START).toISOString();
  await insertBenchGraders(store, GRADERS, now, (g) => ({
    definition: {
      kind: 'llm_judge',
      prompt: { name: 'bench-judge' },
      model: { provider: 'openai', model: 'gpt-4o-mini' },
    },
    scoreConfig: configOf(g),
  }));
  const cards = new ScorecardRepository(store.db);
  await cards.insertScorecard({
    id: CARD,
    name: 'bench card',
    description: '',
    archived: false,
    createdAt: now,
  });
  await cards.insertVersion({
    id: '00000000-0000-7000-8003-000000000001',
    scorecardId: CARD,
    version: 1,
    body: {
      items: [0, 1, 2, 3, 5].map((g) => ({ graderId: graderId(g), weight: 1 })),
      passThreshold: 0.7,
    },
    createdAt: now,
  });
  await insertGenerated(store, 'trace', TRACES, (n) => {
    const [provider, model] = MODELS[n % MODELS.length]!.split(':');
    return {
      id: `trace-${n}`,
      name: 'chat',
      source: 'gateway',
      root_span_id: null,
      started_at: now,
      ended_at: now,
      latency_ms: 100,
      span_count: 1,
      llm_count: 1,
      error_count: 0,
      input_tokens: 10,
      output_tokens: 10,
      cost_pico_usd: 1_000,
      unpriced_count: 0,
      provider,
      model,
      prompt_version_id: `pv-${n % 6}`,
    };
  });
  await insertGenerated(store, 'interaction', INTERACTIONS, (n) => ({
    id: `interaction-${n}`,
    type: 'chat',
    trace_id: `trace-${n % TRACES}`,
    input_json: '"q"',
    output_json: '"a"',
    tags_json: '[]',
    // Half carry their own prompt version; the rest get their trace's.
    prompt_version_id: n % 2 === 0 ? `pv-${n % 6}` : null,
    span_ids_json: '[]',
    created_at: now,
  }));
  await insertGenerated(store, 'score', JUDGED, judgeScore);
  // People's scores: a second opinion on 1% of the judged (target, grader) pairs, most agreeing.
  await insertGenerated(store, 'score', TARGET - JUDGED, (k) => {
    const judged = judgeScore(k * 97);
    const agrees = k % 10 < 7;
    const value =
      judged.value === null || agrees
        ? judged.value
        : judged.level !== null
          ? 0
          : judged.value === 1
            ? 0
            : Math.min(10, judged.value + 3);
    return {
      ...judged,
      id: `00000000-0000-7000-9001-${pad(k)}`,
      value,
      level: judged.level === null || agrees || value === null ? judged.level : 'Wrong',
      source: 'human',
      cost_pico_usd: null,
      idempotency_key: `human-${k}`,
      created_at: new Date(Date.parse(judged.created_at) + 60_000).toISOString(),
    };
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `generated ${TARGET.toLocaleString()} scores and their targets in ${seconds.toFixed(1)} s`,
  );
}

const time = (label: string, work: () => Promise<unknown>) =>
  timeRuns(label, RUNS, work, { warm: true, digits: 1 });

const parse = <C extends 'scorecards.dashboard' | 'scorecards.dashboardTargets'>(
  channel: C,
  input: ChannelInput<C>,
): ParsedInput<C> => channels[channel].input.parse(input) as ParsedInput<C>;
const dayAfter = (days: number) => new Date(START + days * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const store = await openBenchStore('dashboard', TARGET);
  try {
    if ((await countScores(store)) < TARGET) await generate(store);
    if (store.dialect === 'postgres') await sql`ANALYZE`.execute(store.db);
    console.log(`${(await countScores(store)).toLocaleString()} scores on ${store.dialect}`);
    const insights = new QualityInsightsService(store);
    const last30 = { from: dayAfter(DAYS - 30), to: dayAfter(DAYS - 1) };
    const all = { from: dayAfter(0), to: dayAfter(DAYS - 1) };
    const forget = async () => {
      await sql`DELETE FROM score_day`.execute(store.db);
      await sql`DELETE FROM score_day_done`.execute(store.db);
    };
    // Ended days are summed the first time they are asked for (cold), then read (warm); the
    // last case keeps the range's last day open, read from the scores as today is.
    const lastDayNoon = Date.parse(`${dayAfter(DAYS - 1)}T12:00:00.000Z`);
    for (const [label, range] of [
      ['30 days', last30],
      ['90 days', all],
    ] as const) {
      for (const split of ['none', 'model', 'prompt_version'] as const) {
        const input = parse('scorecards.dashboard', { id: CARD, ...range, split });
        await forget();
        const t = performance.now();
        const answer = await insights.dashboard(input);
        const cold = performance.now() - t;
        const scores = answer.graders.reduce((a, g) => a + g.totals.count, 0);
        await time(
          `dashboard, 5 graders, ${label}, split ${split} (${scores.toLocaleString()} scores; cold ${cold.toFixed(0)} ms)`,
          () => insights.dashboard(input),
        );
        await time(`  the same with its last day open`, () =>
          insights.dashboard(input, lastDayNoon),
        );
      }
    }
    // The rollup runner's catch-up from empty sums (a database upgraded, or a server started
    // after a long time off), as of noon the day after the corpus ends: every day is summed.
    // Each write transaction is timed: the write queue is shared with ingest.
    await forget();
    const passNow = Date.parse(`${dayAfter(DAYS)}T12:00:00.000Z`);
    const writes = store.writes;
    const run = writes.run.bind(writes);
    const writeMs: number[] = [];
    writes.run = async (work) => {
      const t = performance.now();
      try {
        await run(work);
      } finally {
        writeMs.push(performance.now() - t);
      }
    };
    const t = performance.now();
    const report = await rollupPass(store, passNow);
    const pass = performance.now() - t;
    writes.run = run;
    writeMs.sort((a, b) => a - b);
    const writeAt = (q: number) =>
      writeMs[Math.min(writeMs.length - 1, Math.floor(q * writeMs.length))]!;
    console.log(
      `rollup pass, catch-up from empty: ${(pass / 1000).toFixed(1)} s (${report.graders} graders, ${report.steps} steps, ${report.days} grader-split-days; write transactions p50 ${writeAt(0.5).toFixed(0)} ms, p95 ${writeAt(0.95).toFixed(0)} ms, max ${writeAt(1).toFixed(0)} ms)`,
    );
    const again = performance.now();
    const noop = await rollupPass(store, passNow);
    console.log(
      `rollup pass with every day summed: ${(performance.now() - again).toFixed(1)} ms (${noop.steps} steps)`,
    );
    for (const [label, range] of [
      ['30 days', last30],
      ['90 days', all],
    ] as const) {
      for (const split of ['none', 'model', 'prompt_version'] as const) {
        const input = parse('scorecards.dashboard', { id: CARD, ...range, split });
        const first = performance.now();
        await insights.dashboard(input);
        console.log(
          `  first view after the pass: ${label}, split ${split}: ${(performance.now() - first).toFixed(1)} ms`,
        );
      }
    }
    const drill = parse('scorecards.dashboardTargets', {
      id: CARD,
      graderId: graderId(0),
      day: dayAfter(45),
      split: 'model',
      splitKey: MODELS[1]!,
      bucket: 'Bullseye',
    });
    await time('drill-down: one grader, day, model and level', () =>
      insights.dashboardTargets(drill),
    );
    await time('calibration of one judge (1% people)', () =>
      insights.calibration({ id: graderId(3) }),
    );
    await time(`calibration flags of ${GRADERS} judges`, () => insights.calibrationFlags());
  } finally {
    await store.close();
  }
}

await main();
