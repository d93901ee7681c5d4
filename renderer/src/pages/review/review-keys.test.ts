import { describe, expect, it } from 'vitest';
import { BULLSEYE_LEVELS } from '../../../../shared/contract';
import { keyAction, keyLegend, scoreChoices } from './review-keys';

const bullseye = scoreChoices({ type: 'categorical', levels: [...BULLSEYE_LEVELS] });

describe('review keys', () => {
  it('puts the levels on 1-4 in order, Yes/No on 1/2, and small ranges on their digits', () => {
    expect(bullseye?.map((c) => [c.key, c.label, c.given])).toEqual([
      ['1', 'Bullseye', { level: 'Bullseye' }],
      ['2', 'One hop short', { level: 'One hop short' }],
      ['3', 'Right area', { level: 'Right area' }],
      ['4', 'Wrong', { level: 'Wrong' }],
    ]);
    expect(scoreChoices({ type: 'boolean' })?.map((c) => [c.key, c.given])).toEqual([
      ['1', { value: true }],
      ['2', { value: false }],
    ]);
    const stars = scoreChoices({ type: 'numeric', min: 1, max: 5, higherIsBetter: true });
    expect(stars?.map((c) => c.key)).toEqual(['1', '2', '3', '4', '5']);
    expect(scoreChoices({ type: 'numeric', min: 0, max: 100, higherIsBetter: true })).toBeNull();
    expect(scoreChoices({ type: 'numeric', min: 0, max: 0.5, higherIsBetter: true })).toBeNull();
    const many = scoreChoices({
      type: 'categorical',
      levels: Array.from({ length: 11 }, (_, i) => ({ name: `L${i}`, value: i })),
    });
    expect(many?.map((c) => c.key)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      null,
      null,
    ]);
  });

  it('maps keys to actions, and leaves typing alone in the comment box', () => {
    const keys = { inText: false, shift: false, choices: bullseye };
    expect(keyAction('3', keys)).toEqual({ type: 'choose', index: 2 });
    expect(keyAction('5', keys)).toBeNull();
    expect(keyAction('J', keys)).toEqual({ type: 'next' });
    expect(keyAction('k', keys)).toEqual({ type: 'previous' });
    expect(keyAction('c', keys)).toEqual({ type: 'comment' });
    expect(keyAction('Enter', keys)).toEqual({ type: 'submit' });
    expect(keyAction('s', keys)).toEqual({ type: 'skip' });
    expect(keyAction('v', keys)).toBeNull();
    expect(keyAction('v', { ...keys, choices: null })).toEqual({ type: 'value' });
    const typing = { ...keys, inText: true };
    for (const key of ['j', 'k', 'c', '1', 's']) expect(keyAction(key, typing)).toBeNull();
    expect(keyAction('Enter', typing)).toEqual({ type: 'submit' });
    expect(keyAction('Enter', { ...typing, shift: true })).toBeNull();
    expect(keyAction('Escape', typing)).toEqual({ type: 'leave' });
  });

  it('lists the keys it answers to', () => {
    expect(keyLegend(bullseye)[0]).toEqual({ keys: '1–4', does: 'choose the score' });
    expect(keyLegend(null)[0]).toEqual({ keys: 'V', does: 'type the score' });
  });
});
