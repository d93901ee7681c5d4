import { describe, expect, it } from 'vitest';
import { startRunInputSchema, type RunView } from '../../../../shared/contract';
import { emptyForm, formOfRun, preflightInputOf, startInputOf, type RunForm } from './run-form';

/** The new-run form's scorecard: sent as `scorers.scorecard` by id, kept when a run is re-run. */

const filled: RunForm = {
  ...emptyForm('words'),
  prompt: 'echo',
  targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
};

describe('the new-run form with a scorecard', () => {
  it('sends no scorers for the defaults, and only the scorecard when one is picked', () => {
    expect(startInputOf(filled)).not.toHaveProperty('scorers');
    const input = startInputOf({ ...filled, scorecard: 'card-1' });
    expect(input).toMatchObject({ scorers: { scorecard: { id: 'card-1' } } });
    expect(startRunInputSchema.safeParse(input).success).toBe(true);
    expect(preflightInputOf({ ...filled, scorecard: 'card-1' })?.scorers).toEqual({
      scorecard: { id: 'card-1' },
    });
  });

  it('sends the scorecard with matchers added or switched off', () => {
    const input = startInputOf({
      ...filled,
      scorecard: 'card-1',
      scorers: { useDatasetMatchers: false, skip: [], add: [{ type: 'contains', value: 'a' }] },
    });
    expect(input).toMatchObject({
      scorers: {
        useDatasetMatchers: false,
        add: [{ type: 'contains', value: 'a' }],
        scorecard: { id: 'card-1' },
      },
    });
  });

  it('re-runs a run with the scorecard it was graded by', () => {
    const run = {
      dataset: 'words',
      prompt: 'echo@v1.0',
      promptVersion: 'v1.0',
      provider: 'openai',
      model: 'gpt-4o-mini',
      concurrency: 4,
      repeat: 1,
      useCache: true,
      judgeModel: null,
      embeddingModel: null,
      scorers: {
        useDatasetMatchers: true,
        skip: [],
        add: [],
        scorecard: { id: 'card-1', name: 'words', version: 2 },
      },
    } as unknown as RunView;
    const form = formOfRun(run);
    expect(form.scorecard).toBe('card-1');
    expect(form.scorers).toEqual({ useDatasetMatchers: true, skip: [], add: [] });
    expect(formOfRun({ ...run, scorers: null }).scorecard).toBe('');
  });
});
