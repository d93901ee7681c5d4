import type { ProviderId } from '../../../shared/contract';
import type { PicoUsd } from '../../../shared/money';
import type { Usage } from '../types';
import type { Catalog, ModelPrice } from './catalog';
import { priceLookupIds } from './model-id';
import type { PriceOverrides } from './price-overrides';

/**
 * Finds a model's price (a user override first, then the catalog by id and alias) and turns
 * usage into an exact integer cost. No price means cost null, never 0.
 */
export class PriceBook {
  private readonly byId = new Map<string, ModelPrice>();

  constructor(
    catalog: Catalog,
    private readonly overrides: PriceOverrides,
  ) {
    for (const model of catalog.models) {
      for (const id of [model.id, ...model.aliases])
        this.byId.set(`${model.provider}\u0000${id}`, model.price);
    }
  }

  /** Settles once the user's overrides are loaded; `find` and `cost` need it settled. */
  ready(): Promise<void> {
    return this.overrides.ready();
  }

  find(provider: ProviderId, model: string): ModelPrice | null {
    const ids = priceLookupIds(provider, model);
    for (const id of ids) {
      const override = this.overrides.get(provider, id);
      if (override) return override;
    }
    for (const id of ids) {
      const price = this.byId.get(`${provider}\u0000${id}`);
      if (price) return price;
    }
    return null;
  }

  cost(provider: ProviderId, model: string, usage: Usage): PicoUsd | null {
    return computeCost(this.find(provider, model), usage);
  }
}

/**
 * Cost in pico-dollars. Reasoning tokens are already inside outputTokens. A cache price the
 * provider does not publish bills at the input rate, which is what those providers charge.
 */
export function computeCost(price: ModelPrice | null, usage: Usage): PicoUsd | null {
  if (!price) return null;
  return (
    usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheReadTokens * (price.cacheRead ?? price.input) +
    usage.cacheWriteTokens * (price.cacheWrite ?? price.input)
  );
}
