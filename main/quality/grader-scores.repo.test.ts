import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreConfig } from '../../shared/contract/quality';
import { openTestStore } from '../../test/support/test-database';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { GraderRepository } from './grader-repository';
import { graderScoreRow, writeGraderScores, type GraderScoreRow } from './grader-scores';
import { scored, unscored } from './grading/grade-result';
import { ScoreRepository } from './score-repository';

let store: Store;
const now = '2026-01-01T00:00:00.000Z';

/** A grader at version 1 with this config, as writeGraderScores is handed it. */
async function grader(name: string, scoreConfig: ScoreConfig): Promise<GraderScoreRow['grader']> {
  const graders = new GraderRepository(store.db);
  const graderId = newId();
  const version = { id: newId(), graderId, scoreConfig };
  await graders.insertGrader({
    id: graderId,
    name,
    description: '',
    kind: 'human',
    builtIn: false,
    archived: false,
    createdAt: now,
  });
  await graders.insertVersion({
    ...version,
    version: 1,
    definition: { kind: 'human', instructions: '' },
    rubric: '',
    createdAt: now,
  });
  return { name, version };
}

const row = (
  g: GraderScoreRow['grader'],
  targetId: string,
  over: Partial<GraderScoreRow> = {},
): GraderScoreRow => ({
  target: { type: 'interaction', id: targetId },
  grader: g,
  value: 1,
  level: null,
  reason: 'because',
  costPicoUsd: null,
  createdAt: now,
  ...over,
});

const write = async (rows: readonly GraderScoreRow[]): Promise<number> => {
  let stored = 0;
  await store.writes.run(async (tx) => {
    stored = await writeGraderScores(tx, store.dialect, rows);
  });
  return stored;
};

const stored = async (graderId: string) =>
  (await new ScoreRepository(store.db).list({ graderId, limit: 5_000 }))
    .map((s) => ({
      target: s.target.id,
      value: s.value,
      level: s.level,
      reason: s.reason,
      source: s.source,
      version: s.graderVersionId,
      cost: s.costPicoUsd,
    }))
    .sort((a, b) => a.target.localeCompare(b.target));

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

describe('writeGraderScores', () => {
  it('stores one score per target and grader version: a second row for the pair is kept out', async () => {
    const g = await grader('Safe', { type: 'boolean' });
    expect(await write([row(g, 't-1', { value: true }), row(g, 't-2', { value: 0 })])).toBe(2);
    expect(await stored(g.version.graderId)).toMatchObject([
      { target: 't-1', value: 1, source: 'grader', version: g.version.id, reason: 'because' },
      { target: 't-2', value: 0, source: 'grader', version: g.version.id },
    ]);
    // A page graded again after a crash: only the new target is stored, t-1 keeps its score.
    expect(
      await write([row(g, 't-1', { value: false, reason: 'second opinion' }), row(g, 't-3')]),
    ).toBe(1);
    expect(await stored(g.version.graderId)).toMatchObject([
      { target: 't-1', value: 1, reason: 'because' },
      { target: 't-2' },
      { target: 't-3', value: 1 },
    ]);
  });

  it('stores levels by their own spelling, and a value the config cannot hold as no score with why', async () => {
    const g = await grader('Bullseye', {
      type: 'categorical',
      levels: [
        { name: 'Bullseye', value: 100 },
        { name: 'Wrong', value: 0 },
      ],
    });
    await write([
      row(g, 'level', { value: null, level: 'bullseye' }),
      row(g, 'by-value', { value: 0 }),
      row(g, 'off-scale', { value: 42 }),
      row(g, 'unscored', { value: null, reason: 'no output' }),
    ]);
    const byTarget = new Map((await stored(g.version.graderId)).map((s) => [s.target, s]));
    expect(byTarget.get('level')).toMatchObject({ value: 100, level: 'Bullseye' });
    expect(byTarget.get('by-value')).toMatchObject({ value: 0, level: 'Wrong' });
    expect(byTarget.get('off-scale')).toMatchObject({ value: null, level: null });
    expect(byTarget.get('off-scale')!.reason).toMatch(/config cannot hold/);
    expect(byTarget.get('unscored')).toMatchObject({ value: null, reason: 'no output' });
  });

  it('carries a grading result: only a scored one has a value', async () => {
    const g = await grader('Length', { type: 'numeric', min: 0, max: 10, higherIsBetter: true });
    const target = { type: 'span' as const, id: 's-1' };
    const rows = [
      graderScoreRow(target, g, scored(7, null, 'long enough'), 5, now),
      graderScoreRow({ type: 'span', id: 's-2' }, g, unscored('no output'), null, now),
    ];
    expect(rows.map((r) => [r.value, r.reason, r.costPicoUsd])).toEqual([
      [7, 'long enough', 5],
      [null, 'no output', null],
    ]);
    expect(await write(rows)).toBe(2);
    const spans = await new ScoreRepository(store.db).list({
      graderId: g.version.graderId,
      limit: 10,
    });
    expect(spans.map((s) => [s.target, s.value, s.costPicoUsd]).reverse()).toEqual([
      [target, 7, 5],
      [{ type: 'span', id: 's-2' }, null, null],
    ]);
  });

  it('writes a batch larger than one statement holds', async () => {
    const g = await grader('Bulk', { type: 'boolean' });
    const rows = Array.from({ length: 2_100 }, (_, i) => row(g, `bulk-${i}`, { value: i % 2 }));
    expect(await write(rows)).toBe(2_100);
    expect(await write(rows.slice(1_990))).toBe(0);
    const all = await stored(g.version.graderId);
    expect(all).toHaveLength(2_100);
    expect(all.filter((s) => s.value === 1)).toHaveLength(1_050);
  });
});
