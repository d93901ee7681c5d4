import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { newId } from '../../kit/ids';
import { isForeignKeyViolation, isUniqueViolation } from '../../store/constraint-errors';
import type { Store } from '../../store/store';
import {
  InteractionRepository,
  type InteractionCursor,
} from '../../tracing/interaction-repository';
import { ScorecardRepository } from '../scorecard-repository';
import { RuleRepository, type RuleRecord } from './rule-repository';

let store: Store;
let repo: RuleRepository;
const scorecardId = newId();
const start: InteractionCursor = { createdAt: '2026-12-07T00:00:00.000Z', id: '' };

beforeAll(async () => {
  store = await openTestStore();
  repo = new RuleRepository(store.db);
  const cards = new ScorecardRepository(store.db);
  const now = new Date().toISOString();
  await cards.insertScorecard({
    id: scorecardId,
    name: 'Support',
    description: '',
    archived: false,
    createdAt: now,
  });
});
afterAll(() => store.close());

function rule(over: Partial<RuleRecord> = {}): RuleRecord {
  const now = new Date().toISOString();
  return {
    id: newId(),
    name: `rule ${newId()}`,
    scorecardId,
    filter: { types: ['chat'], tags: ['prod'] },
    sampling: 0.25,
    dailyBudgetPicoUsd: 1_500_000_000_000,
    enabled: true,
    archived: false,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => null,
    (err: unknown) => err,
  );
}

describe('the scoring rule register', () => {
  it('stores a rule as given (budget in exact pico-dollars) with its walk at the start', async () => {
    const r = rule({ dailyBudgetPicoUsd: 2 ** 53 - 1 });
    await repo.insert(r, start);
    expect(await repo.rule(r.id)).toEqual(r);
    expect(await repo.progress(r.id)).toMatchObject({
      startedAt: start.createdAt,
      after: start,
      scored: 0,
      skipped: 0,
      budgetSkipped: 0,
      rescore: null,
      rescored: 0,
    });
    expect(await repo.rule('nope')).toBeNull();
  });

  it('keeps a name unique among live rules: an archived one frees it', async () => {
    const first = rule({ name: 'Unique' });
    await repo.insert(first, start);
    expect(isUniqueViolation(await failure(repo.insert(rule({ name: 'Unique' }), start)))).toBe(
      true,
    );
    await repo.update({ ...first, archived: true });
    const second = rule({ name: 'Unique' });
    await repo.insert(second, start);
    expect((await repo.liveByName('Unique'))?.id).toBe(second.id);
    expect(isUniqueViolation(await failure(repo.update({ ...first, archived: false })))).toBe(true);
  });

  it('refuses a rule of a scorecard that does not exist', async () => {
    expect(
      isForeignKeyViolation(await failure(repo.insert(rule({ scorecardId: 'missing' }), start))),
    ).toBe(true);
  });

  it('lists newest first, live ones unless archived ones are asked for; runs enabled live ones', async () => {
    const on = rule({ createdAt: '2030-01-01T00:00:00.000Z' });
    const off = rule({ enabled: false, createdAt: '2030-01-02T00:00:00.000Z' });
    const gone = rule({ archived: true, createdAt: '2030-01-03T00:00:00.000Z' });
    for (const r of [on, off, gone]) await repo.insert(r, start);
    const live = (await repo.list(false)).map((r) => r.id);
    expect(live.slice(0, 2)).toEqual([off.id, on.id]);
    expect(live).not.toContain(gone.id);
    expect((await repo.list(true))[0]!.id).toBe(gone.id);
    const running = (await repo.running()).map((r) => r.id);
    expect(running).toContain(on.id);
    expect(running).not.toContain(off.id);
    expect(running).not.toContain(gone.id);
  });

  it('moves the walk and adds counts; restarts it; keeps a rescore window', async () => {
    const r = rule();
    await repo.insert(r, start);
    const now = new Date().toISOString();
    const a = { createdAt: '2026-12-07T01:00:00.000Z', id: 'b' };
    await repo.advance(r.id, { after: a, scored: 3, skipped: 7, budgetSkipped: 1 }, now);
    await repo.advance(r.id, { after: a, scored: 2, skipped: 0, budgetSkipped: 4 }, now);
    await repo.addCounts(r.id, { scored: 1, skipped: 0, budgetSkipped: 0 }, now);
    expect(await repo.progress(r.id)).toMatchObject({
      after: a,
      scored: 6,
      skipped: 7,
      budgetSkipped: 5,
    });
    const window = { after: start, through: a };
    await repo.startRescore(r.id, window, now);
    await repo.setRescore(
      r.id,
      { after: { createdAt: a.createdAt, id: 'a' }, through: a },
      10,
      now,
    );
    expect((await repo.progress(r.id))!.rescore).toEqual({
      after: { createdAt: a.createdAt, id: 'a' },
      through: a,
    });
    await repo.setRescore(r.id, null, 5, now);
    expect(await repo.progress(r.id)).toMatchObject({ rescore: null, rescored: 15 });
    await repo.startRescore(r.id, window, now);
    expect((await repo.progress(r.id))!.rescored).toBe(0);
    const again = { createdAt: '2026-12-08T00:00:00.000Z', id: '' };
    await repo.restart(r.id, again, now);
    expect(await repo.progress(r.id)).toMatchObject({
      startedAt: again.createdAt,
      after: again,
      scored: 6,
    });
  });

  it('adds judge spend per rule and UTC day, exactly, in integers', async () => {
    const r = rule();
    const other = rule();
    await repo.insert(r, start);
    await repo.insert(other, start);
    // Near 2^53 pico-dollars: the sum must stay exact (BIGINT on Postgres, INTEGER on SQLite).
    await repo.addSpend(r.id, '2026-12-07', 4_000_000_000_000_000, 1);
    await repo.addSpend(r.id, '2026-12-07', 123_456_789, 2);
    await repo.addSpend(r.id, '2026-12-08', 5, 1);
    await repo.addSpend(other.id, '2026-12-07', 0, 0);
    const day = await repo.spendOn('2026-12-07', [r.id, other.id]);
    expect(day.get(r.id)).toBe(4_000_000_123_456_789);
    expect(day.has(other.id)).toBe(false);
    expect((await repo.spendOn('2026-12-08', [r.id])).get(r.id)).toBe(5);
  });
});

describe('the walk over interactions', () => {
  it('visits every interaction once, in (created_at, id) order, whatever the page size', async () => {
    const interactions = new InteractionRepository(store.db, store.dialect);
    const base = Date.UTC(2027, 0, 1);
    const stored: InteractionCursor[] = [];
    // Few distinct instants, so many ties the id must break.
    for (let i = 0; i < 60; i++) {
      const item = {
        createdAt: new Date(base + (i % 7)).toISOString(),
        id: `walk-${((i * 37) % 60).toString().padStart(2, '0')}`,
      };
      stored.push(item);
      await interactions.insert({
        id: item.id,
        type: 'chat',
        traceId: null,
        input: 'q',
        output: 'a',
        sessionId: null,
        userId: null,
        tags: [],
        metadata: null,
        promptVersionId: null,
        spanIds: [],
        createdAt: item.createdAt,
      });
    }
    const sorted = [...stored].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
    );
    const from = { createdAt: new Date(base - 1).toISOString(), id: '' };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 59 }),
        async (size, cut) => {
          const through = sorted[cut]!;
          const seen: string[] = [];
          let after = from;
          for (;;) {
            const page = await interactions.after(after, size, through);
            if (page.length === 0) break;
            seen.push(...page.map((p) => p.id));
            after = { createdAt: page.at(-1)!.createdAt, id: page.at(-1)!.id };
          }
          expect(seen).toEqual(sorted.slice(0, cut + 1).map((s) => s.id));
        },
      ),
      { numRuns: 15 },
    );
  });
});
