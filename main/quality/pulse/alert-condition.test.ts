import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PulseCondition } from '../../../shared/contract/pulse';
import { conditionMet, nextAlertStep } from './alert-condition';

describe('conditionMet', () => {
  it('reads below, above and drops by an amount or a percent', () => {
    expect(conditionMet({ type: 'below', value: 60 }, 59.9, null)).toBe(true);
    expect(conditionMet({ type: 'below', value: 60 }, 60, null)).toBe(false);
    expect(conditionMet({ type: 'above', value: 5 }, 5.01, null)).toBe(true);
    expect(conditionMet({ type: 'drop', by: 10 }, 70, 80)).toBe(true);
    expect(conditionMet({ type: 'drop', by: 10 }, 71, 80)).toBe(false);
    expect(conditionMet({ type: 'drop', percent: 20 }, 64, 80)).toBe(true);
    expect(conditionMet({ type: 'drop', percent: 20 }, 65, 80)).toBe(false);
  });

  it('cannot tell without data, without a previous window, or from a previous 0', () => {
    expect(conditionMet({ type: 'below', value: 60 }, null, 90)).toBeNull();
    expect(conditionMet({ type: 'drop', by: 1 }, 10, null)).toBeNull();
    expect(conditionMet({ type: 'drop', percent: 10 }, 0, 0)).toBeNull();
  });
});

describe('nextAlertStep', () => {
  it('fires exactly once while a mean stays low, again only after it recovered', () => {
    const condition: PulseCondition = { type: 'below', value: 60 };
    const means = [80, 75, 55, null, 50, 52, 70, 58, 57];
    let firing = false;
    const fired: number[] = [];
    const resolved: number[] = [];
    means.forEach((mean, i) => {
      const step = nextAlertStep(firing, conditionMet(condition, mean, null));
      firing = step.firing;
      if (step.fire) fired.push(i);
      if (step.resolved) resolved.push(i);
    });
    expect(fired).toEqual([2, 7]);
    expect(resolved).toEqual([6]);
  });

  it('never fires twice in a row, whatever the verdicts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(true, false, null)), (verdicts) => {
        let firing = false;
        let lastFire = -2;
        verdicts.forEach((met, i) => {
          const step = nextAlertStep(firing, met);
          if (step.fire) {
            // Between two alerts the rule must have resolved.
            expect(lastFire === -2 || verdicts.slice(lastFire + 1, i).includes(false)).toBe(true);
            lastFire = i;
          }
          expect(step.fire && step.resolved).toBe(false);
          firing = step.firing;
        });
      }),
    );
  });
});
