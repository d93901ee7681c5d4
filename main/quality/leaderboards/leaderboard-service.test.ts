import { describe, expect, it } from 'vitest';
import { PICO_PER_USD } from '../../../shared/money';
import { LeaderboardService } from './leaderboard-service';
import type { BoardEntry, BoardScope, BoardSource, Contribution } from './sources';

const SCOPE: BoardScope = { kind: 'dataset', dataset: 'ds1' };

let seq = 0;
/** An entry of 100 results, all scored and priced, unless told otherwise. */
function entry(over: Partial<BoardEntry> & { version: string; model: string }): BoardEntry {
  const { version, ...rest } = over;
  seq++;
  return {
    source: 'eval_run',
    runId: `run-${String(seq).padStart(3, '0')}`,
    promptVersionId: `pv-${version}`,
    promptName: 'support',
    promptVersion: version,
    label: `support@${version}`,
    author: 'ana',
    provider: 'openai',
    at: `2026-03-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
    results: 100,
    scored: 100,
    errors: 0,
    meanScore: 0.5,
    passRate: 0.5,
    costPicoUsd: 100 * 1_000_000,
    pricedResults: 100,
    unpricedResults: 0,
    latencyP50Ms: 500,
    latencyP95Ms: 900,
    ...rest,
  };
}

function fakeSource(entries: BoardEntry[]): BoardSource & { asked: BoardScope[] } {
  const asked: BoardScope[] = [];
  return {
    asked,
    entries: (scope) => {
      asked.push(scope);
      return Promise.resolve(scope.kind === 'dataset' ? entries : []);
    },
    scopes: () =>
      Promise.resolve([
        { kind: 'dataset', id: 'ds1', name: 'ds', entries: entries.length, lastAt: null },
      ]),
  };
}

function service(entries: BoardEntry[], contributions: Contribution[] = []) {
  return new LeaderboardService({
    sources: [fakeSource(entries)],
    contributions: { contributions: () => Promise.resolve(contributions) },
  });
}

describe('LeaderboardService.board', () => {
  it('keeps one row per prompt version x model: its latest completed entry', async () => {
    const old = entry({ version: 'v1.0', model: 'gpt-a', meanScore: 0.9 });
    const newer = entry({ version: 'v1.0', model: 'gpt-a', meanScore: 0.4 });
    const other = entry({ version: 'v1.0', model: 'gpt-b', meanScore: 0.6 });
    // Given out of order: the latest is by completion time, not by position.
    const { rows } = await service([newer, other, old]).board({ scope: SCOPE });
    expect(rows.map((r) => [r.model, r.runId, r.entries])).toEqual([
      ['gpt-b', other.runId, 1],
      ['gpt-a', newer.runId, 2],
    ]);
  });

  it('gives each inline-prompt run a row of its own', async () => {
    const a = entry({ version: 'x', model: 'm', promptVersionId: null, label: 'inline prompt' });
    const b = entry({ version: 'x', model: 'm', promptVersionId: null, label: 'inline prompt' });
    const { rows } = await service([a, b]).board({ scope: SCOPE });
    expect(rows).toHaveLength(2);
  });

  it('sorts by any key either way, rows without the value last', async () => {
    const cheap = entry({ version: 'v1', model: 'a', costPicoUsd: 10, meanScore: 0.2 });
    const dear = entry({ version: 'v1', model: 'b', costPicoUsd: 1000, meanScore: 0.8 });
    const unpriced = entry({
      version: 'v1',
      model: 'c',
      costPicoUsd: null,
      pricedResults: 0,
      unpricedResults: 100,
      meanScore: null,
      scored: 0,
      passRate: null,
    });
    const board = service([dear, unpriced, cheap]);
    const order = async (key: 'score' | 'costPer1k', direction: 'asc' | 'desc') =>
      (await board.board({ scope: SCOPE, sort: { key, direction } })).rows.map((r) => r.model);
    await expect(order('costPer1k', 'asc')).resolves.toEqual(['a', 'b', 'c']);
    await expect(order('costPer1k', 'desc')).resolves.toEqual(['b', 'a', 'c']);
    await expect(order('score', 'desc')).resolves.toEqual(['b', 'a', 'c']);
    await expect(order('score', 'asc')).resolves.toEqual(['a', 'b', 'c']);
    // The default: best score first.
    const { rows, sort } = await board.board({ scope: SCOPE });
    expect(sort).toEqual({ key: 'score', direction: 'desc' });
    expect(rows.map((r) => r.model)).toEqual(['b', 'a', 'c']);
  });

  it('never counts unscored results as 0 nor unpriced calls as free', async () => {
    // 100 results: 60 scored (mean 0.9 over them), 30 without a verdict, 10 errors.
    const partly = entry({
      version: 'v1',
      model: 'a',
      scored: 60,
      errors: 10,
      meanScore: 0.9,
      passRate: 0.8,
      // 50 priced calls cost 5,000,000 pico in all; 40 answered without a price.
      costPicoUsd: 5_000_000,
      pricedResults: 50,
      unpricedResults: 40,
    });
    const { rows, unscoredResults, unpricedResults } = await service([partly]).board({
      scope: SCOPE,
    });
    const row = rows[0]!;
    expect(row.meanScore).toBe(0.9);
    expect(row.passRate).toBe(0.8);
    expect(row.unscored).toBe(40);
    expect(row.errors).toBe(10);
    // The mean priced call (100,000 pico) x 1,000, not the total over all 100 results.
    expect(row.costPer1kUsd).toBe((100_000 * 1000) / PICO_PER_USD);
    expect(row.costUsd).toBe(5_000_000 / PICO_PER_USD);
    expect([unscoredResults, unpricedResults]).toEqual([40, 40]);

    const unpriced = entry({
      version: 'v2',
      model: 'a',
      costPicoUsd: null,
      pricedResults: 0,
      unpricedResults: 100,
    });
    const [none] = (await service([unpriced]).board({ scope: SCOPE })).rows;
    expect(none!.costPer1kUsd).toBeNull();
    expect(none!.costUsd).toBeNull();
    // Without a known cost it is on no cost frontier, but on the latency ones.
    expect(none!.frontier).toEqual({ cost: null, latencyP50: true, latencyP95: true });
  });

  it('flags the score/cost and score/latency frontiers and the dominated rows', async () => {
    const perPk = (usdPer1k: number) => (usdPer1k * PICO_PER_USD) / 1000;
    const rows = [
      entry({
        version: 'v1',
        model: 'cheap',
        meanScore: 0.6,
        costPicoUsd: perPk(1) * 100,
        latencyP50Ms: 900,
        latencyP95Ms: 2000,
      }),
      entry({
        version: 'v1',
        model: 'mid',
        meanScore: 0.8,
        costPicoUsd: perPk(5) * 100,
        latencyP50Ms: 300,
        latencyP95Ms: 3000,
      }),
      // Dearer and worse than mid; slower than mid at p50 but the quickest at p95.
      entry({
        version: 'v1',
        model: 'waste',
        meanScore: 0.7,
        costPicoUsd: perPk(9) * 100,
        latencyP50Ms: 400,
        latencyP95Ms: 1000,
      }),
      entry({
        version: 'v1',
        model: 'best',
        meanScore: 0.95,
        costPicoUsd: perPk(20) * 100,
        latencyP50Ms: 800,
        latencyP95Ms: 4000,
      }),
      entry({ version: 'v1', model: 'unscored', meanScore: null, scored: 0, passRate: null }),
    ];
    const board = await service(rows).board({ scope: SCOPE });
    const flags = Object.fromEntries(board.rows.map((r) => [r.model, r.frontier]));
    expect(flags).toEqual({
      cheap: { cost: true, latencyP50: false, latencyP95: false },
      mid: { cost: true, latencyP50: true, latencyP95: true },
      waste: { cost: false, latencyP50: false, latencyP95: true },
      best: { cost: true, latencyP50: true, latencyP95: true },
      unscored: { cost: null, latencyP50: null, latencyP95: null },
    });
  });

  it('asks every source for the scope and lists their scopes', async () => {
    const a = fakeSource([entry({ version: 'v1', model: 'a' })]);
    const b = fakeSource([entry({ version: 'v1', model: 'b' })]);
    const boards = new LeaderboardService({
      sources: [a, b],
      contributions: { contributions: () => Promise.resolve([]) },
    });
    expect((await boards.board({ scope: SCOPE })).rows).toHaveLength(2);
    expect(a.asked).toEqual([SCOPE]);
    expect((await boards.board({ scope: { kind: 'backtest_set', setId: 's' } })).rows).toEqual([]);
    expect((await boards.scopes()).scopes).toHaveLength(2);
  });
});

describe('LeaderboardService.history', () => {
  it('tells the board at each completion: best score, who held it, frontier size', async () => {
    const e1 = entry({ version: 'v1', model: 'a', meanScore: 0.5, costPicoUsd: 100 });
    const e2 = entry({ version: 'v1', model: 'b', meanScore: 0.7, costPicoUsd: 200 });
    const e3 = entry({ version: 'v2', model: 'a', meanScore: 0.6, costPicoUsd: 300 });
    // A re-run of v1 x b, worse: the board now holds the re-run, so the best drops.
    const e4 = entry({ version: 'v1', model: 'b', meanScore: 0.55, costPicoUsd: 200 });
    const { points } = await service([e4, e2, e1, e3]).history({ scope: SCOPE });
    expect(
      points.map((p) => [
        p.rows,
        p.bestScore,
        p.best?.model ?? null,
        p.frontierSize,
        p.completed.map((c) => c.runId),
      ]),
    ).toEqual([
      [1, 0.5, 'a', 1, [e1.runId]],
      [2, 0.7, 'b', 2, [e2.runId]],
      [3, 0.7, 'b', 2, [e3.runId]],
      // v1 x a (0.5 at 100), v1 x b (0.55 at 200), v2 x a (0.6 at 300): all on the frontier.
      [3, 0.6, 'a', 3, [e4.runId]],
    ]);
    expect(points[3]!.best!.label).toBe('support@v2');
  });

  it('has no best score while nothing is scored', async () => {
    const e = entry({ version: 'v1', model: 'a', meanScore: null, scored: 0, passRate: null });
    const { points } = await service([e]).history({ scope: SCOPE });
    expect(points).toEqual([
      expect.objectContaining({ rows: 1, bestScore: null, best: null, frontierSize: 0 }),
    ]);
  });
});

describe('LeaderboardService.contributors', () => {
  const c = (over: Partial<Contribution> & { v: string }): Contribution => {
    const { v, ...rest } = over;
    return {
      promptVersionId: `pv-${v}`,
      promptName: 'support',
      promptVersion: v,
      author: 'ana',
      setId: 's1',
      meanDelta: 0.1,
      scoredPairs: 10,
      at: '2026-03-01T00:00:00.000Z',
      ...rest,
    };
  };

  it('ranks authors by the pair-weighted mean change; no scored pairs last, unranked', async () => {
    const all = [
      // ana: +0.1 on 10 pairs and -0.05 on 30 pairs: (1 - 1.5) / 40 = -0.0125.
      c({ v: 'v1', author: 'ana', meanDelta: 0.1, scoredPairs: 10 }),
      c({ v: 'v2', author: 'ana', meanDelta: -0.05, scoredPairs: 30 }),
      // bo: +0.02 on 50 pairs.
      c({ v: 'v3', author: 'bo', meanDelta: 0.02, scoredPairs: 50 }),
      // cy: nothing scored; not 0 (which would rank above ana).
      c({ v: 'v4', author: 'cy', meanDelta: null, scoredPairs: 0 }),
      // A version with unknown author.
      c({ v: 'v5', author: null, meanDelta: -0.2, scoredPairs: 5 }),
    ];
    const { contributors } = await service([], all).contributors({});
    expect(contributors.map((r) => [r.author, r.rank, r.versions, r.scoredPairs])).toEqual([
      ['bo', 1, 1, 50],
      ['ana', 2, 2, 40],
      [null, 3, 1, 5],
      ['cy', null, 1, 0],
    ]);
    expect(contributors[1]!.meanDelta).toBeCloseTo(-0.0125, 10);
    expect(contributors[3]!.meanDelta).toBeNull();
  });

  it('counts the latest backtest per version and set, and can keep to one set', async () => {
    const all = [
      c({ v: 'v1', meanDelta: 0.5, at: '2026-03-01T00:00:00.000Z' }),
      c({ v: 'v1', meanDelta: 0.1, at: '2026-03-02T00:00:00.000Z' }),
      c({ v: 'v1', setId: 's2', meanDelta: -0.3, at: '2026-03-01T00:00:00.000Z' }),
    ];
    const both = (await service([], all).contributors({})).contributors;
    expect(both).toHaveLength(1);
    expect(both[0]!.versions).toBe(1);
    expect(both[0]!.scoredPairs).toBe(20);
    expect(both[0]!.meanDelta).toBeCloseTo(-0.1, 10);
    const one = (await service([], all).contributors({ setId: 's1' })).contributors;
    expect(one[0]!.meanDelta).toBeCloseTo(0.1, 10);
    expect(one[0]!.contributions.map((x) => x.setId)).toEqual(['s1']);
  });
});
