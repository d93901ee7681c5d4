import type { PriceView, ProviderId } from '../../../../shared/contract';

export type ProviderFilter = ProviderId | 'all';

/** Rows of the chosen provider whose provider, model id or display name contain the text. */
export function filterPrices(
  prices: readonly PriceView[],
  text: string,
  provider: ProviderFilter,
): PriceView[] {
  const needle = text.trim().toLowerCase();
  return prices.filter((price) => {
    if (provider !== 'all' && price.provider !== provider) return false;
    if (!needle) return true;
    return [price.provider, price.model, price.name ?? ''].some((field) =>
      field.toLowerCase().includes(needle),
    );
  });
}
