import type { ChannelOutput } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';

export type LabelEvent = ChannelOutput<'prompts.labelHistory'>['events'][number];

/** Every label move of a prompt, newest first; reloads with `refreshKey`. None when it fails. */
export function useLabelHistory(name: string, refreshKey: number): LabelEvent[] | null {
  const { data, error } = useChannel('prompts.labelHistory', { name }, { refresh: refreshKey });
  return data?.events ?? (error ? [] : null);
}
