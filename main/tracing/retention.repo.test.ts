import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../kit/event-bus';
import type { Store } from '../store/store';
import { openTestStore } from '../../test/support/test-database';
import { spanFixture } from '../../test/support/span-fixture';
import { RetentionSweep, retentionCutoff } from './retention';
import { TracingService } from './tracing-service';
import { forgetTargetScores } from '../quality/forget-target-scores';
import { ScoreRepository } from '../quality/score-repository';
import type { ScoreTarget } from '../../shared/contract/quality';
import { newId } from '../kit/ids';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T00:00:00.000Z');
const daysAgo = (d: number, plusMs = 0) => new Date(NOW - d * DAY + plusMs).toISOString();

let store: Store;
let tracing: TracingService;

beforeAll(async () => {
  store = await openTestStore();
  tracing = new TracingService({
    store,
    events: new EventBus(),
    resolvePrompt: () => Promise.reject(new Error('unused')),
    secretValues: () => [],
    forgetScores: forgetTargetScores,
  });
});
afterAll(() => store.close());

async function count(
  table: 'span' | 'trace' | 'interaction' | 'interaction_feedback',
): Promise<number> {
  const r = await sql<{
    n: number | string;
  }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store.db);
  return Number(r.rows[0]!.n);
}

const ids = async (search: string) =>
  (
    await tracing.list({ filter: { search }, sort: 'time', order: 'desc', offset: 0, limit: 100 })
  ).items
    .map((t) => t.id)
    .sort();

const said = (word: string) =>
  JSON.stringify({ messages: [{ role: 'user', content: `about ${word}` }] });

describe('trace retention', () => {
  it('deletes traces older than the cutoff with their spans, search entries and interactions, and nothing newer', async () => {
    // An old trace with more spans than one transaction deletes (2,000), emptied over several.
    const big = Array.from({ length: 2_100 }, (_, i) =>
      spanFixture({
        traceId: 'old-big',
        name: `step ${i}`,
        requestJson: said('walrus'),
        startedAt: daysAgo(40, i),
        endedAt: daysAgo(40, i + 1),
      }),
    );
    await tracing.ingest(big, 'otlp', 'test');
    await tracing.ingest(
      [
        spanFixture({
          traceId: 'old-small',
          requestJson: said('walrus'),
          startedAt: daysAgo(31),
          endedAt: daysAgo(31, 5),
        }),
      ],
      'otlp',
      'test',
    );
    // Started before the cutoff but still running after it: kept (it is not older than N days).
    await tracing.ingest(
      [
        spanFixture({
          traceId: 'straddles',
          requestJson: said('walrus'),
          startedAt: daysAgo(30, -5),
          endedAt: daysAgo(29),
        }),
      ],
      'otlp',
      'test',
    );
    await tracing.ingest(
      [
        spanFixture({
          traceId: 'recent',
          requestJson: said('walrus'),
          startedAt: daysAgo(1),
          endedAt: daysAgo(1, 10),
        }),
      ],
      'gateway',
      'test',
    );
    const oldI = await tracing.createInteraction({
      type: 'chat',
      input: 'hi',
      tags: [],
      spanIds: [],
      createdAt: daysAgo(45),
    });
    await tracing.feedback({ interactionId: oldI.id, score: 1 });
    const newI = await tracing.createInteraction({
      type: 'chat',
      input: 'hi',
      tags: [],
      spanIds: [],
      createdAt: daysAgo(2),
    });
    await tracing.feedback({ interactionId: newI.id, label: 'thumbs_up' });
    expect(await ids('walrus')).toEqual(['old-big', 'old-small', 'recent', 'straddles']);

    const report = await tracing.purgeBefore(retentionCutoff(30, NOW));

    expect(report).toMatchObject({ traces: 2, spans: 2_101, interactions: 1 });
    expect(report.transactions).toBeGreaterThanOrEqual(3);
    expect(await count('span')).toBe(2);
    expect(await count('trace')).toBe(2);
    expect(await ids('walrus')).toEqual(['recent', 'straddles']);
    expect(await count('interaction')).toBe(1);
    expect(await count('interaction_feedback')).toBe(1);
    await expect(tracing.interaction(oldI.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tracing.get('old-big')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The search index holds no entry of a deleted span: a new span reusing nothing finds only itself.
    if (store.dialect === 'postgres') {
      const r = await sql<{ n: string }>`SELECT count(*) AS n FROM span_search`.execute(store.db);
      expect(Number(r.rows[0]!.n)).toBe(2);
    } else {
      const r = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM span_fts WHERE span_fts MATCH 'walrus'`.execute(store.db);
      expect(r.rows[0]!.n).toBe(2);
    }
    // Again: nothing left to delete.
    expect(await tracing.purgeBefore(retentionCutoff(30, NOW))).toMatchObject({
      traces: 0,
      spans: 0,
      interactions: 0,
    });
  });

  it('sweeps only when a retention is set, reading the setting each time', async () => {
    await tracing.ingest(
      [spanFixture({ traceId: 'sweep-old', startedAt: daysAgo(10), endedAt: daysAgo(10, 1) })],
      'otlp',
      'test',
    );
    let days = 0;
    const errors: unknown[] = [];
    const sweep = new RetentionSweep(
      (cutoff) => tracing.purgeBefore(cutoff),
      () => days,
      (e) => errors.push(e),
    );
    expect(await sweep.runNow(NOW)).toBeNull();
    expect(
      (
        await tracing.list({ filter: {}, sort: 'time', order: 'desc', offset: 0, limit: 100 })
      ).items.map((t) => t.id),
    ).toContain('sweep-old');
    days = 7;
    // 7 days: the sweep-old trace and the one that ended 29 days ago go; yesterday's stays.
    expect(await sweep.runNow(NOW)).toMatchObject({ traces: 2 });
    expect(
      (
        await tracing.list({ filter: {}, sort: 'time', order: 'desc', offset: 0, limit: 100 })
      ).items.map((t) => t.id),
    ).toEqual(['recent']);
    await sweep.stop();
    expect(errors).toEqual([]);
  });
});

describe('the scores of purged targets', () => {
  const scores = () => new ScoreRepository(store.db);
  const score = (target: ScoreTarget) =>
    scores().insert({
      id: newId(),
      target,
      graderId: null,
      graderVersionId: null,
      name: 'api score',
      value: 1,
      level: null,
      reason: null,
      source: 'api',
      costPicoUsd: null,
      author: null,
      idempotencyKey: newId(),
      createdAt: daysAgo(0),
    });
  const scoredTargets = async () =>
    (await scores().list({ limit: 100 })).map((s) => `${s.target.type}:${s.target.id}`).sort();

  it('go with their spans and interactions, batch by batch; those of kept targets stay', async () => {
    const oldSpan = spanFixture({
      traceId: 'scored-old',
      startedAt: daysAgo(40),
      endedAt: daysAgo(40, 1),
    });
    const newSpan = spanFixture({
      traceId: 'scored-new',
      startedAt: daysAgo(1),
      endedAt: daysAgo(1, 1),
    });
    await tracing.ingest([oldSpan, newSpan], 'otlp', 'test');
    const interaction = (createdAt: string) =>
      tracing.createInteraction({ type: 'chat', input: 'hi', tags: [], spanIds: [], createdAt });
    const oldI = await interaction(daysAgo(45));
    const newI = await interaction(daysAgo(1));
    await score({ type: 'span', id: oldSpan.id });
    await score({ type: 'span', id: newSpan.id });
    await score({ type: 'interaction', id: oldI.id });
    await score({ type: 'interaction', id: oldI.id });
    await score({ type: 'interaction', id: newI.id });
    // Another type's target with a purged interaction's id is not that interaction.
    await score({ type: 'eval_result', id: oldI.id });

    expect(await tracing.purgeBefore(retentionCutoff(30, NOW))).toMatchObject({
      spans: 1,
      interactions: 1,
    });

    expect(await scoredTargets()).toEqual(
      [`eval_result:${oldI.id}`, `interaction:${newI.id}`, `span:${newSpan.id}`].sort(),
    );
  });
});
