import { describe, expect, it } from 'vitest';
import { fmtTraceCost } from './trace-format';

describe('fmtTraceCost', () => {
  it('says unpriced, a lower bound, or the exact sum', () => {
    expect(fmtTraceCost(null, 2)).toBe('unpriced');
    expect(fmtTraceCost(null, 0)).toBe('-');
    expect(fmtTraceCost(0.0123, 1)).toBe('≥ $0.0123');
    expect(fmtTraceCost(1.5, 0)).toBe('$1.50');
  });
});
