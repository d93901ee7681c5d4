import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { BUILT_IN_GRADERS } from './built-in-graders';
import { GraderRepository, type GraderRecord, type GraderVersionRecord } from './grader-repository';
import { seedBuiltInGraders } from './seed-built-ins';

let store: Store;
let repo: GraderRepository;

beforeAll(async () => {
  store = await openTestStore();
  repo = new GraderRepository(store.db);
});
afterAll(() => store.close());

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

function grader(name: string, n: number, over: Partial<GraderRecord> = {}): GraderRecord {
  return {
    id: newId(),
    name,
    description: `${name} grader`,
    kind: 'human',
    builtIn: false,
    archived: false,
    createdAt: at(n),
    ...over,
  };
}

function version(g: GraderRecord, n: number, rubric = `v${n}`): GraderVersionRecord {
  return {
    id: newId(),
    graderId: g.id,
    version: n,
    definition: { kind: 'human', instructions: `read it (${n})` },
    scoreConfig: { type: 'numeric', min: 0, max: 10, higherIsBetter: true },
    rubric,
    createdAt: at(100 + n),
  };
}

describe('GraderRepository', () => {
  it('keeps every version, answers the latest, and lists graders newest first with it', async () => {
    const older = grader('Tone', 1);
    const newer = grader('Brevity', 2);
    await repo.insertGrader(older);
    await repo.insertVersion(version(older, 1));
    await repo.insertVersion(version(older, 2, 'sharper'));
    await repo.insertGrader(newer);
    await repo.insertVersion(version(newer, 1));

    expect((await repo.latestVersion(older.id))!).toMatchObject({ version: 2, rubric: 'sharper' });
    expect((await repo.versionsOf(older.id)).map((v) => v.version)).toEqual([1, 2]);
    expect((await repo.versionByNumber(older.id, 1))!.definition).toEqual({
      kind: 'human',
      instructions: 'read it (1)',
    });
    const listed = (await repo.list(false)).filter((r) =>
      [older.id, newer.id].includes(r.grader.id),
    );
    expect(listed.map((r) => [r.grader.name, r.latest.version])).toEqual([
      ['Brevity', 1],
      ['Tone', 2],
    ]);
  });

  it('refuses a second version with the same number', async () => {
    const g = grader('Numbered', 3);
    await repo.insertGrader(g);
    await repo.insertVersion(version(g, 1));
    await expect(repo.insertVersion(version(g, 1))).rejects.toThrow();
  });

  it('never changes a stored version (a trigger refuses the UPDATE)', async () => {
    const g = grader('Frozen', 4);
    const v = version(g, 1);
    await repo.insertGrader(g);
    await repo.insertVersion(v);
    await expect(
      sql`UPDATE grader_version SET rubric = 'changed' WHERE id = ${v.id}`.execute(store.db),
    ).rejects.toThrow(/immutable/);
    expect((await repo.versionById(v.id))!.rubric).toBe('v1');
  });

  it('keeps names unique among live graders: an archived one frees its name', async () => {
    const first = grader('Polite', 5);
    await repo.insertGrader(first);
    await repo.insertVersion(version(first, 1));
    await expect(repo.insertGrader(grader('Polite', 6))).rejects.toThrow();

    await repo.setArchived(first.id, true);
    const second = grader('Polite', 7);
    await repo.insertGrader(second);
    await repo.insertVersion(version(second, 1));
    expect((await repo.liveByName('Polite'))!.id).toBe(second.id);
    expect((await repo.list(false)).some((r) => r.grader.id === first.id)).toBe(false);
    const all = await repo.list(true);
    expect(all.find((r) => r.grader.id === first.id)!.grader.archived).toBe(true);
    // Restoring the first now would take a name in use.
    await expect(repo.setArchived(first.id, false)).rejects.toThrow();
  });
});

describe('seedBuiltInGraders', () => {
  it('adds the shipped graders once, and leaves what the user changed alone', async () => {
    const added = await seedBuiltInGraders(store.db);
    expect(added).toEqual(BUILT_IN_GRADERS.map((g) => g.name));
    expect(await seedBuiltInGraders(store.db)).toEqual([]);

    const accuracy = BUILT_IN_GRADERS.find((g) => g.name === 'Accuracy')!;
    const edited = { ...version({ ...grader('x', 0), id: accuracy.id }, 2, 'my own rubric') };
    await repo.insertVersion(edited);
    const safety = BUILT_IN_GRADERS.find((g) => g.name === 'Safety')!;
    await repo.setArchived(safety.id, true);
    expect(await seedBuiltInGraders(store.db)).toEqual([]);
    expect((await repo.latestVersion(accuracy.id))!.rubric).toBe('my own rubric');
    expect((await repo.versionByNumber(accuracy.id, 1))!.rubric).toBe(accuracy.rubric);
    expect((await repo.grader(safety.id))!.archived).toBe(true);
  });

  it('adds a missing built-in unless a live grader of the user has its name', async () => {
    const local = await openTestStore();
    try {
      const mine = grader('Conciseness', 1);
      const localRepo = new GraderRepository(local.db);
      await localRepo.insertGrader(mine);
      await localRepo.insertVersion(version(mine, 1));
      const added = await seedBuiltInGraders(local.db);
      expect(added).not.toContain('Conciseness');
      expect(added).toHaveLength(BUILT_IN_GRADERS.length - 1);
      expect((await localRepo.liveByName('Conciseness'))!.id).toBe(mine.id);
      const stored = await localRepo.list(true);
      expect(stored.filter((r) => r.grader.builtIn)).toHaveLength(BUILT_IN_GRADERS.length - 1);
      expect(stored.every((r) => r.latest.version === 1)).toBe(true);
    } finally {
      await local.close();
    }
  });
});
