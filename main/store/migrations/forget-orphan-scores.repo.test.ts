import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { insertInteraction, insertScore, insertTrace } from '../../quality/dashboard/test-targets';
import { QualityService } from '../../quality/quality-service';
import type { Store } from '../store';
import { postgres0009 } from './postgres/0009_forget_orphan_scores';
import { migration0015 } from './sqlite/0015_forget_orphan_scores';

/**
 * The step that forgets scores left behind by deletes made before scores were forgotten with
 * their targets (SQLite 0015, PostgreSQL 0009), run again on a migrated database holding such
 * scores: it is plain SQL, so running it twice is what an upgrade does once.
 */
let store: Store;
const ids = { grader: '', version: '' };

beforeAll(async () => {
  store = await openTestStore();
  const quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
  const grader = await quality.createGrader({
    name: 'Kept or not',
    description: '',
    rubric: '',
    definition: { kind: 'human', instructions: '' },
    scoreConfig: { type: 'boolean' },
  });
  Object.assign(ids, { grader: grader.id, version: grader.latest.id });
});
afterAll(() => store.close());

/** The step's statements one by one (a prepared statement holds one; none holds a `;`). */
async function cleanUp(): Promise<void> {
  const up = store.dialect === 'postgres' ? postgres0009.up : migration0015.up;
  // One transaction, as migrations run: the temporary table lives on one connection.
  await store.db.transaction().execute(async (tx) => {
    for (const statement of up.split(';').filter((s) => s.trim() !== ''))
      await sql.raw(statement).execute(tx);
  });
}

describe('forgetting orphan scores on upgrade', () => {
  it('deletes the scores, review items and day sums of targets that are gone, and nothing else', async () => {
    const db = store.db;
    await insertTrace(db, { id: 'ot1', provider: 'openai', model: 'gpt-4o' });
    await insertInteraction(db, { id: 'live', traceId: 'ot1' });
    const G = { graderId: ids.grader, graderVersionId: ids.version };
    const at = (day: string) => `${day}T10:00:00.000Z`;
    const kept = await insertScore(db, {
      ...G,
      target: { type: 'interaction', id: 'live' },
      value: 1,
      createdAt: at('2026-03-01'),
    });
    const orphans = [
      await insertScore(db, {
        ...G,
        target: { type: 'interaction', id: 'gone' },
        value: 1,
        createdAt: at('2026-03-01'),
      }),
      await insertScore(db, {
        ...G,
        target: { type: 'span', id: 'gone' },
        value: 0,
        createdAt: at('2026-03-02'),
      }),
      await insertScore(db, {
        ...G,
        target: { type: 'eval_result', id: 'gone' },
        value: 1,
        createdAt: at('2026-03-02'),
      }),
    ];
    const human = await insertScore(db, {
      ...G,
      target: { type: 'interaction', id: 'gone' },
      value: 1,
      source: 'human',
      createdAt: at('2026-03-02'),
    });
    await db
      .insertInto('review_queue')
      .values({
        id: 'oq',
        name: 'Orphans',
        grader_id: ids.grader,
        filled_by: 'hand',
        rule_json: null,
        instructions: '',
        archived: 0,
        created_at: at('2026-03-01'),
      })
      .execute();
    await db
      .insertInto('review_item')
      .values([
        {
          id: 'o1',
          queue_id: 'oq',
          target_id: 'gone',
          position: 0,
          assignee: 'ann',
          state: 'completed',
          completed_at: at('2026-03-02'),
          score_id: human,
        },
        {
          id: 'o2',
          queue_id: 'oq',
          target_id: 'live',
          position: 1,
          assignee: null,
          state: 'pending',
          completed_at: null,
          score_id: null,
        },
      ])
      .execute();
    const sums = (day: string) => ({ grader_id: ids.grader, split: 'none', day });
    await db
      .insertInto('score_day_done')
      .values([sums('2026-03-01'), sums('2026-03-02'), sums('2026-03-03')])
      .execute();

    await cleanUp();

    const left = await db.selectFrom('score').select('id').execute();
    expect(left.map((s) => s.id)).toEqual([kept]);
    expect(orphans).not.toContain(kept);
    const items = await db.selectFrom('review_item').select('id').execute();
    expect(items.map((i) => i.id)).toEqual(['o2']);
    // Every day an orphan fell on is summed again; a day without one keeps its sums.
    const done = await db.selectFrom('score_day_done').select('day').execute();
    expect(done.map((d) => d.day)).toEqual(['2026-03-03']);
  });
});
