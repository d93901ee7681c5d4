import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { newId } from '../../kit/ids';
import { openStore } from '../../store/open-store';
import type { Store } from '../../store/store';
import type { CaseDraft } from './case-draft';
import { insertDrafts } from './cases';
import { DatasetRepository } from './dataset-repository';
import type { CaseRecord, DatasetRecord } from './dataset-rows';

let store: Store;
let repo: DatasetRepository;

beforeAll(async () => {
  store = await openTestStore();
  repo = new DatasetRepository(store.db, store.dialect);
});
afterAll(async () => {
  await store.close();
});

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

async function newDataset(name: string, tags: string[] = []): Promise<DatasetRecord> {
  const dataset: DatasetRecord = {
    id: newId(),
    name,
    interactionType: 'chat',
    description: `about ${name}`,
    tags,
    sourceFormat: null,
    createdAt: at(0),
    updatedAt: at(0),
    deletedAt: null,
  };
  await repo.insertDataset(dataset);
  return dataset;
}

function newCase(datasetId: string, position: number, tags: string[] = []): CaseRecord {
  return {
    id: newId(),
    datasetId,
    position,
    description: `case ${position}`,
    vars: { input: `question ${position}`, zeta: 'z', alpha: 'a' },
    expected: position % 2 === 0 ? { answer: position, nested: [true, null] } : undefined,
    matchers: [{ type: 'contains', value: `${position}` }],
    tags,
    sourceSpanId: null,
    revision: 1,
    createdAt: at(1),
    updatedAt: at(1),
    deletedAt: null,
  };
}

async function collect(datasetId: string, tag: string | null = null): Promise<CaseRecord[]> {
  const cases: CaseRecord[] = [];
  for await (const c of repo.iterateCases(datasetId, tag)) cases.push(c);
  return cases;
}

describe(`DatasetRepository (${process.env.ASSAY_TEST_DB ?? 'sqlite'})`, () => {
  it('stores and reads datasets; lists filter by type, tag and deletion', async () => {
    const faq = await newDataset('faq', ['support', 'prod']);
    await newDataset('other', ['support']);
    await repo.insertDataset({
      ...(await newDataset('tmp')),
      id: newId(),
      name: 'extract',
      interactionType: 'extraction',
    });
    expect(await repo.byName('faq')).toEqual(faq);
    expect(await repo.byId(faq.id)).toEqual(faq);
    expect(await repo.byName('absent')).toBeNull();

    const names = async (q: Parameters<DatasetRepository['datasets']>[0]) =>
      (await repo.datasets(q)).map((d) => d.name);
    expect(await names({ includeDeleted: false })).toEqual(['extract', 'faq', 'other', 'tmp']);
    expect(await names({ includeDeleted: false, interactionType: 'extraction' })).toEqual([
      'extract',
    ]);
    expect(await names({ includeDeleted: false, tag: 'prod' })).toEqual(['faq']);
    expect(await names({ includeDeleted: false, tag: 'support' })).toEqual(['faq', 'other']);
    expect(await names({ includeDeleted: false, tag: 'sup' })).toEqual([]);

    const tmp = (await repo.byName('tmp'))!;
    await repo.updateDataset({ ...tmp, name: 'renamed', tags: ['x'], updatedAt: at(5) });
    expect(await repo.byId(tmp.id)).toMatchObject({ name: 'renamed', tags: ['x'] });
  });

  it('soft-deletes and restores a dataset once each', async () => {
    const d = await newDataset('deletable');
    expect(await repo.setDatasetDeleted(d.id, at(9), at(9))).toBe(true);
    expect(await repo.setDatasetDeleted(d.id, at(10), at(10))).toBe(false);
    expect((await repo.byId(d.id))!.deletedAt).toBe(at(9));
    const live = (await repo.datasets({ includeDeleted: false })).map((x) => x.name);
    expect(live).not.toContain('deletable');
    const all = (await repo.datasets({ includeDeleted: true })).map((x) => x.name);
    expect(all).toContain('deletable');
    expect(await repo.setDatasetDeleted(d.id, null, at(11))).toBe(true);
    expect(await repo.setDatasetDeleted(d.id, null, at(12))).toBe(false);
    expect(await repo.byId(d.id)).toMatchObject({ deletedAt: null, updatedAt: at(11) });
  });

  it('round-trips cases; soft-deleted ones leave counts, pages and scans', async () => {
    const d = await newDataset('crud');
    expect(await repo.nextPosition(d.id)).toBe(0);
    const cases = [0, 1, 2].map((p) => newCase(d.id, p, p === 1 ? ['slow', 'prod'] : []));
    await repo.insertCases(cases);
    expect(await repo.caseById(cases[0]!.id)).toEqual(cases[0]);
    // No expected output stays absent, not JSON null; variable order is as written.
    const odd = (await repo.caseById(cases[1]!.id))!;
    expect(odd.expected).toBeUndefined();
    expect(Object.keys(odd.vars)).toEqual(['input', 'zeta', 'alpha']);

    expect(await repo.softDeleteCase(cases[0]!.id, at(3))).toBe(true);
    expect(await repo.softDeleteCase(cases[0]!.id, at(4))).toBe(false);
    expect(await repo.countCases(d.id)).toBe(2);
    expect((await repo.casePage(d.id, null, 0, 10)).map((c) => c.position)).toEqual([1, 2]);
    expect((await collect(d.id)).map((c) => c.position)).toEqual([1, 2]);
    expect((await repo.caseCounts()).get(d.id)).toBe(2);
    // Deleted cases keep their position: it is never reused.
    expect(await repo.nextPosition(d.id)).toBe(3);
    expect((await repo.caseById(cases[0]!.id))!.deletedAt).toBe(at(3));
  });

  it('filters cases by tag in counts, pages and scans', async () => {
    const d = await newDataset('tagged');
    await repo.insertCases(
      Array.from({ length: 10 }, (_, p) => newCase(d.id, p, p % 3 === 0 ? ['a', 'b'] : ['b'])),
    );
    expect(await repo.countCases(d.id, 'a')).toBe(4);
    expect(await repo.countCases(d.id, 'b')).toBe(10);
    expect(await repo.countCases(d.id, 'c')).toBe(0);
    expect((await repo.casePage(d.id, 'a', 1, 2)).map((c) => c.position)).toEqual([3, 6]);
    expect((await collect(d.id, 'a')).map((c) => c.position)).toEqual([0, 3, 6, 9]);
  });

  it('scans 1,200 cases in position order across keyset pages', async () => {
    const d = await newDataset('paged');
    // Inserted out of order, with a gap, so order comes from the position, not the insert.
    const positions = Array.from({ length: 1200 }, (_, i) => (i < 600 ? i : i + 50)).reverse();
    await repo.insertCases(positions.map((p) => newCase(d.id, p)));
    const scanned = await collect(d.id);
    expect(scanned).toHaveLength(1200);
    expect(scanned.map((c) => c.position)).toEqual([...positions].reverse());
    expect(new Set(scanned.map((c) => c.id)).size).toBe(1200);
    expect((await repo.casePage(d.id, null, 1000, 3)).map((c) => c.position)).toEqual([
      1050, 1051, 1052,
    ]);
  });

  it('bumps the revision on an edit only from the expected revision', async () => {
    const d = await newDataset('edited');
    const c = newCase(d.id, 0, ['old']);
    await repo.insertCases([c]);
    const content = { ...c, description: 'edited', vars: { input: 'new' }, tags: ['new'] };
    expect(await repo.editCase(c.id, 1, content, at(20))).toBe(true);
    expect(await repo.caseById(c.id)).toMatchObject({
      description: 'edited',
      vars: { input: 'new' },
      tags: ['new'],
      revision: 2,
      updatedAt: at(20),
      createdAt: at(1),
    });
    // A writer that read revision 1 lost the race: nothing changes.
    expect(await repo.editCase(c.id, 1, { ...content, description: 'stale' }, at(21))).toBe(false);
    expect(await repo.caseById(c.id)).toMatchObject({ description: 'edited', revision: 2 });
    // Removing the expected output stores no expectation.
    expect(await repo.editCase(c.id, 2, { ...content, expected: undefined }, at(22))).toBe(true);
    expect((await repo.caseById(c.id))!.expected).toBeUndefined();
  });

  it('inserts 5,000 cases in batches, all or nothing within a transaction', async () => {
    const d = await newDataset('bulk');
    const cases = Array.from({ length: 5000 }, (_, p) => newCase(d.id, p, [`t${p % 7}`]));
    await repo.transaction((trx) => trx.insertCases(cases));
    expect(await repo.countCases(d.id)).toBe(5000);
    expect(await repo.countCases(d.id, 't0')).toBe(715);
    expect(await repo.caseById(cases[4321]!.id)).toEqual(cases[4321]);
    expect(await repo.nextPosition(d.id)).toBe(5000);

    // A clash in the last batch (position 0 again) undoes the first batches too.
    const more = Array.from({ length: 1200 }, (_, i) => newCase(d.id, 5000 + i));
    more[1100] = newCase(d.id, 0);
    await expect(repo.transaction((trx) => trx.insertCases(more))).rejects.toThrow();
    expect(await repo.countCases(d.id)).toBe(5000);
    expect(await repo.caseById(more[0]!.id)).toBeNull();
  });

  it('soft-deletes every live case of a dataset at once', async () => {
    const d = await newDataset('replaced');
    await repo.insertCases([0, 1, 2].map((p) => newCase(d.id, p)));
    await repo.softDeleteLiveCases(d.id, at(30));
    expect(await repo.countCases(d.id)).toBe(0);
    expect(await repo.nextPosition(d.id)).toBe(3);
  });
});

describe('concurrent appends', () => {
  it('give every case its own position (the dataset row is locked while appending)', async () => {
    // Postgres: a second pool, as a second server process would have. SQLite: one process's
    // transactions queue on its one connection (another process's deferred transaction that
    // lost the race gets SQLITE_BUSY, as before this port), so both sides share the store.
    const other =
      store.dialect === 'postgres'
        ? await openStore({ kind: 'postgres', url: store.info.location, poolSize: 2 })
        : store;
    try {
      const second = new DatasetRepository(other.db, other.dialect);
      const d = await newDataset('contended');
      const draft = (n: number): CaseDraft => ({
        description: `c${n}`,
        vars: { input: `${n}` },
        expected: undefined,
        matchers: [],
        tags: [],
      });
      const append = (r: DatasetRepository, n: number) =>
        r.transaction((trx) => insertDrafts(trx, d, [draft(n), draft(n + 100)], 'test'));
      await Promise.all(
        Array.from({ length: 10 }, (_, n) => append(n % 2 === 0 ? repo : second, n)),
      );
      const positions = (await collect(d.id)).map((c) => c.position);
      expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      if (other !== store) await other.close();
    }
  });
});
