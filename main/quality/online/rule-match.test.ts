import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetStatus } from './budget-gate';
import { matchesFilter, sampled, type RuleFacts } from './rule-match';

const facts: RuleFacts = {
  id: 'i-1',
  type: 'chat',
  promptName: 'support',
  model: 'gpt-4o-mini',
  tags: ['prod', 'eu'],
  userId: 'u-7',
};

describe('matchesFilter', () => {
  it('matches every field given, any entry of a list, all listed tags', () => {
    expect(matchesFilter({}, facts)).toBe(true);
    expect(matchesFilter({ types: ['extraction', 'chat'] }, facts)).toBe(true);
    expect(matchesFilter({ types: ['extraction'] }, facts)).toBe(false);
    expect(matchesFilter({ prompts: ['support'], models: ['gpt-4o-mini'] }, facts)).toBe(true);
    expect(matchesFilter({ tags: ['prod', 'eu'] }, facts)).toBe(true);
    expect(matchesFilter({ tags: ['prod', 'us'] }, facts)).toBe(false);
    expect(matchesFilter({ users: ['u-7'] }, { ...facts, userId: null })).toBe(false);
  });
});

describe('sampled', () => {
  it('samples about the rate asked, within a 4-sigma binomial bound', () => {
    for (const rate of [0.01, 0.1, 0.5, 0.9]) {
      const n = 20_000;
      let hits = 0;
      for (let i = 0; i < n; i++) if (sampled('rule-a', `interaction-${i}`, rate)) hits++;
      const sigma = Math.sqrt(n * rate * (1 - rate));
      expect(Math.abs(hits - n * rate)).toBeLessThan(4 * sigma);
    }
  });

  it('is stable for one rule and interaction, independent across rules', () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), (id, rate) => {
        expect(sampled('r', id, rate)).toBe(sampled('r', id, rate));
      }),
    );
    let both = 0;
    for (let i = 0; i < 10_000; i++)
      if (sampled('rule-a', `x${i}`, 0.5) && sampled('rule-b', `x${i}`, 0.5)) both++;
    expect(Math.abs(both - 2_500)).toBeLessThan(4 * Math.sqrt(10_000 * 0.25 * 0.75));
  });

  it('takes all at 1 and none at 0, and more at a higher rate', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (id, a, b) => {
          expect(sampled('r', id, 1)).toBe(true);
          expect(sampled('r', id, 0)).toBe(false);
          if (sampled('r', id, Math.min(a, b))) expect(sampled('r', id, Math.max(a, b))).toBe(true);
        },
      ),
    );
  });
});

describe('budgetStatus', () => {
  it('pauses at the budget and says so; no budget never pauses', () => {
    const now = Date.parse('2026-12-07T23:59:00Z');
    expect(budgetStatus(1, 0.99, now).pausedReason).toBeNull();
    expect(budgetStatus(1, 1, now).pausedReason).toMatch(
      /paused: spent \$1\.00 of its \$1\.00 daily judge budget on 2026-12-07 \(UTC\)/,
    );
    expect(budgetStatus(null, 1e6, now).pausedReason).toBeNull();
    // A tiny budget reads as itself, not as $0.00.
    expect(budgetStatus(0.0002, 0.000213, now).pausedReason).toMatch(
      /^paused: spent \$0\.000213 of its \$0\.000200 daily judge budget/,
    );
    expect(budgetStatus(0, 0, now).pausedReason).not.toBeNull();
  });
});
