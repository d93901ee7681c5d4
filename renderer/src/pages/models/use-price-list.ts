import { useCallback } from 'react';
import type { PriceView } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';
import { priceKey } from './price-draft';

/** Replaces the row with the same provider and model, or appends a new one. */
function upsertInto(prices: PriceView[], view: PriceView): PriceView[] {
  const key = priceKey(view);
  const index = prices.findIndex((p) => priceKey(p) === key);
  if (index === -1) return [...prices, view];
  return prices.map((p, i) => (i === index ? view : p));
}

/** The catalog merged with overrides, from `prices.list`; `reload` keeps the old rows showing. */
export function usePriceList() {
  const { data: list, error, reload, update } = useChannel('prices.list', {});
  const upsert = useCallback(
    (view: PriceView) =>
      update((current) => current && { ...current, prices: upsertInto(current.prices, view) }),
    [update],
  );
  return { list, error, reload, upsert };
}
