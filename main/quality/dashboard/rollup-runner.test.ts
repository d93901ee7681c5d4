import { describe, expect, it } from 'vitest';
import { stepsOf } from './rollup-runner';

describe('stepsOf', () => {
  const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06'];

  it('groups consecutive days up to the score limit; empty days cost nothing', () => {
    const counts = new Map([
      ['2026-03-01', 40],
      ['2026-03-02', 70],
      ['2026-03-04', 30],
    ]);
    expect(stepsOf(days, counts, 100)).toEqual([
      ['2026-03-01'],
      ['2026-03-02', '2026-03-03', '2026-03-04'],
      ['2026-03-06'],
    ]);
    expect(stepsOf(days, new Map(), 100)).toEqual([days.slice(0, 4), ['2026-03-06']]);
  });

  it('keeps a day over the limit whole, in a step of its own', () => {
    const counts = new Map([['2026-03-02', 500]]);
    expect(stepsOf(days.slice(0, 3), counts, 100)).toEqual([
      ['2026-03-01'],
      ['2026-03-02'],
      ['2026-03-03'],
    ]);
    expect(stepsOf([], counts, 100)).toEqual([]);
  });
});
