import type { OutputStrategy } from './types';

/** Free-form generation (summaries, drafts) is judged like chat: the text as written. */
export const generationStrategy: OutputStrategy<'generation'> = {
  type: 'generation',
  description: 'The generated text as is.',
  prepare: (output) => ({ text: output }),
};
