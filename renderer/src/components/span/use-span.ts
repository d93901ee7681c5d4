import { useEffect, useState } from 'react';
import type { SpanView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';

/** Loads one span by id (null: nothing to load). */
export function useSpan(id: string | null) {
  const client = useClient();
  const [span, setSpan] = useState<SpanView | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    client.invoke('spans.get', { id }).then(
      (view) => {
        if (!live) return;
        setSpan(view);
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, id]);

  return { span: span?.id === id ? span : null, error };
}
