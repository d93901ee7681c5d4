import { useEffect, useState } from 'react';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

export interface PromptDetail {
  summary: PromptSummary;
  /** Newest first. */
  versions: PromptVersionView[];
}

/** One prompt with every version; a new `refreshKey` reloads it and keeps the old data showing. */
export function usePromptDetail(name: string, refreshKey: number) {
  const client = useClient();
  const [detail, setDetail] = useState<PromptDetail | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      client.invoke('prompts.get', { name }),
      client.invoke('prompts.versions', { name }),
    ]).then(
      ([got, { versions }]) => {
        if (!live) return;
        setDetail({ summary: got.prompt, versions });
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, name, refreshKey]);

  return { detail, error };
}
