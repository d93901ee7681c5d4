import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

export interface PromptDetail {
  summary: PromptSummary;
  /** Newest first. */
  versions: PromptVersionView[];
}

/** One prompt with every version; both stay showing while a mutation's refresh reloads them. */
export function usePromptDetail(name: string) {
  const got = useChannelQuery('prompts.get', { name });
  const listed = useChannelQuery('prompts.versions', { name });
  const detail: PromptDetail | null =
    got.data && listed.data && got.data.prompt.name === name
      ? { summary: got.data.prompt, versions: listed.data.versions }
      : null;
  return { detail, error: got.error ?? listed.error };
}
