import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { channels, type ChannelInput, type ParsedInput } from '../../shared/contract';
import type { ScoreTarget } from '../../shared/contract/quality';
import type { Store } from '../store/store';
import { QualityInsightsService } from './dashboard/quality-insights-service';
import { insertInteraction, insertScore, insertTrace } from './dashboard/test-targets';
import { forgetTargetScores } from './forget-target-scores';
import { QualityService } from './quality-service';

/**
 * Forgetting the scores of deleted targets (evals.delete, trace retention call it in their
 * deleting transaction): the scores go, and with them the review items of those interactions
 * and the per-day sums the dashboard already made of them; other targets' stay.
 */
let store: Store;
let quality: QualityService;
let insights: QualityInsightsService;
const ids = { grader: '', version: '', other: '', otherVersion: '', card: '', queue: '' };
const D1 = '2026-03-01';
const D2 = '2026-03-02';
const at = (day: string, minute: number) => `${day}T10:${String(minute).padStart(2, '0')}:00.000Z`;
const target = (type: ScoreTarget['type'], id: string): ScoreTarget => ({ type, id });

const parse = (input: ChannelInput<'scorecards.dashboard'>) =>
  channels['scorecards.dashboard'].input.parse(input) as ParsedInput<'scorecards.dashboard'>;
/** The dashboard as read the day after D2: both days ended, so both are summed. */
const dashboard = () =>
  insights.dashboard(parse({ id: ids.card, from: D1, to: D2 }), Date.parse('2026-03-03T12:00:00Z'));
const countOf = async (graderId: string, day: string) =>
  (await dashboard()).series
    .filter((p) => p.graderId === graderId && p.day === day && p.split === null)
    .reduce((n, p) => n + p.count, 0);

async function scoreCount(t: ScoreTarget): Promise<number> {
  return (await quality.listScores({ target: t, limit: 100 })).scores.length;
}

beforeAll(async () => {
  store = await openTestStore();
  quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
  insights = new QualityInsightsService(store);
  const human = { kind: 'human', instructions: '' } as const;
  const grader = await quality.createGrader({
    name: 'Correct',
    description: '',
    rubric: '',
    definition: human,
    scoreConfig: { type: 'boolean' },
  });
  const other = await quality.createGrader({
    name: 'Polite',
    description: '',
    rubric: '',
    definition: human,
    scoreConfig: { type: 'boolean' },
  });
  Object.assign(ids, {
    grader: grader.id,
    version: grader.latest.id,
    other: other.id,
    otherVersion: other.latest.id,
  });
  ids.card = (
    await quality.createScorecard({
      name: 'Forgotten',
      description: '',
      body: {
        items: [
          { graderId: grader.id, weight: 1 },
          { graderId: other.id, weight: 1 },
        ],
        passThreshold: 0.5,
      },
    })
  ).id;

  const db = store.db;
  await insertTrace(db, { id: 't1', provider: 'openai', model: 'gpt-4o' });
  for (const id of ['i1', 'i2', 'i3']) await insertInteraction(db, { id, traceId: 't1' });
  const G = { graderId: ids.grader, graderVersionId: ids.version };
  const O = { graderId: ids.other, graderVersionId: ids.otherVersion };
  await insertScore(db, {
    ...G,
    target: target('interaction', 'i1'),
    value: 1,
    createdAt: at(D1, 1),
  });
  await insertScore(db, {
    ...G,
    target: target('interaction', 'i2'),
    value: 0,
    createdAt: at(D1, 2),
  });
  await insertScore(db, {
    ...G,
    target: target('interaction', 'i3'),
    value: 1,
    createdAt: at(D2, 1),
  });
  await insertScore(db, {
    ...O,
    target: target('interaction', 'i2'),
    value: 1,
    createdAt: at(D2, 2),
  });
  // A span and an eval result with the id of an interaction: only the named type is forgotten.
  await insertScore(db, { ...G, target: target('span', 'i1'), value: 1, createdAt: at(D1, 3) });
  for (let i = 0; i < 3; i++)
    await insertScore(db, {
      ...G,
      target: target('eval_result', `r${i}`),
      value: 1,
      createdAt: at(D1, 10 + i),
    });

  // A review queue: a completed item on i1 (its human score holds the item's score_id), a
  // pending one on i1 and one on i3.
  ids.queue = 'q1';
  await db
    .insertInto('review_queue')
    .values({
      id: 'q1',
      name: 'Check',
      grader_id: ids.grader,
      filled_by: 'hand',
      rule_json: null,
      instructions: '',
      archived: 0,
      created_at: at(D1, 0),
    })
    .execute();
  const human1 = await insertScore(db, {
    ...G,
    target: target('interaction', 'i1'),
    value: 1,
    source: 'human',
    createdAt: at(D1, 20),
  });
  await db
    .insertInto('review_item')
    .values([
      {
        id: 'ri1',
        queue_id: 'q1',
        target_id: 'i1',
        position: 0,
        assignee: 'ann',
        state: 'completed',
        completed_at: at(D1, 20),
        score_id: human1,
      },
      {
        id: 'ri2',
        queue_id: 'q1',
        target_id: 'i1',
        position: 0,
        assignee: null,
        state: 'pending',
        completed_at: null,
        score_id: null,
      },
      {
        id: 'ri3',
        queue_id: 'q1',
        target_id: 'i3',
        position: 1,
        assignee: null,
        state: 'pending',
        completed_at: null,
        score_id: null,
      },
    ])
    .execute();
});
afterAll(() => store.close());

describe('forgetting the scores of deleted targets', () => {
  it('deletes the scores and review items of the named interactions, and re-sums their summed days', async () => {
    expect(await countOf(ids.grader, D1)).toBe(7);
    expect(await countOf(ids.grader, D2)).toBe(1);
    const summed = await store.db.selectFrom('score_day_done').selectAll().execute();
    expect(
      summed
        .filter((s) => s.grader_id === ids.grader)
        .map((s) => s.day)
        .sort(),
    ).toEqual([D1, D2]);

    await store.writes.run((tx) => forgetTargetScores(tx, 'interaction', ['i1', 'gone']));

    expect(await scoreCount(target('interaction', 'i1'))).toBe(0);
    expect(await scoreCount(target('interaction', 'i2'))).toBe(2);
    expect(await scoreCount(target('span', 'i1'))).toBe(1);
    const items = await store.db.selectFrom('review_item').select('id').orderBy('id').execute();
    expect(items.map((i) => i.id)).toEqual(['ri3']);
    // The grader's sums of D1 were forgotten with the scores; D2 and the other grader's stay.
    const left = await store.db.selectFrom('score_day_done').selectAll().execute();
    expect(left.filter((s) => s.grader_id === ids.grader).map((s) => s.day)).toEqual([D2]);
    expect(
      left
        .filter((s) => s.grader_id === ids.other)
        .map((s) => s.day)
        .sort(),
    ).toEqual([D1, D2]);
    expect(await countOf(ids.grader, D1)).toBe(5);
    expect(await countOf(ids.grader, D2)).toBe(1);
  });

  it('takes the targets as a query, one statement for any number', async () => {
    const ids3 = store.db
      .selectFrom('score')
      .select('target_id as id')
      .where('target_type', '=', 'eval_result')
      .where('target_id', 'in', ['r0', 'r1']);
    await store.writes.run((tx) => forgetTargetScores(tx, 'eval_result', ids3));
    expect(await scoreCount(target('eval_result', 'r0'))).toBe(0);
    expect(await scoreCount(target('eval_result', 'r1'))).toBe(0);
    expect(await scoreCount(target('eval_result', 'r2'))).toBe(1);
    expect(await countOf(ids.grader, D1)).toBe(3);
  });

  it('is undone with the transaction that called it', async () => {
    const failed = store.writes.run(async (tx) => {
      await forgetTargetScores(tx, 'interaction', ['i2']);
      throw new Error('the delete of the targets failed');
    });
    await expect(failed).rejects.toThrow('the delete of the targets failed');
    expect(await scoreCount(target('interaction', 'i2'))).toBe(2);
  });
});
