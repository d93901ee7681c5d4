import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BULLSEYE_LEVELS,
  scoreConfigSchema,
  scorecardBodySchema,
} from '../../../shared/contract/quality';
import type { ScoreConfig } from '../../../shared/contract/quality';
import { scorecardVerdict, type ItemScore } from './scorecard-verdict';

const bullseye = scoreConfigSchema.parse({ type: 'categorical', levels: BULLSEYE_LEVELS });
const boolean = scoreConfigSchema.parse({ type: 'boolean' });
const unit = scoreConfigSchema.parse({ type: 'numeric', min: 0, max: 1 });

const body = (weights: readonly number[], passThreshold: number) =>
  scorecardBodySchema.parse({
    items: weights.map((weight, i) => ({ graderId: `g${i}`, weight })),
    passThreshold,
  });

const scored = (value: number, scoreConfig: ScoreConfig = unit): ItemScore => ({
  status: 'scored',
  value,
  scoreConfig,
});

const scoresOf = (items: readonly (ItemScore | undefined)[]) =>
  new Map(items.flatMap((s, i) => (s === undefined ? [] : [[`g${i}`, s] as const]))) as ReadonlyMap<
    string,
    ItemScore
  >;

describe('scorecardVerdict', () => {
  it('takes the weighted mean of normalized scores and passes at the threshold', () => {
    const verdict = scorecardVerdict(
      body([2, 1, 1], 0.7),
      scoresOf([scored(65, bullseye), scored(1, boolean), scored(0.8)]),
    );
    // (2 × 0.65 + 1 + 0.8) / 4
    expect(verdict.mean).toBeCloseTo(0.775, 12);
    expect(verdict.outcome).toBe('pass');
    expect(
      scorecardVerdict(
        body([2, 1, 1], 0.8),
        scoresOf([scored(65, bullseye), scored(1, boolean), scored(0.8)]),
      ).outcome,
    ).toBe('fail');
    // Exactly at the threshold passes.
    expect(scorecardVerdict(body([1], 0.65), scoresOf([scored(65, bullseye)])).outcome).toBe(
      'pass',
    );
  });

  it('is incomplete, never pass, when an item is missing, unscored, failed or invalid, and says which', () => {
    const verdict = scorecardVerdict(
      body([1, 1, 1, 1, 1], 0),
      scoresOf([
        scored(1),
        undefined,
        { status: 'unscored', value: null, scoreConfig: unit, reason: 'no expected value' },
        { status: 'error', value: null, scoreConfig: unit, reason: 'judge call failed: 429' },
        scored(80, bullseye),
      ]),
    );
    expect(verdict.outcome).toBe('incomplete');
    expect(verdict.missing).toEqual(['g1']);
    expect(verdict.unscored).toEqual(['g2', 'g3', 'g4']);
    expect(verdict.mean).toBe(1);
    expect(verdict.items.map((i) => [i.state, i.reason])).toEqual([
      ['scored', null],
      ['missing', 'no score yet'],
      ['unscored', 'no expected value'],
      ['error', 'judge call failed: 429'],
      ['error', expect.stringContaining('80 is not the value of a level')],
    ]);
    const none = scorecardVerdict(body([1], 0.5), new Map());
    expect(none).toMatchObject({ outcome: 'incomplete', mean: null, missing: ['g0'] });
  });

  const weights = fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), {
    minLength: 1,
    maxLength: 12,
  });
  const normalized = fc.double({ min: 0, max: 1, noNaN: true });
  /** Weights with a normalized score for each. */
  const card = weights.chain((ws) =>
    fc.tuple(fc.constant(ws), fc.array(normalized, { minLength: ws.length, maxLength: ws.length })),
  );

  it('keeps the mean within 0..1 and between the lowest and highest score', () => {
    fc.assert(
      fc.property(card, ([ws, values]) => {
        const { mean } = scorecardVerdict(body(ws, 0.5), scoresOf(values.map((v) => scored(v))));
        expect(mean).not.toBeNull();
        expect(mean!).toBeGreaterThanOrEqual(Math.min(...values) - 1e-12);
        expect(mean!).toBeLessThanOrEqual(Math.max(...values) + 1e-12);
      }),
    );
  });

  it('depends only on the weights’ ratios: scaling every weight changes nothing', () => {
    fc.assert(
      fc.property(
        card,
        // Down only, so weights stay within the contract's 1,000 (up is the same pair reversed).
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        normalized,
        ([ws, values], k, threshold) => {
          const scores = scoresOf(values.map((v) => scored(v)));
          const a = scorecardVerdict(body(ws, threshold), scores);
          const b = scorecardVerdict(
            body(
              ws.map((w) => w * k),
              threshold,
            ),
            scores,
          );
          expect(b.mean!).toBeCloseTo(a.mean!, 9);
          // Away from the threshold (rounding aside) the outcome is the same.
          if (Math.abs(a.mean! - threshold) > 1e-9) expect(b.outcome).toBe(a.outcome);
        },
      ),
    );
  });

  it('is monotonic in the threshold: passing at t passes at every lower threshold', () => {
    fc.assert(
      fc.property(card, normalized, normalized, ([ws, values], t1, t2) => {
        const [low, high] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const scores = scoresOf(values.map((v) => scored(v)));
        const atHigh = scorecardVerdict(body(ws, high), scores);
        const atLow = scorecardVerdict(body(ws, low), scores);
        if (atHigh.outcome === 'pass') expect(atLow.outcome).toBe('pass');
        if (atLow.outcome === 'fail') expect(atHigh.outcome).toBe('fail');
      }),
    );
  });

  it('never passes with an item that did not score, whatever the others and the threshold', () => {
    const notScored = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom<ItemScore>(
        { status: 'unscored', value: null, scoreConfig: unit },
        { status: 'error', value: null, scoreConfig: unit },
        { status: 'scored', value: null, scoreConfig: unit },
        { status: 'scored', value: 1.5, scoreConfig: unit },
        { status: 'scored', value: 50, scoreConfig: bullseye },
      ),
    );
    fc.assert(
      fc.property(card, fc.nat(), notScored, normalized, ([ws, values], at, bad, threshold) => {
        const items: (ItemScore | undefined)[] = values.map((v) => scored(v));
        const i = at % items.length;
        items[i] = bad;
        const verdict = scorecardVerdict(body(ws, threshold), scoresOf(items));
        expect(verdict.outcome).toBe('incomplete');
        expect([...verdict.missing, ...verdict.unscored]).toContain(`g${i}`);
      }),
    );
  });
});
