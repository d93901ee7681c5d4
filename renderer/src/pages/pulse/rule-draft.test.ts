import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pulseConditionSchema } from '../../../../shared/contract/pulse';
import { CONDITION_OPTIONS, conditionAmount, conditionIn, conditionMode } from './rule-draft';

describe('the rule form condition', () => {
  it('keeps its mode and number through the union it edits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONDITION_OPTIONS.map((o) => o.value)),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (mode, n) => {
          const condition = conditionIn(mode, n);
          expect(pulseConditionSchema.safeParse(condition).success).toBe(true);
          expect(conditionMode(condition)).toBe(mode);
          expect(conditionAmount(condition)).toBe(n);
        },
      ),
    );
  });
});
