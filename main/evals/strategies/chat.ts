import type { OutputStrategy } from './types';

/** Chat replies are judged as written. */
export const chatStrategy: OutputStrategy<'chat'> = {
  type: 'chat',
  description: 'The reply text as is.',
  prepare: (output) => ({ text: output }),
};
