import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import type { Store } from '../../store/store';
import { QualityService } from '../quality-service';
import { sumDays } from './score-rollup';
import { insertInteraction, insertScore } from './test-targets';

let store: Store;
let grader: { graderId: string; versions: { id: string; config: { type: 'boolean' } }[] };
const DAY = '2026-02-10';
const scoreIds: string[] = [];

beforeAll(async () => {
  store = await openTestStore();
  const quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
  const made = await quality.createGrader({
    name: 'Polite',
    description: '',
    rubric: '',
    definition: { kind: 'human', instructions: '' },
    scoreConfig: { type: 'boolean' },
  });
  grader = { graderId: made.id, versions: [{ id: made.latest.id, config: { type: 'boolean' } }] };
  for (let i = 0; i < 4; i++) {
    await insertInteraction(store.db, { id: `sr-${i}`, traceId: null });
    scoreIds.push(
      await insertScore(store.db, {
        graderId: made.id,
        graderVersionId: made.latest.id,
        target: { type: 'interaction', id: `sr-${i}` },
        value: i % 2,
        createdAt: `${DAY}T0${i}:00:00.000Z`,
      }),
    );
  }
});
afterAll(() => store.close());

const summedCount = async () =>
  (
    await store.db
      .selectFrom('score_day')
      .select(['n'])
      .where('grader_id', '=', grader.graderId)
      .where('split', '=', 'none')
      .execute()
  ).reduce((total, r) => total + Number(r.n), 0);

describe('sumDays', () => {
  it('reads a day again when scores of it are deleted between its read and its write', async () => {
    // The delete commits just before the sums' write transaction, as a retention purge or a
    // deleted run could between the two.
    let deletes = 0;
    const racing: Store = {
      ...store,
      writes: {
        run: async (work) => {
          if (deletes++ === 0)
            await store.writes.run(async (tx) => {
              await tx.deleteFrom('score').where('id', '=', scoreIds[0]!).execute();
            });
          return store.writes.run(work);
        },
      } as Store['writes'],
    };
    await sumDays(racing, grader, 'none', [DAY]);
    expect(deletes).toBe(2);
    expect(await summedCount()).toBe(3);
    const marks = await store.db
      .selectFrom('score_day_done')
      .select('day')
      .where('grader_id', '=', grader.graderId)
      .execute();
    expect(marks.map((m) => m.day)).toEqual([DAY]);
  });

  it('gives up with a clear error when the scores keep changing, storing nothing', async () => {
    const day = '2026-02-11';
    await insertInteraction(store.db, { id: 'sr-busy', traceId: null });
    await insertScore(store.db, {
      graderId: grader.graderId,
      graderVersionId: grader.versions[0]!.id,
      target: { type: 'interaction', id: 'sr-busy' },
      value: 1,
      createdAt: `${day}T01:00:00.000Z`,
    });
    let n = 0;
    const churning: Store = {
      ...store,
      writes: {
        run: async (work) => {
          // Another score lands in the day before every write (only a past-time writer could).
          await insertInteraction(store.db, { id: `sr-churn-${n}`, traceId: null });
          await insertScore(store.db, {
            graderId: grader.graderId,
            graderVersionId: grader.versions[0]!.id,
            target: { type: 'interaction', id: `sr-churn-${n++}` },
            value: 0,
            createdAt: `${day}T02:00:00.000Z`,
          });
          return store.writes.run(work);
        },
      } as Store['writes'],
    };
    await expect(sumDays(churning, grader, 'none', [day])).rejects.toThrow(
      /kept changing while they were summed/,
    );
    const marks = await store.db
      .selectFrom('score_day_done')
      .select('day')
      .where('day', '=', day)
      .execute();
    expect(marks).toEqual([]);
  });
});
