import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { channels, type ChannelInput, type ParsedInput } from '../../../shared/contract';
import type { ScoreRule } from '../../../shared/contract/review';
import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import { createGrader } from '../graders';
import { ScoreRepository, type ScoreRecord } from '../score-repository';
import { ruleTargets } from './rule-targets';

/**
 * The score rule's query against a plain-code reading of the same rule, on score histories
 * fast-check makes up: several scores per interaction at tied and distinct times, unscored
 * (null) ones, other graders, other sources, spans as targets.
 */
let store: Store;
const graders: { id: string; versionId: string }[] = [];

const graderInput = (name: string): ParsedInput<'graders.create'> =>
  channels['graders.create'].input.parse({
    name,
    definition: { kind: 'human', instructions: 'Judge it.' },
    scoreConfig: { type: 'numeric', min: 0, max: 100 },
  } satisfies ChannelInput<'graders.create'>) as ParsedInput<'graders.create'>;

beforeAll(async () => {
  store = await openTestStore();
  for (const name of ['G', 'H']) {
    const g = await createGrader(store.db, graderInput(name));
    graders.push({ id: g.id, versionId: g.latest.id });
  }
});
afterAll(() => store.close());

const SOURCES = ['grader', 'human', 'api'] as const;
// Weighted towards what can match (the rule's grader, interactions), so most runs pick some.
const event = fc.record({
  target: fc.integer({ min: 0, max: 3 }),
  span: fc.constantFrom(false, false, false, true),
  grader: fc.constantFrom(0, 0, 0, 1),
  value: fc.option(fc.constantFrom(0, 20, 35, 36, 65, 100), { nil: null, freq: 6 }),
  source: fc.constantFrom(...SOURCES),
  tick: fc.integer({ min: 0, max: 2 }),
});
const rule = fc
  .tuple(
    fc.constantFrom('lte', 'lt', 'gte', 'gt', 'eq'),
    fc.constantFrom(0, 35, 50, 100),
    fc.option(fc.constantFrom(...SOURCES), { nil: null, freq: 2 }),
  )
  .map(([op, value, source]) => ({ op, value, ...(source === null ? {} : { source }) }));

/** The rule read plainly: each interaction's latest non-null score of the grader decides. */
function expected(stored: readonly ScoreRecord[], r: ScoreRule): string[] {
  const latest = new Map<string, ScoreRecord>();
  for (const s of stored) {
    if (s.target.type !== 'interaction' || s.graderId !== r.graderId || s.value === null) continue;
    if (r.source !== undefined && s.source !== r.source) continue;
    const seen = latest.get(s.target.id);
    const later =
      !seen || s.createdAt > seen.createdAt || (s.createdAt === seen.createdAt && s.id > seen.id);
    if (later) latest.set(s.target.id, s);
  }
  const compare = {
    lte: (v: number) => v <= r.value,
    lt: (v: number) => v < r.value,
    gte: (v: number) => v >= r.value,
    gt: (v: number) => v > r.value,
    eq: (v: number) => v === r.value,
  }[r.op];
  const desc = r.op === 'gte' || r.op === 'gt';
  return [...latest.values()]
    .filter((s) => compare(s.value!))
    .sort((a, b) =>
      a.value !== b.value
        ? (desc ? -1 : 1) * (a.value! - b.value!)
        : a.target.id < b.target.id
          ? -1
          : 1,
    )
    .map((s) => s.target.id);
}

describe('ruleTargets', () => {
  it('picks exactly the interactions whose latest score from the grader matches, in order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 4, maxLength: 30 }),
        rule,
        async (events, r) => {
          // Each run has its own grader and targets: runs never see each other's scores.
          run++;
          const repo = new ScoreRepository(store.db);
          const stored: ScoreRecord[] = [];
          const grader = await createGrader(store.db, graderInput(`G${run}`));
          const other = graders[1]!;
          for (const e of events) {
            const g = e.grader === 0 ? { id: grader.id, versionId: grader.latest.id } : other;
            const record: ScoreRecord = {
              id: newId(),
              target: { type: e.span ? 'span' : 'interaction', id: `r${run}t${e.target}` },
              graderId: g.id,
              graderVersionId: g.versionId,
              name: 'G',
              value: e.value,
              level: null,
              reason: null,
              source: e.source,
              costPicoUsd: null,
              author: null,
              idempotencyKey: e.source === 'grader' ? null : newId(),
              createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, e.tick)).toISOString(),
            };
            // A grader gives a target one score per version: a second one is refused, as in use.
            if (await repo.insert(record)) stored.push(record);
          }
          const full: ScoreRule = { ...r, graderId: grader.id };
          expect(await ruleTargets(store.db, full, 5_000)).toEqual(expected(stored, full));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('stops at the limit, keeping the most extreme scores', async () => {
    const grader = graders[0]!;
    const repo = new ScoreRepository(store.db);
    for (const [i, value] of [50, 10, 30, 20].entries())
      await repo.insert({
        id: newId(),
        target: { type: 'interaction', id: `limit${i}` },
        graderId: grader.id,
        graderVersionId: grader.versionId,
        name: 'G',
        value,
        level: null,
        reason: null,
        source: 'grader',
        costPicoUsd: null,
        author: null,
        idempotencyKey: null,
        createdAt: new Date().toISOString(),
      });
    const rule: ScoreRule = { graderId: grader.id, op: 'lte', value: 40 };
    expect(await ruleTargets(store.db, rule, 2)).toEqual(['limit1', 'limit3']);
    expect(await ruleTargets(store.db, { ...rule, op: 'gte', value: 20 }, 2)).toEqual([
      'limit0',
      'limit2',
    ]);
  });
});
