import type { ChannelOutput } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';

export type PromptDiff = ChannelOutput<'prompts.diff'>;

/** `prompts.diff` of two versions; nothing is asked when either is missing. */
export function usePromptDiff(name: string, from: string, to: string) {
  const { data, isCurrent, error } = useChannel(
    'prompts.diff',
    from && to ? { name, from, to } : null,
  );
  return { diff: isCurrent ? data : null, error };
}
