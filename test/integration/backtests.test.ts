import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { bootstrapMeanInterval } from '../../main/quality/backtests/stats/bootstrap';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { geoReply, runStopped, seedGeo } from '../support/backtest-fixture';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

/**
 * A backtest end to end on the fake OpenAI server: interactions with their recorded calls are
 * frozen into a set, replayed on candidates, graded by one scorecard on both sides, and the
 * verdict is checked against figures worked out by hand from the fake's scripted answers.
 */

let openai: FakeServer;
let core: Core;
const N = 20;

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

async function fail<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.data)}`);
  return result.error;
}

const finished = (id: string) => runStopped(ok, id);

beforeAll(async () => {
  openai = await startOpenAiFake();
  // gpt-4o knows; gpt-4o-mini fails every even case; o3-mini fails every case.
  openai.reply = geoReply;
  core = await openTestCore(tempDir('assay-backtests-'), {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-backtest-test-0000000000',
  });
  await seedGeo(ok, N, (i) => (i < 15 ? 'geo' : 'history'));
}, 60_000);

afterAll(async () => {
  await core.close();
  await openai.close();
});

describe('backtests', () => {
  it('freezes a stratified set: each type gets its share, calls and tokens recorded', async () => {
    const set = await ok('backtests.sets.create', {
      name: 'geo-strata',
      source: { kind: 'interactions', sampleSize: 8, stratifyBy: 'type', seed: 7 },
    });
    // 15 geo and 5 history interactions: 8 split 6 and 2 by largest remainder.
    expect(set.strata).toEqual({ geo: 6, history: 2 });
    expect(set.itemCount).toBe(8);
    expect(set.calls).toBe(8);
    expect(set.inputTokens).toBeGreaterThan(0);
    const again = await ok('backtests.sets.create', {
      name: 'geo-strata-again',
      source: { kind: 'interactions', sampleSize: 8, stratifyBy: 'type', seed: 7 },
    });
    const ids = async (id: string) =>
      (await ok('backtests.sets.get', { id })).items.map((i) => i.interactionId);
    // The same seed over the same data picks the same items.
    expect(await ids(again.id)).toEqual(await ids(set.id));
    const taken = await fail('backtests.sets.create', {
      name: 'geo-strata',
      source: { kind: 'interactions', sampleSize: 1 },
    });
    expect(taken.code).toBe('CONFLICT');
    const none = await fail('backtests.sets.create', {
      name: 'nothing',
      source: { kind: 'interactions', sampleSize: 5, filter: { type: 'no-such-type' } },
    });
    expect(none).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(none.message).toContain('no interaction matches');
  });

  it('backtests a candidate prompt on a worse model: the verdict matches the figures by hand', async () => {
    await ok('backtests.sets.create', {
      name: 'geo-all',
      source: { kind: 'interactions', sampleSize: N },
    });
    const estimate = await ok('backtests.estimate', {
      set: 'geo-all',
      candidates: [{ prompt: 'geo', model: { provider: 'openai', model: 'gpt-4o-mini' } }],
      scorecard: { name: 'geo-card' },
    });
    expect(estimate.items).toBe(N);
    expect(estimate.sides[0]).toMatchObject({ replays: false, cost: { usd: 0 } });
    expect(estimate.sides[1]!.cost.calls).toBe(N);
    expect(estimate.totalUsd).toBeGreaterThan(0);
    const started = await ok('backtests.runs.create', {
      set: 'geo-all',
      candidates: [
        { prompt: 'geo', model: { provider: 'openai', model: 'gpt-4o-mini' } },
        { model: { provider: 'openai', model: 'gpt-4o' } },
      ],
      scorecard: { name: 'geo-card' },
      concurrency: 4,
    });
    const run = await finished(started.id);
    expect(run.status).toBe('completed');
    expect(run.done).toBe(N * 3);
    const [mini, same] = run.verdicts;
    // Production mentioned France every time (score 1); the candidate misses the even cases:
    // deltas are -1 for 10 items and 0 for 10, so the mean change is -0.5.
    const deltas = Array.from({ length: N }, (_, i) => (i % 2 === 0 ? -1 : 0));
    expect(mini).toMatchObject({
      pairs: N,
      scoredPairs: N,
      unscoredPairs: 0,
      wins: 0,
      ties: 10,
      losses: 10,
      verdict: 'worse',
      baselinePassRate: 1,
      candidatePassRate: 0.5,
      passRateChange: -0.5,
    });
    expect(mini!.meanDelta).toBeCloseTo(-0.5, 12);
    // The interval: the bootstrap of the hand-listed deltas, and within the normal
    // approximation's reach (sd of the mean 0.5/sqrt(20) = 0.112: about -0.72 to -0.28).
    const hand = bootstrapMeanInterval(deltas)!;
    expect(mini!.interval!.low).toBeCloseTo(hand.low, 12);
    expect(mini!.interval!.high).toBeCloseTo(hand.high, 12);
    expect(mini!.interval!.low).toBeGreaterThan(-0.5 - 0.112 * 1.96 - 0.05);
    expect(mini!.interval!.high).toBeLessThan(-0.5 + 0.112 * 1.96 + 0.05);
    // Sign test: 0 wins, 10 losses: p = 2 * 0.5^10.
    expect(mini!.signTestP).toBeCloseTo(2 / 1024, 12);
    expect(same).toMatchObject({
      verdict: 'no_difference',
      meanDelta: 0,
      ties: N,
      interval: { low: 0, high: 0 },
    });
    // Cost: the candidate's replays are priced; production's recorded cost is its calls'.
    expect(mini!.candidateCostUsd).toBeGreaterThan(0);
    expect(mini!.baselineCostUsd).toBeGreaterThan(0);
    expect(mini!.projectedMonthly?.interactions).toBe(N);

    // The candidate prompt replaced the recorded system message of each replayed call.
    const { pairs } = await ok('backtests.runs.pairs', {
      id: run.id,
      side: 1,
      order: 'regressions_first',
    });
    expect(pairs.slice(0, 10).every((p) => p.delta === -1)).toBe(true);
    const span = await ok('spans.get', { id: pairs[0]!.candidate!.spanIds[0]! });
    expect(JSON.stringify(span.request)).toContain('Answer with the country.');
    expect(JSON.stringify(span.request)).not.toContain('Answer in one sentence.');
    expect(pairs[0]!.baseline!.output).toContain('France');
    expect(pairs[0]!.candidate!.output).toBe('I do not know.');

    // Regressions to a dataset in one action: the baseline's answer is expected.
    const exported = await ok('backtests.runs.exportCases', {
      id: run.id,
      side: 1,
      dataset: 'geo-regressions',
    });
    expect(exported.added).toBe(10);
    const dataset = await ok('datasets.get', { name: 'geo-regressions' });
    expect(dataset.cases).toHaveLength(10);
    expect(JSON.stringify(dataset.cases[0]!.expected)).toContain('France');

    // The leaderboard of the set: each candidate one row; gpt-4o dominates the cheaper, worse mini
    // on score unless it is cheaper (the frontier keeps both then).
    const board = await ok('leaderboards.get', {
      scope: { kind: 'backtest_set', setId: run.setId },
    });
    expect(board.rows).toHaveLength(2);
    const miniRow = board.rows.find((r) => r.model === 'gpt-4o-mini')!;
    const fullRow = board.rows.find((r) => r.model === 'gpt-4o')!;
    expect(miniRow).toMatchObject({
      source: 'backtest',
      label: 'geo@v1.0',
      results: N,
      scored: N,
      meanScore: 0.5,
      passRate: 0.5,
    });
    expect(fullRow).toMatchObject({ label: 'recorded prompt', meanScore: 1, passRate: 1 });
    expect(fullRow.frontier.cost).toBe(true);
    const { scopes } = await ok('leaderboards.scopes', {});
    expect(scopes.some((sc) => sc.kind === 'backtest_set' && sc.id === run.setId)).toBe(true);
    const { contributors } = await ok('leaderboards.contributors', { setId: run.setId });
    expect(contributors).toHaveLength(1);
    expect(contributors[0]!.meanDelta).toBeCloseTo(-0.5, 12);
    expect(contributors[0]!.contributions[0]!.promptName).toBe('geo');

    // A completed run is not resumed; a run that does not exist is NOT_FOUND.
    expect((await fail('backtests.runs.resume', { id: run.id })).code).toBe('CONFLICT');
    expect((await fail('backtests.runs.get', { id: 'nope' })).code).toBe('NOT_FOUND');
  }, 60_000);

  it('prices an unpriced candidate model as unknown, never as $0', async () => {
    const started = await ok('backtests.runs.create', {
      set: 'geo-all',
      candidates: [{ model: { provider: 'openai', model: 'no-such-model-at-all' } }],
      scorecard: { name: 'geo-card' },
    });
    const run = await finished(started.id);
    expect(run.status).toBe('completed');
    const v = run.verdicts[0]!;
    // The fake answers any model id; the unpriced model's replays have no cost: never $0.
    expect(v.candidateCostUsd).toBeNull();
    expect(v.projectedMonthly?.candidateUsd).toBeNull();
    expect(v).toMatchObject({ scoredPairs: N, losses: N, verdict: 'worse' });
  }, 60_000);

  it('refuses what cannot run: a dataset set with a production baseline, an unknown prompt', async () => {
    await ok('datasets.create', { name: 'bt-cases' });
    await ok('cases.add', {
      dataset: 'bt-cases',
      cases: [{ vars: { question: 'Where is Paris? (1)' }, expected: 'France' }],
    });
    await ok('backtests.sets.create', {
      name: 'from-cases',
      source: { kind: 'dataset', dataset: 'bt-cases' },
    });
    const production = await fail('backtests.runs.create', {
      set: 'from-cases',
      candidates: [{ prompt: 'geo', model: { provider: 'openai', model: 'gpt-4o' } }],
      scorecard: { name: 'geo-card' },
    });
    expect(production).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(production.message).toContain('no production answers');
    const unknown = await fail('backtests.runs.create', {
      set: 'geo-all',
      candidates: [{ prompt: 'no-such-prompt@production' }],
      scorecard: { name: 'geo-card' },
    });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('candidates.0.prompt');
    const noModel = await fail('backtests.runs.create', {
      set: 'from-cases',
      baseline: { kind: 'replay', prompt: 'geo' },
      candidates: [{ prompt: 'geo' }],
      scorecard: { name: 'geo-card' },
    });
    expect(noModel.message).toContain('names no model');
    // Replaying the dataset's cases with the prompt on two models: the baseline is replayed too.
    const started = await ok('backtests.runs.create', {
      set: 'from-cases',
      baseline: { kind: 'replay', prompt: 'geo', model: { provider: 'openai', model: 'gpt-4o' } },
      candidates: [{ prompt: 'geo', model: { provider: 'openai', model: 'o3-mini' } }],
      scorecard: { name: 'geo-card' },
    });
    const run = await finished(started.id);
    expect(run.verdicts[0]).toMatchObject({
      pairs: 1,
      losses: 1,
      meanDelta: -1,
      verdict: 'insufficient',
    });
  }, 60_000);
});
