import { useEffect, useState } from 'react';
import type { PromptKind } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

export interface PromptListFilters {
  search: string;
  kind: PromptKind | '';
  label: string;
  tag: string;
  includeDeleted: boolean;
}

export const NO_FILTERS: PromptListFilters = {
  search: '',
  kind: '',
  label: '',
  tag: '',
  includeDeleted: false,
};

/** The value once it stopped changing for `ms`: a search typed key by key asks once. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  // Without a wait (a cleared search) the value counts at once.
  return ms === 0 ? value : settled;
}

/**
 * `prompts.list` with the pane's filters. Saves, deletes and label moves invalidate the
 * `prompts` domain, so the list follows without being told.
 */
export function usePromptList(filters: PromptListFilters) {
  const { kind, label, tag, includeDeleted } = filters;
  const search = useSettled(filters.search.trim(), filters.search ? 200 : 0);
  const query = useChannelQuery('prompts.list', {
    ...(search ? { search } : {}),
    ...(kind ? { kind } : {}),
    ...(label ? { label } : {}),
    ...(tag ? { tag } : {}),
    includeDeleted,
  });
  return { prompts: query.data?.prompts ?? null, error: query.error };
}
