import { useEffect, useState } from 'react';
import type { PromptKind, PromptSummary } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

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
  const client = useClient();
  const [prompts, setPrompts] = useState<PromptSummary[] | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const { search, kind, label, tag, includeDeleted } = filters;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        client
          .invoke('prompts.list', {
            ...(search.trim() ? { search: search.trim() } : {}),
            ...(kind ? { kind } : {}),
            ...(label ? { label } : {}),
            ...(tag ? { tag } : {}),
            includeDeleted,
          })
          .then(
            (result) => {
              if (!live) return;
              setPrompts(result.prompts);
              setError(null);
            },
            (err: unknown) => live && setError(toClientError(err)),
          );
      },
      search ? 200 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, search, kind, label, tag, includeDeleted, refreshKey]);

  return { prompts, error };
}
