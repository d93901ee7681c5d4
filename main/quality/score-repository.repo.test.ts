import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { GraderRepository } from './grader-repository';
import { ScoreRepository, scoreView, type ScoreRecord } from './score-repository';

let store: Store;
let scores: ScoreRepository;
const graderId = newId();
const versionId = newId();
const nextVersionId = newId();

beforeAll(async () => {
  store = await openTestStore();
  scores = new ScoreRepository(store.db);
  const graders = new GraderRepository(store.db);
  const now = new Date().toISOString();
  await graders.insertGrader({
    id: graderId,
    name: 'Thumbs',
    description: '',
    kind: 'human',
    builtIn: false,
    archived: false,
    createdAt: now,
  });
  for (const [id, version] of [
    [versionId, 1],
    [nextVersionId, 2],
  ] as const)
    await graders.insertVersion({
      id,
      graderId,
      version,
      definition: { kind: 'human', instructions: '' },
      scoreConfig: { type: 'boolean' },
      rubric: '',
      createdAt: now,
    });
});
afterAll(() => store.close());

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

function score(over: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    id: newId(),
    target: { type: 'interaction', id: 'int-1' },
    graderId: null,
    graderVersionId: null,
    name: 'copied',
    value: 1,
    level: null,
    reason: null,
    source: 'api',
    costPicoUsd: null,
    author: null,
    idempotencyKey: newId(),
    createdAt: at(0),
    ...over,
  };
}

describe('ScoreRepository', () => {
  it('stores a score once per idempotency key and reads it back as stored', async () => {
    const first = score({ idempotencyKey: 'key-1', reason: 'user copied', author: 'app' });
    expect(await scores.insert(first)).toBe(true);
    expect(await scores.insert(score({ idempotencyKey: 'key-1', value: 0 }))).toBe(false);
    expect(await scores.byKey('key-1')).toEqual(first);
  });

  it('stores one grader score per (target, grader version); another version scores again', async () => {
    const target = { type: 'span' as const, id: 'span-9' };
    const graded = (over: Partial<ScoreRecord>) =>
      score({
        target,
        graderId,
        graderVersionId: versionId,
        name: 'Thumbs',
        source: 'grader',
        idempotencyKey: null,
        ...over,
      });
    const first = graded({ value: 1, costPicoUsd: 1_234_567, reason: 'fine' });
    expect(await scores.insert(first)).toBe(true);
    expect(await scores.insert(graded({ value: 0 }))).toBe(false);
    expect(await scores.insert(graded({ graderVersionId: nextVersionId, value: 0 }))).toBe(true);
    // A person's score on the same target and version is not a grader's: it is kept too.
    expect(await scores.insert(graded({ source: 'human', idempotencyKey: 'human-1' }))).toBe(true);
    const stored = (await scores.byGraderVersion(target, versionId))!;
    expect(stored).toEqual(first);
    expect(scoreView(stored).costUsd).toBeCloseTo(1.234567e-6, 12);
    expect(await scores.list({ target, limit: 10 })).toHaveLength(3);
  });

  it('keeps a null value (a grader that could not score) and large pico-dollar costs exactly', async () => {
    const unscored = score({
      target: { type: 'eval_result', id: 'res-1' },
      graderId,
      graderVersionId: versionId,
      source: 'grader',
      value: null,
      reason: 'judge answered nothing usable',
      costPicoUsd: 9_000_000_000_000_000,
      idempotencyKey: null,
    });
    await scores.insert(unscored);
    const [back] = await scores.list({ target: unscored.target, limit: 1 });
    expect(back).toEqual(unscored);
  });

  it('lists a target or a grader newest first, within the limit', async () => {
    const target = { type: 'interaction' as const, id: 'listed' };
    const made: ScoreRecord[] = [];
    for (let i = 0; i < 5; i++) {
      const s = score({
        target,
        createdAt: at(10 + (i % 3)),
        graderId: i % 2 === 0 ? graderId : null,
        graderVersionId: i % 2 === 0 ? versionId : null,
        source: 'human',
      });
      made.push(s);
      await scores.insert(s);
    }
    const expected = [...made].sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
    expect((await scores.list({ target, limit: 100 })).map((s) => s.id)).toEqual(
      expected.map((s) => s.id),
    );
    expect((await scores.list({ target, limit: 2 })).map((s) => s.id)).toEqual(
      expected.slice(0, 2).map((s) => s.id),
    );
    const byGrader = await scores.list({ target, graderId, limit: 100 });
    expect(byGrader.map((s) => s.id)).toEqual(
      expected.filter((s) => s.graderId === graderId).map((s) => s.id),
    );
  });

  it('refuses a grader score without its version, and a version without its grader', async () => {
    await expect(
      scores.insert(score({ source: 'grader', idempotencyKey: null })),
    ).rejects.toThrow();
    await expect(scores.insert(score({ graderVersionId: versionId }))).rejects.toThrow();
  });
});
