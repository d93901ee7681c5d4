import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import {
  BULLSEYE_LEVELS,
  channels,
  type ChannelInput,
  type ParsedInput,
} from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { Store } from '../../store/store';
import { QualityService } from '../quality-service';
import { QualityInsightsService } from './quality-insights-service';
import { forgetDays } from './score-rollup';
import { insertInteraction, insertScore, insertSpan, insertTrace } from './test-targets';

let store: Store;
let insights: QualityInsightsService;
const ids = { a: '', aV1: '', b: '', bV1: '', bV2: '', c: '', cV1: '', card: '' };
const D1 = '2026-03-01';
const D2 = '2026-03-02';
const at = (day: string, minute: number) => `${day}T10:${String(minute).padStart(2, '0')}:00.000Z`;
const i1 = { type: 'interaction', id: 'i1' } as const;
const i2 = { type: 'interaction', id: 'i2' } as const;
const i3 = { type: 'interaction', id: 'i3' } as const;
const s1 = { type: 'span', id: 's1' } as const;

const parse = <C extends 'scorecards.dashboard' | 'scorecards.dashboardTargets'>(
  channel: C,
  input: ChannelInput<C>,
): ParsedInput<C> => channels[channel].input.parse(input) as ParsedInput<C>;

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
        { graderId: c.id, weight: 1 },
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
  await insertInteraction(db, { id: 'i3', traceId: 't1' });
  await insertSpan(db, {
    id: 's1',
    traceId: 't2',
    provider: 'openai',
    model: 'gpt-4o-mini',
    promptVersionId: 'pv-S',
  });

  const A = { graderId: ids.a, graderVersionId: ids.aV1 };
  await insertScore(db, {
    ...A,
    target: i1,
    value: 100,
    level: 'Bullseye',
    costPicoUsd: 1_000_000,
    createdAt: at(D1, 1),
  });
  await insertScore(db, {
    ...A,
    target: i2,
    value: 0,
    level: 'Wrong',
    costPicoUsd: 3_000_000,
    createdAt: at(D1, 2),
  });
  await insertScore(db, { ...A, target: i3, value: null, createdAt: at(D1, 3) });
  await insertScore(db, {
    ...A,
    target: s1,
    value: 65,
    level: 'One hop short',
    source: 'human',
    createdAt: at(D1, 4),
  });
  await insertScore(db, {
    ...A,
    target: i1,
    value: 35,
    level: 'Right area',
    source: 'api',
    createdAt: at(D2, 1),
  });
  await insertScore(db, {
    ...A,
    target: i2,
    value: 100,
    level: 'Bullseye',
    source: 'human',
    createdAt: '2026-02-27T09:00:00.000Z',
  });

  const B1 = { graderId: ids.b, graderVersionId: ids.bV1 };
  await insertScore(db, {
    ...B1,
    target: i1,
    value: 10,
    costPicoUsd: 2_000_000,
    createdAt: at(D1, 5),
  });
  await insertScore(db, { ...B1, target: i2, value: 2.5, createdAt: at(D1, 6) });
  // Version 2 is not the pinned one: left out everywhere.
  await insertScore(db, {
    graderId: ids.b,
    graderVersionId: ids.bV2,
    target: i3,
    value: 20,
    costPicoUsd: 9_000_000,
    createdAt: at(D1, 7),
  });

  const C = { graderId: ids.c, graderVersionId: ids.cV1 };
  await insertScore(db, { ...C, target: i1, value: 1, createdAt: at(D2, 2) });
  await insertScore(db, { ...C, target: i2, value: 0, createdAt: at(D2, 3) });
  await insertScore(db, { ...C, target: i3, value: 1, createdAt: at(D2, 4) });
});
afterAll(() => store.close());

const range = { from: D1, to: D2 };
const dashboard = (input: ChannelInput<'scorecards.dashboard'>, now?: number) =>
  insights.dashboard(parse('scorecards.dashboard', input), now);
const targets = (input: Omit<ChannelInput<'scorecards.dashboardTargets'>, 'id'>) =>
  insights.dashboardTargets(parse('scorecards.dashboardTargets', { id: ids.card, ...input }));
const point = (
  d: Awaited<ReturnType<typeof dashboard>>,
  graderId: string,
  day: string,
  split: string | null = null,
) => d.series.find((p) => p.graderId === graderId && p.day === day && p.split === split);

describe('scorecards.dashboard', () => {
  it('gives each grader per day its count, normalized mean, histogram and judge cost', async () => {
    const d = await dashboard({ id: ids.card, ...range });
    expect(d.scorecard).toMatchObject({ name: 'Support quality', version: 1 });
    expect(d.days).toEqual([D1, D2]);
    // Helpfulness on day 1: Bullseye (1), Wrong (0), One hop short (0.65), one unscored.
    const a1 = point(d, ids.a, D1)!;
    expect(a1).toMatchObject({
      count: 4,
      scored: 3,
      histogram: { Bullseye: 1, Wrong: 1, 'One hop short': 1, unscored: 1 },
    });
    expect(a1.mean).toBeCloseTo((1 + 0 + 0.65) / 3, 12);
    expect(a1.costUsd).toBeCloseTo(0.000004, 15);
    expect(point(d, ids.a, D2)).toMatchObject({
      count: 1,
      scored: 1,
      histogram: { 'Right area': 1 },
      costUsd: null,
    });
    expect(point(d, ids.a, D2)!.mean).toBeCloseTo(0.35, 12);
    // Score, pinned at version 1 (0..10): 10 -> bin 9, 2.5 -> bin 2; version 2's score is left out.
    const b1 = point(d, ids.b, D1)!;
    expect(b1).toMatchObject({ count: 2, scored: 2, histogram: { '9': 1, '2': 1 } });
    expect(b1.mean).toBeCloseTo((1 + 0.25) / 2, 12);
    expect(b1.costUsd).toBeCloseTo(0.000002, 15);
    const c2 = point(d, ids.c, D2)!;
    expect(c2).toMatchObject({ count: 3, histogram: { true: 2, false: 1 } });
    expect(c2.mean).toBeCloseTo(2 / 3, 12);

    const a = d.graders.find((g) => g.graderId === ids.a)!;
    expect(a).toMatchObject({ weight: 2, pinnedVersion: null, totals: { count: 5, scored: 4 } });
    expect(a.totals.mean).toBeCloseTo((1 + 0 + 0.65 + 0.35) / 4, 12);
    expect(a.buckets.map((b) => b.key)).toEqual([
      'Bullseye',
      'One hop short',
      'Right area',
      'Wrong',
      'unscored',
    ]);
    expect(d.graders.find((g) => g.graderId === ids.b)).toMatchObject({
      pinnedVersion: 1,
      scoreConfig: { type: 'numeric', max: 10 },
    });
    // Judge cost per day, over every grader: 1 + 3 + 2 micro-dollars on day 1, none priced on day 2.
    expect(d.cost.map((c) => c.day)).toEqual([D1, D2]);
    expect(d.cost[0]!.costUsd).toBeCloseTo(0.000006, 15);
    expect(d.cost[1]).toMatchObject({ count: 4, costUsd: null });
    expect(d.totalCostUsd).toBeCloseTo(0.000006, 15);
    expect(d.splits).toEqual([{ key: null, count: 10 }]);
  });

  it('splits by the model of each target (an interaction by its trace, a span by its own)', async () => {
    const d = await dashboard({ id: ids.card, ...range, split: 'model' });
    const gpt = point(d, ids.a, D1, 'openai:gpt-4o')!;
    expect(gpt).toMatchObject({ count: 2, scored: 1, mean: 1 });
    expect(point(d, ids.a, D1, 'anthropic:claude-x')).toMatchObject({ count: 1, mean: 0 });
    expect(point(d, ids.a, D1, 'openai:gpt-4o-mini')!.mean).toBeCloseTo(0.65, 12);
    expect(d.splits.map((s) => s.key).sort()).toEqual([
      'anthropic:claude-x',
      'openai:gpt-4o',
      'openai:gpt-4o-mini',
    ]);
  });

  it("splits by prompt version: an interaction's own, else its trace's; none is null", async () => {
    const d = await dashboard({ id: ids.card, ...range, split: 'prompt_version' });
    expect(point(d, ids.a, D1, 'pv-A')).toMatchObject({ count: 1, histogram: { Bullseye: 1 } });
    expect(point(d, ids.a, D1, 'pv-1')).toMatchObject({ count: 1, histogram: { unscored: 1 } });
    expect(point(d, ids.a, D1, 'pv-S')).toMatchObject({ count: 1 });
    expect(point(d, ids.a, D1, null)).toMatchObject({ count: 1, histogram: { Wrong: 1 } });
  });

  it('keeps to one source when asked, and to the last 30 UTC days by default', async () => {
    const human = await dashboard({ id: ids.card, ...range, source: 'human' });
    expect(human.series).toHaveLength(1);
    expect(point(human, ids.a, D1)).toMatchObject({ count: 1, histogram: { 'One hop short': 1 } });
    const byDefault = await dashboard({ id: ids.card }, Date.parse(`${D2}T23:00:00.000Z`));
    expect(byDefault.days).toHaveLength(30);
    expect(byDefault.to).toBe(D2);
    expect(point(byDefault, ids.a, '2026-02-27')).toMatchObject({ count: 1 });
  });

  it('refuses a backwards range and an unknown scorecard, naming the field', async () => {
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (e: unknown) =>
          e instanceof AssayError
            ? [e.code, (e.details as { issues: { path: string }[] }).issues[0]!.path]
            : e,
      );
    await expect(refusal(dashboard({ id: ids.card, from: D2, to: D1 }))).resolves.toEqual([
      'VALIDATION_FAILED',
      'from',
    ]);
    await expect(refusal(dashboard({ id: 'nope' }))).resolves.toEqual(['NOT_FOUND', 'id']);
    await expect(refusal(dashboard({ id: ids.card, version: 9 }))).resolves.toEqual([
      'NOT_FOUND',
      'version',
    ]);
    await expect(refusal(targets({ graderId: 'nope', day: D1 }))).resolves.toEqual([
      'VALIDATION_FAILED',
      'graderId',
    ]);
  });
});

describe('scorecards.dashboardTargets', () => {
  const targetIds = async (input: Parameters<typeof targets>[0]) =>
    (await targets(input)).targets.map((t) => t.link.target.id);

  it('lists the scores behind a point, newest first, by bucket and split value', async () => {
    expect(await targetIds({ graderId: ids.a, day: D1 })).toEqual(['s1', 'i3', 'i2', 'i1']);
    expect(await targetIds({ graderId: ids.a, day: D1, bucket: 'Bullseye' })).toEqual(['i1']);
    expect(await targetIds({ graderId: ids.a, day: D1, bucket: 'unscored' })).toEqual(['i3']);
    expect(
      await targetIds({ graderId: ids.a, day: D1, split: 'model', splitKey: 'openai:gpt-4o' }),
    ).toEqual(['i3', 'i1']);
    expect(
      await targetIds({ graderId: ids.a, day: D1, split: 'prompt_version', splitKey: null }),
    ).toEqual(['i2']);
    // The pinned version's bins only: version 2's 20 on i3 is not behind bin 9.
    expect(await targetIds({ graderId: ids.b, day: D1, bucket: '9' })).toEqual(['i1']);
  });

  it('says where each target opens and how it read as 0..1, and pages with `more`', async () => {
    const { targets: list } = await targets({ graderId: ids.a, day: D1, bucket: 'One hop short' });
    expect(list).toEqual([
      expect.objectContaining({
        link: { target: s1, traceId: 't2', runId: null },
        level: 'One hop short',
        value: 65,
        normalized: 0.65,
        source: 'human',
      }),
    ]);
    const page = await targets({ graderId: ids.a, day: D1, limit: 2 });
    expect(page.targets).toHaveLength(2);
    expect(page.more).toBe(true);
  });
});

describe('sums of ended days', () => {
  it('are made once and read after; a day forgotten is summed again', async () => {
    const before = await dashboard({ id: ids.card, ...range });
    const summed = await store.db.selectFrom('score_day_done').select('day').execute();
    expect(summed.map((r) => r.day)).toContain(D1);
    // A score stored now with a past time is not in the day's sums until the day is forgotten.
    const late = await insertScore(store.db, {
      graderId: ids.a,
      graderVersionId: ids.aV1,
      target: { type: 'interaction', id: 'i9' },
      value: 100,
      level: 'Bullseye',
      createdAt: at(D1, 30),
    });
    expect(point(await dashboard({ id: ids.card, ...range }), ids.a, D1)).toEqual(
      point(before, ids.a, D1),
    );
    await forgetDays(store, ids.a, [D1]);
    expect(point(await dashboard({ id: ids.card, ...range }), ids.a, D1)).toMatchObject({
      count: 5,
      histogram: { Bullseye: 2 },
    });
    // Today's scores are read from the scores themselves, every time.
    const today = await dashboard({ id: ids.card, ...range }, Date.parse(`${D1}T12:00:00.000Z`));
    expect(point(today, ids.a, D1)).toMatchObject({ count: 5 });
    await store.db.deleteFrom('score').where('id', '=', late).execute();
    await forgetDays(store, ids.a, [D1]);
  });
});
