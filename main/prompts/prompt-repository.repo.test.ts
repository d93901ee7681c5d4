import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { newId } from '../kit/ids';
import { isForeignKeyViolation, isUniqueViolation } from '../store/constraint-errors';
import type { DB } from '../store/schema';
import type { Dialect, Store } from '../store/store';
import { LabelRepository } from './label-repository';
import { moveLabel } from './labels';
import type { LabelRecord, PromptRecord, VersionRecord } from './prompt-rows';
import { PromptRepository } from './prompt-repository';
import { createStores, type Stores } from './stores';
import { createPrompt, updatePrompt } from './versioning';

let store: Store;
let stores: Stores;

beforeAll(async () => {
  store = await openTestStore();
  stores = createStores(store.db, store.dialect);
});

afterAll(async () => {
  await store.close();
});

const at = (second: number) => `2026-12-06T10:00:${String(second).padStart(2, '0')}.000Z`;

function prompt(overrides: Partial<PromptRecord> = {}): PromptRecord {
  return {
    id: newId(),
    name: `p-${newId()}`,
    kind: 'text',
    description: 'a prompt',
    tags: ['a', 'b'],
    createdAt: at(0),
    updatedAt: at(0),
    deletedAt: null,
    ...overrides,
  };
}

function version(
  of: PromptRecord,
  major: number,
  minor: number,
  overrides: Partial<VersionRecord> = {},
): VersionRecord {
  return {
    id: newId(),
    promptId: of.id,
    major,
    minor,
    parentVersionId: null,
    content: { text: `v${major}.${minor} {{x}}`, config: { temperature: 0.5 } },
    contentHash: `hash-${major}.${minor}`,
    author: 'tester',
    message: '',
    createdAt: at(major * 10 + minor),
    ...overrides,
  };
}

async function promptWithVersions(count: number) {
  const p = prompt();
  await stores.prompts.insertPrompt(p);
  const versions: VersionRecord[] = [];
  for (let i = 0; i < count; i++) {
    const v = version(p, 1, i, { parentVersionId: versions.at(-1)?.id ?? null });
    await stores.prompts.insertVersion(v, []);
    versions.push(v);
  }
  return { p, versions };
}

describe('prompt repository', () => {
  it('round-trips prompts and versions, parsing tags and content', async () => {
    const p = prompt({ kind: 'chat', tags: ['x', 'y'] });
    await stores.prompts.insertPrompt(p);
    expect(await stores.prompts.promptByName(p.name)).toEqual(p);
    expect(await stores.prompts.promptById(p.id)).toEqual(p);
    const v = version(p, 1, 0, {
      content: { messages: [{ role: 'user', content: 'Hi {{name}}' }], config: { model: 'm' } },
    });
    await stores.prompts.insertVersion(v, []);
    expect(await stores.prompts.versionById(v.id)).toEqual(v);
    await stores.prompts.updatePrompt(p.id, {
      description: 'changed',
      tags: ['z'],
      updatedAt: at(5),
      deletedAt: at(5),
    });
    expect(await stores.prompts.promptById(p.id)).toEqual({
      ...p,
      description: 'changed',
      tags: ['z'],
      updatedAt: at(5),
      deletedAt: at(5),
    });
    expect(await stores.prompts.promptByName('nobody')).toBeUndefined();
  });

  it('lists prompts by name, hiding deleted ones and filtering by kind', async () => {
    const local = await openTestStore();
    try {
      const repo = new PromptRepository(local.db, local.dialect);
      await repo.insertPrompt(prompt({ name: 'b', kind: 'chat' }));
      await repo.insertPrompt(prompt({ name: 'a', kind: 'text' }));
      await repo.insertPrompt(prompt({ name: 'c', kind: 'text', deletedAt: at(1) }));
      const names = (list: PromptRecord[]) => list.map((p) => p.name);
      expect(names(await repo.prompts({ includeDeleted: false }))).toEqual(['a', 'b']);
      expect(names(await repo.prompts({ includeDeleted: true }))).toEqual(['a', 'b', 'c']);
      expect(names(await repo.prompts({ includeDeleted: true, kind: 'text' }))).toEqual(['a', 'c']);
    } finally {
      await local.close();
    }
  });

  it('orders versions by number, whatever order they arrived in', async () => {
    const p = prompt();
    await stores.prompts.insertPrompt(p);
    for (const [major, minor] of [
      [1, 0],
      [2, 0],
      [1, 1],
      [1, 10],
      [1, 2],
    ] as const)
      await stores.prompts.insertVersion(version(p, major, minor), []);
    const numbers = (await stores.prompts.versionsOf(p.id)).map((v) => `${v.major}.${v.minor}`);
    expect(numbers).toEqual(['2.0', '1.10', '1.2', '1.1', '1.0']);
    expect(await stores.prompts.latestVersion(p.id)).toMatchObject({ major: 2, minor: 0 });
    expect(await stores.prompts.versionByNumber(p.id, 1, 10)).toMatchObject({ minor: 10 });
    expect(await stores.prompts.versionByNumber(p.id, 3, 0)).toBeUndefined();
    // The bulk read agrees with the single one, for this prompt among others, and skips none.
    const others = await Promise.all([1, 3, 12].map((n) => promptWithVersions(n)));
    const ids = [p.id, ...others.map((o) => o.p.id), 'no-such-prompt'];
    const bulk = await stores.prompts.latestVersions(ids);
    expect([...bulk.keys()].sort()).toEqual(ids.slice(0, 4).sort());
    for (const id of ids.slice(0, 4))
      expect(bulk.get(id)).toEqual(await stores.prompts.latestVersion(id));
  });

  it('refuses a taken version number and any change to a stored version', async () => {
    const { p, versions } = await promptWithVersions(1);
    const taken = await stores.prompts.insertVersion(version(p, 1, 0), []).catch((e) => e);
    expect(isUniqueViolation(taken)).toBe(true);
    await expect(
      sql`UPDATE prompt_version SET message = 'rewritten' WHERE id = ${versions[0]!.id}`.execute(
        store.db,
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('names the versions of other prompts that use a prompt, with their pins', async () => {
    const { p: component, versions } = await promptWithVersions(2);
    const user = prompt({ name: `user-${newId()}`, kind: 'chat' });
    await stores.prompts.insertPrompt(user);
    await stores.prompts.insertVersion(version(user, 1, 0), [
      {
        position: 0,
        componentPromptId: component.id,
        componentVersionId: versions[1]!.id,
        componentLabel: null,
      },
    ]);
    await stores.prompts.insertVersion(version(user, 1, 1), [
      {
        position: 0,
        componentPromptId: component.id,
        componentVersionId: null,
        componentLabel: 'production',
      },
    ]);
    expect(await stores.prompts.referrersOf(component.id)).toEqual([
      { promptName: user.name, major: 1, minor: 0, pinnedMajor: 1, pinnedMinor: 1 },
      { promptName: user.name, major: 1, minor: 1, pinnedMajor: null, pinnedMinor: null },
    ]);
    expect(await stores.prompts.referrersOf(user.id)).toEqual([]);

    // A used component cannot be deleted: its foreign keys refuse, on both dialects.
    const refused = await stores
      .transaction((tx) => tx.prompts.deletePromptTree(component.id))
      .catch((e) => e);
    expect(isForeignKeyViolation(refused)).toBe(true);
    expect(await stores.prompts.promptById(component.id)).toBeDefined();
  });

  it('deletes a prompt with its versions, labels and history', async () => {
    const { p, versions } = await promptWithVersions(3);
    await moveLabel(stores, {
      prompt: p,
      label: 'latest',
      to: versions[2]!,
      actor: 't',
      at: at(1),
    });
    await moveLabel(stores, { prompt: p, label: 'prod', to: versions[0]!, actor: 't', at: at(2) });
    await stores.transaction((tx) => tx.prompts.deletePromptTree(p.id));
    expect(await stores.prompts.promptById(p.id)).toBeUndefined();
    expect(await stores.prompts.versionsOf(p.id)).toEqual([]);
    expect(await stores.labels.labelsOf(p.id)).toEqual([]);
    expect(await stores.labels.events(p.id)).toEqual([]);
  });
});

describe('label repository', () => {
  it('creates a label once and moves it only from the version it is on', async () => {
    const { p, versions } = await promptWithVersions(3);
    const [v0, v1, v2] = versions as [VersionRecord, VersionRecord, VersionRecord];
    const label: LabelRecord = {
      promptId: p.id,
      label: 'prod',
      versionId: v0.id,
      updatedAt: at(1),
    };
    expect(await stores.labels.insertIfAbsent(label)).toBe(true);
    expect(await stores.labels.insertIfAbsent({ ...label, versionId: v1.id })).toBe(false);
    expect(await stores.labels.label(p.id, 'prod')).toEqual(label);

    expect(await stores.labels.compareAndSet(p.id, 'prod', v0.id, v1.id, at(2))).toBe(true);
    // A writer that still believes the label is on v0 loses.
    expect(await stores.labels.compareAndSet(p.id, 'prod', v0.id, v2.id, at(3))).toBe(false);
    expect(await stores.labels.label(p.id, 'prod')).toEqual({
      ...label,
      versionId: v1.id,
      updatedAt: at(2),
    });

    await stores.labels.insertIfAbsent({ ...label, label: 'beta', versionId: v2.id });
    expect((await stores.labels.labelsOf(p.id)).map((l) => l.label)).toEqual(['beta', 'prod']);
    expect(await stores.labels.labelVersions(p.id)).toEqual([
      { label: 'beta', versionId: v2.id, major: 1, minor: 2 },
      { label: 'prod', versionId: v1.id, major: 1, minor: 1 },
    ]);
    const bulk = await stores.labels.labelVersionsOf([p.id, 'no-such-prompt']);
    expect([...bulk.keys()]).toEqual([p.id]);
    expect(bulk.get(p.id)).toEqual(await stores.labels.labelVersions(p.id));
    expect((await stores.labels.promptIdsWithLabel('beta')).has(p.id)).toBe(true);
    expect((await stores.labels.promptIdsWithLabel('nope')).has(p.id)).toBe(false);
  });

  it('lists history newest first, ids breaking ties within one timestamp', async () => {
    const { p, versions } = await promptWithVersions(4);
    const ids: string[] = [];
    for (let i = 1; i < 4; i++) {
      const id = newId();
      ids.push(id);
      await stores.labels.insertEvent({
        id,
        promptId: p.id,
        label: 'prod',
        fromVersionId: versions[i - 1]!.id,
        toVersionId: versions[i]!.id,
        actor: 'tester',
        at: i === 1 ? at(1) : at(2),
      });
    }
    const events = await stores.labels.events(p.id);
    expect(events.map((e) => e.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(events[2]).toEqual({
      id: ids[0],
      promptId: p.id,
      label: 'prod',
      fromVersionId: versions[0]!.id,
      toVersionId: versions[1]!.id,
      actor: 'tester',
      at: at(1),
    });
  });
});

/** Serves one stale answer, as if another writer committed right after it was read. */
class StaleReads {
  latest: VersionRecord | null = null;
  label: LabelRecord | null = null;
  /** Every later read is stale too (a writer that never stops racing). */
  forever = false;

  take<T>(value: T | null, clear: () => void): T | null {
    if (value !== null && !this.forever) clear();
    return value;
  }
}

class StalePromptRepository extends PromptRepository {
  constructor(
    db: Kysely<DB>,
    dialect: Dialect,
    private readonly stale: StaleReads,
  ) {
    super(db, dialect);
  }

  override async latestVersion(promptId: string): Promise<VersionRecord | undefined> {
    const stale = this.stale.take(this.stale.latest, () => (this.stale.latest = null));
    return stale ?? super.latestVersion(promptId);
  }
}

class StaleLabelRepository extends LabelRepository {
  constructor(
    db: Kysely<DB>,
    private readonly stale: StaleReads,
  ) {
    super(db);
  }

  override async label(promptId: string, label: string): Promise<LabelRecord | undefined> {
    const stale = this.stale.take(this.stale.label, () => (this.stale.label = null));
    return stale ?? super.label(promptId, label);
  }
}

function staleStores(db: Kysely<DB>, dialect: Dialect, stale: StaleReads): Stores {
  const out: Stores = {
    prompts: new StalePromptRepository(db, dialect, stale),
    labels: new StaleLabelRepository(db, stale),
    transaction: (work) =>
      db.isTransaction
        ? work(out)
        : db.transaction().execute((trx) => work(staleStores(trx, dialect, stale))),
  };
  return out;
}

describe('writers that lose a race', () => {
  it('saves again from the new latest when its version number was taken', async () => {
    const name = `race-${newId()}`;
    await createPrompt(stores, { name, kind: 'text', content: { text: 'a' } }, 'me');
    const other = await updatePrompt(stores, { name, content: { text: 'b' } }, 'other');
    const v10 = (await stores.prompts.versionByNumber(other.prompt.id, 1, 0))!;
    const stale = new StaleReads();
    stale.latest = v10;
    const mine = await updatePrompt(
      staleStores(store.db, store.dialect, stale),
      { name, content: { text: 'c' } },
      'me',
    );
    expect(mine.version).toMatchObject({ major: 1, minor: 2, parentVersionId: other.version.id });
    expect((await stores.prompts.versionsOf(mine.prompt.id)).map((v) => v.minor)).toEqual([
      2, 1, 0,
    ]);
    const latest = (await stores.labels.events(mine.prompt.id)).map((e) => e.toVersionId);
    expect(latest).toEqual([mine.version.id, other.version.id, v10.id]);
  });

  it('gives up with a CONFLICT when every attempt loses', async () => {
    const name = `race-${newId()}`;
    await createPrompt(stores, { name, kind: 'text', content: { text: 'a' } }, 'me');
    const other = await updatePrompt(stores, { name, content: { text: 'b' } }, 'other');
    const stale = new StaleReads();
    stale.latest = (await stores.prompts.versionByNumber(other.prompt.id, 1, 0))!;
    stale.forever = true;
    await expect(
      updatePrompt(
        staleStores(store.db, store.dialect, stale),
        { name, content: { text: 'c' } },
        'me',
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stores.prompts.versionsOf(other.prompt.id)).toHaveLength(2);
  });

  it('re-reads a label moved under it and records the move from where it really was', async () => {
    const { p, versions } = await promptWithVersions(3);
    const [v0, v1, v2] = versions as [VersionRecord, VersionRecord, VersionRecord];
    await moveLabel(stores, { prompt: p, label: 'prod', to: v0, actor: 'a', at: at(1) });
    await moveLabel(stores, { prompt: p, label: 'prod', to: v1, actor: 'b', at: at(2) });
    const stale = new StaleReads();
    stale.label = { promptId: p.id, label: 'prod', versionId: v0.id, updatedAt: at(1) };
    const moved = await store.db.transaction().execute((trx) =>
      moveLabel(staleStores(trx, store.dialect, stale), {
        prompt: p,
        label: 'prod',
        to: v2,
        actor: 'c',
        at: at(3),
      }),
    );
    expect(moved).toBe(true);
    const events = await stores.labels.events(p.id);
    expect(events.map((e) => [e.fromVersionId, e.toVersionId])).toEqual([
      [v1.id, v2.id],
      [v0.id, v1.id],
      [null, v0.id],
    ]);
  });

  it('refuses a move from a version the label has left, and never moves latest back', async () => {
    const { p, versions } = await promptWithVersions(2);
    const [v0, v1] = versions as [VersionRecord, VersionRecord];
    await moveLabel(stores, { prompt: p, label: 'prod', to: v1, actor: 'a', at: at(1) });
    await expect(
      moveLabel(stores, { prompt: p, label: 'prod', to: v0, actor: 'b', at: at(2), from: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await moveLabel(stores, { prompt: p, label: 'latest', to: v1, actor: 'a', at: at(3) });
    expect(
      await moveLabel(stores, { prompt: p, label: 'latest', to: v0, actor: 'slow', at: at(4) }),
    ).toBe(false);
    expect((await stores.labels.label(p.id, 'latest'))!.versionId).toBe(v1.id);
    expect(await stores.labels.events(p.id)).toHaveLength(2);
  });

  it('numbers concurrent saves of one prompt uniquely and without gaps', async () => {
    const name = `busy-${newId()}`;
    const created = await createPrompt(
      stores,
      { name, kind: 'text', content: { text: '0' } },
      'me',
    );
    const saves = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        updatePrompt(stores, { name, content: { text: `save ${i}` } }, `writer-${i}`),
      ),
    );
    expect(saves.map((s) => s.version.minor).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const latest = (await stores.labels.label(created.id, 'latest'))!;
    expect((await stores.prompts.versionById(latest.versionId))!.minor).toBe(12);
  });
});
