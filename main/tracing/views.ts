import type { ChannelOutput } from '../../shared/contract';
import { picoToUsd } from '../../shared/money';
import { readJson, readJsonOrNull } from '../store/json-column';
import type { SpanRecord } from './span-record';

/**
 * A span as the contract shows it. Request and response are stored as redacted JSON text (kept
 * verbatim for fidelity) and parsed only here, so clients get structure, not strings.
 */
export function spanView(span: SpanRecord): ChannelOutput<'spans.get'> {
  const { requestJson, responseJson, costPicoUsd, ...rest } = span;
  return {
    ...rest,
    tags: [...span.tags],
    request: readJson<unknown>(requestJson),
    response: readJsonOrNull<unknown>(responseJson),
    costUsd: costPicoUsd === null ? null : picoToUsd(costPicoUsd),
  };
}
