import { describe, expect, it } from 'vitest';
import { budgetText, samplingText, scoringFilterText } from './scoring-rules';

describe('a scoring rule in words', () => {
  it('says its filter, one field after another, singular or plural', () => {
    expect(scoringFilterText({})).toBe('every interaction');
    expect(scoringFilterText({ types: [], tags: [] })).toBe('every interaction');
    expect(
      scoringFilterText({
        types: ['chat'],
        prompts: ['support', 'faq'],
        tags: ['beta'],
        users: ['u1'],
      }),
    ).toBe('type chat · prompts support, faq · tag beta · user u1');
  });

  it('says sampling as a percentage without float noise', () => {
    expect(samplingText(1)).toBe('100%');
    expect(samplingText(0.07)).toBe('7%');
    expect(samplingText(0.005)).toBe('0.5%');
    expect(samplingText(0)).toBe('0%');
  });

  it("says today's spend against the budget, or that there is no limit", () => {
    expect(budgetText(0, 5)).toBe('$0 of $5.00');
    expect(budgetText(0.0123, 0.5)).toBe('$0.0123 of $0.5000');
    expect(budgetText(1.5, null)).toBe('$1.50 (no limit)');
  });
});
