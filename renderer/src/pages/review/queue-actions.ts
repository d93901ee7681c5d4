import { z } from 'zod';
import {
  reviewChannels,
  type ChannelInput,
  type ReviewQueueView,
} from '../../../../shared/contract';

/** What reviewQueues.fill takes to fill a queue again with the filter or rule it keeps. */
export function refillSource(
  queue: Pick<ReviewQueueView, 'rule'>,
): ChannelInput<'reviewQueues.fill'>['source'] | null {
  const rule = queue.rule;
  if (rule === null) return null;
  return rule.kind === 'rule'
    ? { kind: 'rule', rule: rule.rule }
    : { kind: 'filter', filter: rule.filter };
}

/** Reviewer names as typed: separated by commas or lines, blanks dropped. */
export const reviewerNames = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');

const assignInput = reviewChannels['reviewQueues.assign'].input;

/**
 * The Assign reviewers form: the names as one text, and how many reviewers each item gets.
 * It is checked by reviewQueues.assign's own schema (each name, each once, at most 50, perItem
 * no more than the names), its issues shown at the form's two fields.
 */
export const assignFormSchema = z
  .object({ reviewers: z.string(), perItem: z.number() })
  .superRefine((values, ctx) => {
    const names = reviewerNames(values.reviewers);
    const parsed = assignInput.safeParse({ queueId: 'queue', ...assignOf(values) });
    if (parsed.success) return;
    if (names.length === 0) {
      // "perItem cannot exceed 0 reviewers" would only repeat it.
      ctx.addIssue({ code: 'custom', path: ['reviewers'], message: 'name at least one reviewer' });
      return;
    }
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      if (field !== 'reviewers' && field !== 'perItem') continue;
      const name = typeof index === 'number' ? names[index] : undefined;
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: name !== undefined ? `"${name}": ${issue.message}` : issue.message,
      });
    }
  });
export type AssignFormValues = z.input<typeof assignFormSchema>;

/** The form's values as reviewQueues.assign takes them (without the queue). */
export function assignOf(values: AssignFormValues): { reviewers: string[]; perItem: number } {
  return { reviewers: reviewerNames(values.reviewers), perItem: values.perItem };
}
