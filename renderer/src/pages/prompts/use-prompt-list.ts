import type { PromptKind } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';

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

/**
 * `prompts.list` with the pane's filters; the search is debounced while typing. A new
 * `refreshKey` loads again (after a save, a delete, a label move) and keeps the old rows showing.
 */
export function usePromptList(filters: PromptListFilters, refreshKey: number) {
  const { search, kind, label, tag, includeDeleted } = filters;
  const { data, error } = useChannel(
    'prompts.list',
    {
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(kind ? { kind } : {}),
      ...(label ? { label } : {}),
      ...(tag ? { tag } : {}),
      includeDeleted,
    },
    { refresh: refreshKey, delayMs: search ? 200 : 0 },
  );
  return { prompts: data?.prompts ?? null, error };
}
