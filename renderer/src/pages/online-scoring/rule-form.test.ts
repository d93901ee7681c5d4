import { describe, expect, it } from 'vitest';
import { channels } from '../../../../shared/contract';
import {
  firstMessage,
  listOf,
  percentOf,
  ruleFormSchema,
  ruleFormValues,
  ruleUpdate,
} from './rule-form';

describe('the scoring rule form', () => {
  it('sends what scoringRules.create takes, and says a bad rate as a percentage', () => {
    const values = { ...ruleFormValues(null), name: 'Support', scorecardId: 'c1' };
    const parsed = ruleFormSchema.parse(values);
    expect(channels['scoringRules.create'].input.parse(parsed)).toEqual(parsed);
    const bad = ruleFormSchema.safeParse({ ...values, sampling: 2.5 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues).toEqual([
      expect.objectContaining({ path: ['sampling'], message: 'a percentage from 0 to 100' }),
    ]);
    expect(
      ruleFormSchema.safeParse({ ...values, sampling: Number.NaN }).error!.issues[0]!.message,
    ).toBe('a percentage from 0 to 100');
  });

  it('edits every field the form shows, never the enabled switch', () => {
    const update = ruleUpdate('r1', {
      name: 'A',
      scorecardId: 'c1',
      filter: { tags: ['x'] },
      sampling: 0.5,
      dailyBudgetUsd: null,
      enabled: false,
    });
    expect(update).toEqual({
      id: 'r1',
      name: 'A',
      scorecardId: 'c1',
      filter: { tags: ['x'] },
      sampling: 0.5,
      dailyBudgetUsd: null,
    });
    expect(channels['scoringRules.update'].input.safeParse(update).success).toBe(true);
  });

  it('reads comma lists, and shows rates as percentages without float noise', () => {
    expect(listOf(' a, b,,c ,')).toEqual(['a', 'b', 'c']);
    expect(listOf(' , ')).toBeUndefined();
    expect(percentOf(0.07)).toBe(7);
    expect(percentOf(0.005)).toBe(0.5);
  });

  it("finds a list field's error on the field or on one of its values", () => {
    expect(firstMessage(undefined)).toBeNull();
    expect(firstMessage({ message: 'Too many', type: 'too_big' })).toBe('Too many');
    expect(firstMessage([undefined, { message: 'Too big', type: 'too_big', ref: {} }])).toBe(
      'value 2: Too big',
    );
  });
});
