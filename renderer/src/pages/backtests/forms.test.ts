import { describe, expect, it } from 'vitest';
import { usdText } from './format';
import { newSetFormSchema, newSetValues, setInput } from './new-set-form';
import {
  estimateText,
  promptRef,
  RUN_FORM_DEFAULTS,
  runFormSchema,
  runSpec,
  scheduleSpec,
} from './run-form';

describe('new set form', () => {
  it('prefills the filter and sends only the fields given', () => {
    const values = newSetValues({ tags: ['a', 'b'], userId: 'u1' });
    expect(values.tags).toBe('a, b');
    const parsed = newSetFormSchema.parse({ ...values, name: 'S', sampleSize: 20 });
    expect(setInput(parsed)).toEqual({
      name: 'S',
      source: {
        kind: 'interactions',
        filter: { tags: ['a', 'b'], userId: 'u1' },
        sampleSize: 20,
        stratifyBy: 'none',
      },
    });
  });

  it('refuses a bad sample size, a bad time and a dataset source without a dataset', () => {
    const base = { ...newSetValues(null), name: 'S' };
    expect(newSetFormSchema.safeParse({ ...base, sampleSize: 0 }).success).toBe(false);
    expect(newSetFormSchema.safeParse({ ...base, from: 'yesterday' }).success).toBe(false);
    const noDataset = newSetFormSchema.safeParse({ ...base, sourceKind: 'dataset' });
    expect(noDataset.error?.issues[0]?.path).toEqual(['dataset']);
    const dataset = newSetFormSchema.parse({ ...base, sourceKind: 'dataset', dataset: 'd' });
    expect(setInput(dataset)).toEqual({ name: 'S', source: { kind: 'dataset', dataset: 'd' } });
  });
});

describe('run form', () => {
  it('writes prompt refs as the contract reads them', () => {
    expect(promptRef('', 'label:production')).toBeUndefined();
    expect(promptRef('support', '')).toBe('support');
    expect(promptRef('support', 'label:production')).toBe('support@production');
    expect(promptRef('support', 'version:v3')).toBe('support@v3');
  });

  it('needs a candidate and a scorecard, and builds the spec', () => {
    expect(runFormSchema.safeParse({ ...RUN_FORM_DEFAULTS, scorecard: 'c' }).success).toBe(false);
    const v = runFormSchema.parse({
      ...RUN_FORM_DEFAULTS,
      candidatePrompt: 'support',
      candidateSelector: 'label:staging',
      candidateProvider: 'openai',
      candidateModel: 'gpt-4o',
      baselineKind: 'replay',
      baselinePrompt: 'support',
      baselineSelector: 'label:production',
      scorecard: 'c1',
    });
    expect(runSpec('set1', v)).toEqual({
      set: 'set1',
      baseline: { kind: 'replay', prompt: 'support@production' },
      candidates: [{ prompt: 'support@staging', model: { provider: 'openai', model: 'gpt-4o' } }],
      scorecard: { id: 'c1' },
    });
  });

  it('says what the replayed sides cost, and unknown when a model has no price', () => {
    const sides = [
      { replays: false, cost: { calls: 200 } },
      { replays: true, cost: { calls: 200 } },
      { replays: true, cost: { calls: 200 } },
    ];
    expect(estimateText({ sides, totalUsd: 0.12, judgeGraders: 0 }, usdText)).toBe(
      '~$0.120 for 2 sides, 400 calls',
    );
    expect(estimateText({ sides, totalUsd: null, judgeGraders: 1 }, usdText)).toBe(
      'cost unknown (a model has no price) for 2 sides, 400 calls, plus 1 judge graders (not priced ahead)',
    );
  });

  it('schedules only with a name and a UTC time, weekly with its weekday', () => {
    const base = {
      ...RUN_FORM_DEFAULTS,
      candidateProvider: 'openai',
      candidateModel: 'gpt-4o',
      scorecard: 'c1',
    } as const;
    const unnamed = runFormSchema.safeParse({ ...base, repeat: 'daily' });
    expect(unnamed.success).toBe(false);
    expect(unnamed.error?.issues[0]?.path).toEqual(['scheduleName']);
    const badTime = runFormSchema.safeParse({
      ...base,
      repeat: 'daily',
      scheduleName: 'n',
      at: '25:00',
    });
    expect(badTime.error?.issues[0]?.path).toEqual(['at']);
    const weekly = runFormSchema.parse({
      ...base,
      repeat: 'weekly',
      scheduleName: 'Nightly',
      at: '07:30',
      weekday: '3',
      alertBelow: 0.05,
    });
    expect(scheduleSpec('set1', weekly)).toMatchObject({
      set: 'set1',
      name: 'Nightly',
      cadence: 'weekly',
      at: '07:30',
      weekday: 3,
      alertBelow: 0.05,
      candidates: [{ model: { provider: 'openai', model: 'gpt-4o' } }],
    });
    const daily = runFormSchema.parse({
      ...base,
      repeat: 'daily',
      scheduleName: 'D',
      weekday: '3',
    });
    expect(scheduleSpec('set1', daily)).not.toHaveProperty('weekday');
  });

  it('never shows a small real cost as zero', () => {
    expect(usdText(0.0000036)).toBe('$0.0000036');
    expect(usdText(0)).toBe('$0.00');
    expect(usdText(null)).toBe('unpriced');
  });
});
