import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';

export type Rendered = ChannelOutput<'prompts.render'>;
type Messages = { role: 'system' | 'user' | 'assistant'; content: string }[];

/** `prompts.render` of a saved version; a failure (missing variables) is kept for display. */
export function useRenderPreview(name: string, version: string) {
  const client = useClient();
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rendering, setRendering] = useState(false);

  const render = async (
    variables: Record<string, string>,
    placeholders: Record<string, Messages>,
  ) => {
    setRendering(true);
    try {
      const result = await client.invoke('prompts.render', {
        name,
        version,
        variables,
        placeholders,
      });
      setRendered(result);
      setError(null);
    } catch (err) {
      setRendered(null);
      setError(toClientError(err).toString());
    } finally {
      setRendering(false);
    }
  };

  return { rendered, error, rendering, render };
}
