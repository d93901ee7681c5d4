import { describe, expect, it } from 'vitest';
import { EMPTY_RERUN, rerunFormSchema } from './rerun-form';

describe('rerunFormSchema', () => {
  it('sends only what was filled in, as the contract wants it', () => {
    expect(rerunFormSchema.parse(EMPTY_RERUN)).toEqual({});
    expect(
      rerunFormSchema.parse({
        provider: 'anthropic',
        model: ' claude-haiku-4-5 ',
        promptVersion: 'support@production',
        temperature: '0.5',
        maxTokens: '',
      }),
    ).toEqual({
      model: { provider: 'anthropic', model: 'claude-haiku-4-5' },
      promptVersion: 'support@production',
      parameters: { temperature: 0.5 },
    });
  });

  it("refuses what the core would, on the field at fault, with the contract's message", () => {
    const noModel = rerunFormSchema.safeParse({ ...EMPTY_RERUN, provider: 'openai' });
    expect(noModel.error?.issues[0]).toMatchObject({ path: ['model'], message: 'Name the model' });
    const hot = rerunFormSchema.safeParse({ ...EMPTY_RERUN, temperature: '3' });
    expect(hot.error?.issues[0]?.path).toEqual(['temperature']);
    const words = rerunFormSchema.safeParse({ ...EMPTY_RERUN, maxTokens: 'many' });
    expect(words.error?.issues[0]?.path).toEqual(['maxTokens']);
  });
});
