import type { UsedPrice } from '../../../shared/contract/costs';
import { picoPerTokenToPricePerMillion, picoToUsd, PICO_PER_USD } from '../../../shared/money';
import type { ModelPrice } from '../../llm/pricing/catalog';

/** Token sums of a set of spans, exact (a year of traffic passes 2^53 token-dollars). */
export interface TokenSums {
  readonly input: bigint;
  readonly output: bigint;
  readonly cacheRead: bigint;
  readonly cacheWrite: bigint;
}

/**
 * Cost in pico-dollars of summed usage at one price: computeCost (price-book.ts) is linear in
 * every token kind, so pricing the sums equals summing each span's price. Reasoning tokens are
 * inside output tokens; a cache price the provider does not publish bills at the input rate.
 */
export function costOfSums(price: ModelPrice, sums: TokenSums): bigint {
  return (
    sums.input * BigInt(price.input) +
    sums.output * BigInt(price.output) +
    sums.cacheRead * BigInt(price.cacheRead ?? price.input) +
    sums.cacheWrite * BigInt(price.cacheWrite ?? price.input)
  );
}

/**
 * Pico-dollars to USD for a view, as picoToUsd does where a Number holds the sum exactly;
 * past 2^53 (about $9,000) whole dollars and the remainder are converted apart.
 */
export function picoBigToUsd(pico: bigint): number {
  if (pico <= BigInt(Number.MAX_SAFE_INTEGER)) return picoToUsd(Number(pico));
  const per = BigInt(PICO_PER_USD);
  return Number(pico / per) + Number(pico % per) / PICO_PER_USD;
}

/** A price as the contract shows it: USD per 1M tokens, exact decimal strings. */
export function usedPrice(price: ModelPrice): UsedPrice {
  const text = (rate: number | null) =>
    rate === null ? null : picoPerTokenToPricePerMillion(rate);
  return {
    input: text(price.input)!,
    output: text(price.output)!,
    cacheRead: text(price.cacheRead),
    cacheWrite: text(price.cacheWrite),
    source: price.source,
  };
}

/** A summed column read as text (exact on both dialects) back to a bigint; NULL is 0. */
export const big = (value: string | number | null): bigint => (value === null ? 0n : BigInt(value));
