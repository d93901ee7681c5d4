import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelInput, type ParsedInput } from '../../shared/contract';
import type { ScoreTarget } from '../../shared/contract/quality';
import { openTestStore } from '../../test/support/test-database';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { QualityService } from './quality-service';
import { ScoreRepository } from './score-repository';

let store: Store;
let quality: QualityService;

beforeAll(async () => {
  store = await openTestStore();
  quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
});
afterAll(() => store.close());

const parse = <C extends 'graders.create' | 'scorecards.create' | 'graders.update'>(
  channel: C,
  input: ChannelInput<C>,
): ParsedInput<C> => channels[channel].input.parse(input) as ParsedInput<C>;

async function tenPointGrader(name: string) {
  return quality.createGrader(
    parse('graders.create', {
      name,
      definition: { kind: 'human', instructions: 'Zero to ten.' },
      scoreConfig: { type: 'numeric', min: 0, max: 10 },
    }),
  );
}

async function score(
  target: ScoreTarget,
  grader: { id: string; latest: { id: string } },
  value: number | null,
  at: string,
) {
  await store.writes.run(async (tx) => {
    await new ScoreRepository(tx).insert({
      id: newId(),
      target,
      graderId: grader.id,
      graderVersionId: grader.latest.id,
      name: 'g',
      value,
      level: null,
      reason: null,
      source: 'api',
      costPicoUsd: null,
      author: null,
      idempotencyKey: newId(),
      createdAt: at,
    });
  });
}

const window = { from: '2026-12-07T09:00:00.000Z', to: '2026-12-07T10:00:00.000Z' };
const inside = '2026-12-07T09:30:00.000Z';

describe('QualityService.scorecardWindow', () => {
  it('averages the complete targets, counts passes over them, and reports incomplete ones apart', async () => {
    const a = await tenPointGrader('window-a');
    const b = await tenPointGrader('window-b');
    const card = await quality.createScorecard(
      parse('scorecards.create', {
        name: 'window card',
        body: { items: [{ graderId: a.id }, { graderId: b.id, weight: 3 }], passThreshold: 0.6 },
      }),
    );
    const t = (id: string): ScoreTarget => ({ type: 'interaction', id });
    // i1: (10 + 3*8)/4/10 = 0.85 pass · i2: (2 + 3*4)/40 = 0.35 fail · i3: b missing
    // i4: a could not score (null) · i5: scored outside the window · e1: an eval result.
    await score(t('i1'), a, 10, inside);
    await score(t('i1'), b, 8, inside);
    await score(t('i2'), a, 2, inside);
    await score(t('i2'), b, 4, inside);
    await score(t('i3'), a, 10, inside);
    await score(t('i4'), a, null, inside);
    await score(t('i4'), b, 10, inside);
    await score(t('i5'), a, 0, '2026-12-07T10:00:00.000Z');
    await score(t('i5'), b, 0, '2026-12-07T08:59:59.999Z');
    await score({ type: 'eval_result', id: 'e1' }, a, 0, inside);
    await score({ type: 'eval_result', id: 'e1' }, b, 0, inside);
    const result = await quality.scorecardWindow({ scorecardId: card.id, ...window });
    expect(result).toMatchObject({ targets: 4, complete: 2, incomplete: 2, passes: 1 });
    expect(result.mean).toBeCloseTo((0.85 + 0.35) / 2, 12);
    expect(result.passRate).toBe(0.5);
    expect(result.worst).toEqual([t('i2'), t('i1')]);
    expect(result.truncated).toBe(false);

    // The newest score of an item counts: i2 rescored by b to 10 → (2 + 30)/40 = 0.8, a pass.
    await score(t('i2'), b, 10, '2026-12-07T09:45:00.000Z');
    const again = await quality.scorecardWindow({ scorecardId: card.id, ...window });
    expect(again.passRate).toBe(1);
    expect(again.mean).toBeCloseTo((0.85 + 0.8) / 2, 12);

    // A caller's filter keeps only some targets (pulse asks the tracing service which match).
    const kept = await quality.scorecardWindow({
      scorecardId: card.id,
      ...window,
      keep: async () => new Set(['interaction:i1']),
    });
    expect(kept).toMatchObject({ targets: 1, complete: 1, passes: 1, worst: [t('i1')] });
  });

  it('counts only the pinned version of a pinned item', async () => {
    const g = await tenPointGrader('window-pinned');
    const v2 = await quality.updateGrader(
      parse('graders.update', { id: g.id, scoreConfig: { type: 'numeric', min: 0, max: 100 } }),
    );
    const card = await quality.createScorecard(
      parse('scorecards.create', {
        name: 'pinned card',
        body: { items: [{ graderId: g.id, graderVersion: 1 }], passThreshold: 0.5 },
      }),
    );
    await score({ type: 'span', id: 's1' }, g, 7, inside);
    await score({ type: 'span', id: 's1' }, v2, 10, '2026-12-07T09:40:00.000Z');
    const result = await quality.scorecardWindow({ scorecardId: card.id, ...window });
    expect(result.mean).toBeCloseTo(0.7, 12);
  });

  it('answers an empty window with no mean and a missing scorecard with NOT_FOUND', async () => {
    const g = await tenPointGrader('window-empty');
    const card = await quality.createScorecard(
      parse('scorecards.create', {
        name: 'empty card',
        body: { items: [{ graderId: g.id }], passThreshold: 0.5 },
      }),
    );
    expect(await quality.scorecardWindow({ scorecardId: card.id, ...window })).toMatchObject({
      targets: 0,
      mean: null,
      passRate: null,
      worst: [],
    });
    await expect(quality.scorecardWindow({ scorecardId: 'nope', ...window })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('matches the mean and pass rate computed by hand for any set of single-grader targets', async () => {
    const g = await tenPointGrader('window-property');
    const card = await quality.createScorecard(
      parse('scorecards.create', {
        name: 'property card',
        body: { items: [{ graderId: g.id }], passThreshold: 0.5 },
      }),
    );
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 12 }),
        async (values) => {
          // Each run scores in its own hour, so runs do not see each other's scores.
          const hour = Date.parse('2027-01-01T00:00:00.000Z') + round++ * 3_600_000;
          for (const [i, v] of values.entries())
            await score(
              { type: 'interaction', id: `p${round}-${i}` },
              g,
              v,
              new Date(hour + i).toISOString(),
            );
          const result = await quality.scorecardWindow({
            scorecardId: card.id,
            from: new Date(hour).toISOString(),
            to: new Date(hour + 3_600_000).toISOString(),
          });
          const mean = values.reduce((s, v) => s + v / 10, 0) / values.length;
          expect(result.mean).toBeCloseTo(mean, 12);
          expect(result.passRate).toBe(values.filter((v) => v / 10 >= 0.5).length / values.length);
          expect(result.complete).toBe(values.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});
