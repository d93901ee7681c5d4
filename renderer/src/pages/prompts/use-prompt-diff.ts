import type { ChannelOutput } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

export type PromptDiff = ChannelOutput<'prompts.diff'>;

/** `prompts.diff` of two versions; nothing is asked when either is missing. */
export function usePromptDiff(name: string, from: string, to: string) {
  const query = useChannelQuery('prompts.diff', from && to ? { name, from, to } : null);
  // The previous pair's diff stays in `data` while the new pair loads: not shown as this one's.
  return { diff: query.isPlaceholderData ? null : (query.data ?? null), error: query.error };
}
