import { z } from 'zod';
import {
  interactionFilterSchema,
  reviewChannels,
  scoreRuleSchema,
  type ChannelInput,
} from '../../../../shared/contract';

/**
 * The New queue form: reviewQueues.create's own input, and what to fill the queue with first,
 * in reviewQueues.fill's own shapes (a score rule, an interactions filter), so the browser
 * refuses what the core would.
 */
export const newQueueSchema = reviewChannels['reviewQueues.create'].input.extend({
  fill: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('rule'), rule: scoreRuleSchema }),
    z.object({ kind: z.literal('filter'), filter: interactionFilterSchema }),
  ]),
});
export type NewQueueValues = z.input<typeof newQueueSchema>;

export const NEW_QUEUE_DEFAULTS: NewQueueValues = {
  name: '',
  graderId: '',
  instructions: '',
  fill: { kind: 'none' },
};

/** The fill a saved form asks for, as reviewQueues.fill takes it (none: an empty queue). */
export function fillSource(
  values: z.output<typeof newQueueSchema>,
): ChannelInput<'reviewQueues.fill'>['source'] | null {
  switch (values.fill.kind) {
    case 'none':
      return null;
    case 'rule':
      return { kind: 'rule', rule: values.fill.rule };
    case 'filter':
      return { kind: 'filter', filter: values.fill.filter };
  }
}
