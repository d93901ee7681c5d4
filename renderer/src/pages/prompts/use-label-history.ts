import type { ChannelOutput } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

export type LabelEvent = ChannelOutput<'prompts.labelHistory'>['events'][number];

/** Every label move of a prompt, newest first. None when it fails (the failure toasts). */
export function useLabelHistory(name: string): LabelEvent[] | null {
  const { data, error } = useChannelQuery('prompts.labelHistory', { name });
  return data?.events ?? (error ? [] : null);
}
