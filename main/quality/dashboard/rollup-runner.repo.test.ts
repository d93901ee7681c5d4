import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import {
  BULLSEYE_LEVELS,
  channels,
  DASHBOARD_SPLITS,
  MAX_DASHBOARD_DAYS,
  type ChannelInput,
  type ParsedInput,
} from '../../../shared/contract';
import type { Store } from '../../store/store';
import { QualityService } from '../quality-service';
import { QualityInsightsService } from './quality-insights-service';
import { rollupPass, rollupWindow, ScoreRollupRunner } from './rollup-runner';
import { insertInteraction, insertScore, insertSpan, insertTrace } from './test-targets';

let store: Store;
let insights: QualityInsightsService;
const ids = { a: '', aV1: '', b: '', bV1: '', bV2: '', c: '', cV1: '', card: '' };
/** Half an hour after 2026-03-04 ended: the 4th is not summed yet, the 3rd is. */
const NOW = Date.parse('2026-03-05T00:30:00.000Z');
const OLD = '2025-06-01';
const D1 = '2026-03-01';
const D3 = '2026-03-03';
const D4 = '2026-03-04';
const at = (day: string, minute: number) => `${day}T10:${String(minute).padStart(2, '0')}:00.000Z`;

const parse = (input: ChannelInput<'scorecards.dashboard'>): ParsedInput<'scorecards.dashboard'> =>
  channels['scorecards.dashboard'].input.parse(input) as ParsedInput<'scorecards.dashboard'>;
const year = { from: '2025-03-05', to: '2026-03-05' };

async function forgetAll(): Promise<void> {
  await sql`DELETE FROM score_day`.execute(store.db);
  await sql`DELETE FROM score_day_done`.execute(store.db);
}

/** Every stored sum, in one order, numbers as numbers (Postgres returns BIGINT as text). */
async function sums() {
  const rows = await store.db
    .selectFrom('score_day')
    .selectAll()
    .orderBy('grader_id')
    .orderBy('split')
    .orderBy('day')
    .orderBy('grader_version_id')
    .orderBy('source')
    .orderBy('split_key')
    .orderBy('bucket')
    .execute();
  return rows.map((r) => ({
    ...r,
    n: Number(r.n),
    scored: Number(r.scored),
    total: Number(r.total),
    norm_sum: Number(r.norm_sum),
    cost_pico_usd: r.cost_pico_usd === null ? null : Number(r.cost_pico_usd),
  }));
}

async function marks(graderId: string, split: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('score_day_done')
    .select('day')
    .where('grader_id', '=', graderId)
    .where('split', '=', split)
    .orderBy('day')
    .execute();
  return rows.map((r) => r.day);
}

const counts = async () => ({
  sums: (await sums()).length,
  marks: Number(
    (
      await store.db
        .selectFrom('score_day_done')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

beforeAll(async () => {
  store = await openTestStore();
  const quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
  insights = new QualityInsightsService(store);
  const human = { kind: 'human', instructions: '' } as const;
  const a = await quality.createGrader({
    name: 'Helpfulness',
    description: '',
    rubric: '',
    definition: human,
    scoreConfig: { type: 'categorical', levels: [...BULLSEYE_LEVELS] },
  });
  const b = await quality.createGrader({
    name: 'Score',
    description: '',
    rubric: '',
    definition: human,
    scoreConfig: { type: 'numeric', min: 0, max: 10, higherIsBetter: true },
  });
  const b2 = await quality.updateGrader({
    id: b.id,
    scoreConfig: { type: 'numeric', min: 0, max: 20, higherIsBetter: true },
  });
  // In no scorecard: never charted, so never summed ahead.
  const c = await quality.createGrader({
    name: 'Formatted',
    description: '',
    rubric: '',
    definition: human,
    scoreConfig: { type: 'boolean' },
  });
  Object.assign(ids, {
    a: a.id,
    aV1: a.latest.id,
    b: b.id,
    bV1: b.latest.id,
    bV2: b2.latest.id,
    c: c.id,
    cV1: c.latest.id,
  });
  const card = await quality.createScorecard({
    name: 'Support quality',
    description: '',
    body: {
      items: [
        { graderId: a.id, weight: 2 },
        { graderId: b.id, graderVersion: 1, weight: 1 },
      ],
      passThreshold: 0.7,
    },
  });
  ids.card = card.id;

  const db = store.db;
  await insertTrace(db, { id: 't1', provider: 'openai', model: 'gpt-4o', promptVersionId: 'pv-1' });
  await insertTrace(db, { id: 't2', provider: 'anthropic', model: 'claude-x' });
  await insertInteraction(db, { id: 'i1', traceId: 't1', promptVersionId: 'pv-A' });
  await insertInteraction(db, { id: 'i2', traceId: 't2' });
  await insertSpan(db, { id: 's1', traceId: 't2', provider: 'openai', model: 'gpt-4o-mini' });
  const i1 = { type: 'interaction', id: 'i1' } as const;
  const i2 = { type: 'interaction', id: 'i2' } as const;
  const s1 = { type: 'span', id: 's1' } as const;

  const A = { graderId: ids.a, graderVersionId: ids.aV1 };
  const B1 = { graderId: ids.b, graderVersionId: ids.bV1 };
  const B2 = { graderId: ids.b, graderVersionId: ids.bV2 };
  const C = { graderId: ids.c, graderVersionId: ids.cV1 };
  for (const day of [OLD, D1, D3, D4]) {
    await insertScore(db, {
      ...A,
      target: i1,
      value: 100,
      level: 'Bullseye',
      costPicoUsd: 1_000_000,
      createdAt: at(day, 1),
    });
    await insertScore(db, { ...A, target: i2, value: 0, level: 'Wrong', createdAt: at(day, 2) });
    await insertScore(db, {
      ...A,
      target: s1,
      value: null,
      source: 'human',
      createdAt: at(day, 3),
    });
    await insertScore(db, { ...B1, target: i1, value: 2.5, createdAt: at(day, 4) });
    await insertScore(db, { ...B2, target: i2, value: 20, costPicoUsd: 5, createdAt: at(day, 5) });
    await insertScore(db, { ...C, target: i1, value: 1, createdAt: at(day, 6) });
  }
});
afterAll(() => store.close());

describe('rollupWindow', () => {
  it('is the longest dashboard range up to the last day that ended an hour ago', () => {
    const window = rollupWindow(NOW);
    expect(window[0]).toBe('2025-03-05');
    expect(window[window.length - 1]).toBe(D3);
    expect(window).toHaveLength(MAX_DASHBOARD_DAYS - 2);
    expect(rollupWindow(Date.parse('2026-03-05T01:00:00.000Z')).at(-1)).toBe(D4);
  });
});

describe('a rollup pass', () => {
  it('sums every ended day of the charted graders, every split, as a dashboard would', async () => {
    // The dashboards sum on read: the figures and sums without a runner.
    await forgetAll();
    const inputs = DASHBOARD_SPLITS.flatMap((split) => [
      parse({ id: ids.card, ...year, split }),
      parse({ id: ids.card, ...year, split, source: 'human' }),
    ]);
    const onRead = [];
    for (const input of inputs) onRead.push(await insights.dashboard(input, NOW));
    const summedOnRead = (await sums()).filter((r) => r.day !== D4);

    await forgetAll();
    const report = await rollupPass(store, NOW);
    const window = rollupWindow(NOW);
    expect(report).toMatchObject({ graders: 2, days: 2 * 3 * window.length });
    for (const graderId of [ids.a, ids.b])
      for (const split of DASHBOARD_SPLITS) expect(await marks(graderId, split)).toEqual(window);
    expect(await marks(ids.c, 'none')).toEqual([]);
    const summed = await sums();
    expect(summed).toEqual(summedOnRead);
    expect(new Set(summed.map((r) => r.day))).toEqual(new Set([OLD, D1, D3]));
    // Every version is summed (a scorecard pinning another reuses them), split by model too.
    expect(summed.some((r) => r.grader_version_id === ids.bV2)).toBe(true);
    expect(
      summed.filter((r) => r.split === 'model' && r.day === D1).map((r) => r.split_key),
    ).toContain('openai:gpt-4o-mini');

    // A dashboard after the pass reads the same figures as one that summed on read.
    for (const [i, input] of inputs.entries())
      expect(await insights.dashboard(input, NOW)).toEqual(onRead[i]);
  });

  it('leaves a day that ended less than an hour ago to a later pass', async () => {
    await forgetAll();
    await rollupPass(store, NOW);
    expect(await marks(ids.a, 'none')).not.toContain(D4);
    expect((await sums()).some((r) => r.day === D4)).toBe(false);
    await rollupPass(store, Date.parse('2026-03-05T01:00:00.000Z'));
    expect((await marks(ids.a, 'none')).at(-1)).toBe(D4);
    expect((await sums()).some((r) => r.day === D4 && r.grader_id === ids.a)).toBe(true);
  });

  it('writes nothing over days summed already: it only counts the marks', async () => {
    await forgetAll();
    await rollupPass(store, NOW);
    const before = await counts();
    const writes = vi.spyOn(store.writes, 'run');
    try {
      expect(await rollupPass(store, NOW)).toEqual({ graders: 2, steps: 0, days: 0 });
      expect(writes).not.toHaveBeenCalled();
    } finally {
      writes.mockRestore();
    }
    expect(await counts()).toEqual(before);
  });

  it('reports a failing grader and sums the others', async () => {
    await forgetAll();
    const errors: unknown[] = [];
    const original = store.writes.run.bind(store.writes);
    const writes = vi
      .spyOn(store.writes, 'run')
      .mockImplementationOnce(() => Promise.reject(new Error('disk full')))
      .mockImplementation(original);
    try {
      await rollupPass(
        store,
        NOW,
        () => false,
        (err) => errors.push(err),
      );
    } finally {
      writes.mockRestore();
    }
    expect(errors).toEqual([new Error('disk full')]);
    expect(await marks(ids.a, 'none')).toEqual([]);
    // The failing grader is summed by the next pass.
    expect(await marks(ids.b, 'model')).toEqual(rollupWindow(NOW));
    await rollupPass(store, NOW);
    expect(await marks(ids.a, 'none')).toEqual(rollupWindow(NOW));
  });
});

describe('ScoreRollupRunner', () => {
  it('stop() waits for the step in progress, and no step starts after it', async () => {
    await forgetAll();
    const runner = new ScoreRollupRunner(store, (err) => {
      throw err;
    });
    const events: string[] = [];
    let stopping: Promise<void> | null = null;
    const original = store.writes.run.bind(store.writes);
    const writes = vi.spyOn(store.writes, 'run').mockImplementation(async (work) => {
      // The first step's write: the stop is asked while it runs.
      stopping ??= runner.stop().then(() => {
        events.push('stopped');
      });
      const out = await original(work);
      events.push('written');
      return out;
    });
    try {
      const report = await runner.runNow(NOW);
      await stopping;
      expect(report).toMatchObject({ steps: 1 });
      expect(events).toEqual(['written', 'stopped']);
      expect(writes).toHaveBeenCalledTimes(1);
      expect(await runner.runNow(NOW)).toBeNull();
    } finally {
      writes.mockRestore();
    }
    expect((await counts()).marks).toBeGreaterThan(0);
  });

  it('runs its first pass after a delay once started, and never holds the process', async () => {
    const runner = new ScoreRollupRunner(store, () => undefined, {
      firstDelayMs: 5,
      intervalMs: 3_600_000,
    });
    const pass = vi.spyOn(runner, 'runNow').mockResolvedValue(null);
    expect(runner.started).toBe(false);
    runner.start();
    expect(runner.started).toBe(true);
    expect(pass).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(pass).toHaveBeenCalledTimes(1));
    await runner.stop();
    expect(runner.started).toBe(false);
  });
});
