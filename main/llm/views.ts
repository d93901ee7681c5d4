import type { CallResultView, PriceView } from '../../shared/contract';
import { picoPerTokenToPricePerMillion, picoToUsd } from '../../shared/money';
import type { CallResult } from './call/call-llm';
import type { ModelPrice } from './pricing/catalog';

/** The contract views of the llm domain: what `llm.*`, `models.*` and `prices.*` return. */

export function priceView(price: ModelPrice, name: string | null): PriceView {
  const text = (rate: number | null): string | null =>
    rate === null ? null : picoPerTokenToPricePerMillion(rate);
  return {
    provider: price.provider,
    model: price.model,
    name,
    input: text(price.input)!,
    output: text(price.output)!,
    cacheRead: text(price.cacheRead),
    cacheWrite: text(price.cacheWrite),
    source: price.source,
  };
}

export function callResultView(result: CallResult): CallResultView {
  const { response } = result;
  return {
    text: response.text,
    toolCalls: [...response.toolCalls],
    finishReason: response.finishReason,
    model: response.model,
    providerRequestId: response.providerRequestId,
    usage: response.usage,
    costUsd: result.costPicoUsd === null ? null : picoToUsd(result.costPicoUsd),
    costPicoUsd: result.costPicoUsd,
    latencyMs: result.latencyMs,
    ttftMs: result.ttftMs,
    attempts: result.attempts,
    cacheHit: result.cacheHit,
    spanId: result.spanId,
    traceId: result.traceId,
  };
}
