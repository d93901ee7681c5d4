import type { ChannelInput, PriceView, ProviderId } from '../../../../shared/contract';

export const PRICE_FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

/** The four prices as the user types them (USD per 1M tokens). */
export type PriceDraft = Record<PriceField, string>;

export const PRICE_LABELS: Record<PriceField, string> = {
  input: 'Input',
  output: 'Output',
  cacheRead: 'Cache read',
  cacheWrite: 'Cache write',
};

export const EMPTY_DRAFT: PriceDraft = { input: '', output: '', cacheRead: '', cacheWrite: '' };

/** `openai/gpt-5`: one row's identity (model ids may contain `/` too, the provider cannot). */
export const priceKey = (price: { provider: ProviderId; model: string }): string =>
  `${price.provider}/${price.model}`;

export function draftOf(view: PriceView): PriceDraft {
  return {
    input: view.input,
    output: view.output,
    cacheRead: view.cacheRead ?? '',
    cacheWrite: view.cacheWrite ?? '',
  };
}

/**
 * What `prices.set` gets: input and output as typed (the core checks them and names the field
 * in its error), empty cache prices as null (they then bill at the input rate).
 */
export function setInputOf(
  provider: ProviderId,
  model: string,
  draft: PriceDraft,
): ChannelInput<'prices.set'> {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    provider,
    model,
    input: draft.input.trim(),
    output: draft.output.trim(),
    cacheRead: optional(draft.cacheRead),
    cacheWrite: optional(draft.cacheWrite),
  };
}
