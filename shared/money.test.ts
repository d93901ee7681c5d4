import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUsd, picoPerTokenToPricePerMillion, pricePerMillionToPicoPerToken } from './money';

describe('money', () => {
  it('parses published prices exactly', () => {
    expect(pricePerMillionToPicoPerToken('3.00')).toBe(3_000_000);
    expect(pricePerMillionToPicoPerToken('0.00875')).toBe(8_750);
    expect(pricePerMillionToPicoPerToken('0.005')).toBe(5_000);
    expect(pricePerMillionToPicoPerToken('75')).toBe(75_000_000);
    expect(pricePerMillionToPicoPerToken('0')).toBe(0);
  });

  it('rejects anything that is not a plain decimal of at most six places', () => {
    for (const bad of ['', '-1', '1e3', '0.0000001', 'abc', '1.2.3', ' ', 'NaN']) {
      expect(pricePerMillionToPicoPerToken(bad)).toBeNull();
    }
  });

  it('round-trips every representable price', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (rate) => {
        expect(pricePerMillionToPicoPerToken(picoPerTokenToPricePerMillion(rate))).toBe(rate);
      }),
    );
  });

  it('formats small and large costs readably and never shows unpriced as $0', () => {
    expect(formatUsd(null)).toBe('unpriced');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(1_234_000)).toBe('$0.00000123');
    expect(formatUsd(12_340_000_000)).toBe('$0.0123');
    expect(formatUsd(2_500_000_000_000)).toBe('$2.50');
  });
});
