import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

export type PromptDiff = ChannelOutput<'prompts.diff'>;

/** `prompts.diff` of two versions; nothing is asked when either is missing. */
export function usePromptDiff(name: string, from: string, to: string) {
  const client = useClient();
  const [diff, setDiff] = useState<PromptDiff | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    client.invoke('prompts.diff', { name, from, to }).then(
      (result) => {
        if (!live) return;
        setDiff(result);
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, name, from, to]);

  const current = diff && diff.from === from && diff.to === to ? diff : null;
  return { diff: current, error };
}
