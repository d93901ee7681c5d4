import { useCallback, useEffect, useState } from 'react';
import type { PriceView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';
import { priceKey } from './price-draft';

interface PriceList {
  asOf: string;
  prices: PriceView[];
}

/** Replaces the row with the same provider and model, or appends a new one. */
function upsertInto(prices: PriceView[], view: PriceView): PriceView[] {
  const key = priceKey(view);
  const index = prices.findIndex((p) => priceKey(p) === key);
  if (index === -1) return [...prices, view];
  return prices.map((p, i) => (i === index ? view : p));
}

/** The catalog merged with overrides, from `prices.list`; `reload` keeps the old rows showing. */
export function usePriceList() {
  const client = useClient();
  const [list, setList] = useState<PriceList | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    client.invoke('prices.list', {}).then(
      (loaded) => {
        if (!live) return;
        setList(loaded);
        setError(null);
      },
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
    };
  }, [client, attempt]);

  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  const upsert = useCallback(
    (view: PriceView) =>
      setList((current) => current && { ...current, prices: upsertInto(current.prices, view) }),
    [],
  );

  return { list, error, reload, upsert };
}
