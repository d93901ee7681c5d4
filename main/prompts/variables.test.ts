import { describe, expect, it } from 'vitest';
import { variablesOf } from './variables';

describe('variablesOf', () => {
  it('lists variables in order of first use, components included, own defaults winning', () => {
    const components = new Map([
      [
        1,
        {
          content: {
            text: '{{b}} and {{c}}',
            variables: [
              { name: 'c', default: 'from component' },
              { name: 'b', description: 'bee' },
            ],
          },
        },
      ],
    ]);
    const variables = variablesOf(
      {
        messages: [
          { role: 'system', content: 'Use {{a}} then {{b}}' },
          { role: 'user', ref: { prompt: 'comp' } },
          { placeholder: 'history' },
          { role: 'assistant', content: '{{a}} again, \\{{escaped}}' },
        ],
        variables: [{ name: 'c', default: 'mine' }],
      },
      components,
    );
    expect(variables).toEqual([
      { name: 'a' },
      { name: 'b', description: 'bee' },
      { name: 'c', default: 'mine' },
    ]);
  });
});
