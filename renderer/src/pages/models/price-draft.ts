import { channels, type PriceView, type ProviderId } from '../../../../shared/contract';
import { blankOr } from '../settings/blank-or';

export const PRICE_FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

export const PRICE_LABELS: Record<PriceField, string> = {
  input: 'Input',
  output: 'Output',
  cacheRead: 'Cache read',
  cacheWrite: 'Cache write',
};

const setInput = channels['prices.set'].input;

/**
 * A price form checks what `prices.set` checks, with its messages; empty cache prices become
 * null, which bills cached tokens at the input rate.
 */
export const priceFormSchema = setInput.extend({
  cacheRead: blankOr(setInput.shape.input),
  cacheWrite: blankOr(setInput.shape.input),
});

/** The price form's fields as the user types them (USD per 1M tokens). */
export interface PriceFormValues extends Record<PriceField, string> {
  provider: ProviderId;
  model: string;
}

export const EMPTY_PRICE: PriceFormValues = {
  provider: 'local',
  model: '',
  input: '',
  output: '',
  cacheRead: '',
  cacheWrite: '',
};

/** `openai/gpt-5`: one row's identity (model ids may contain `/` too, the provider cannot). */
export const priceKey = (price: { provider: ProviderId; model: string }): string =>
  `${price.provider}/${price.model}`;

export function formValuesOf(view: PriceView): PriceFormValues {
  return {
    provider: view.provider,
    model: view.model,
    input: view.input,
    output: view.output,
    cacheRead: view.cacheRead ?? '',
    cacheWrite: view.cacheWrite ?? '',
  };
}
