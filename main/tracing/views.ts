import type { ChannelOutput } from '../../shared/contract';
import { picoToUsd } from '../../shared/money';
import { readJson, readJsonOrNull } from '../store/json-column';
import type { SpanRecord } from './span-repository';

/**
 * A span as the contract shows it. Request and response are stored as redacted JSON text (kept
 * verbatim for fidelity) and parsed only here, so clients get structure, not strings.
 */
export function spanView(span: SpanRecord): ChannelOutput<'spans.get'> {
  return {
    ...span,
    request: readJson<unknown>(span.requestJson),
    response: readJsonOrNull<unknown>(span.responseJson),
    costUsd: span.costPicoUsd === null ? null : picoToUsd(span.costPicoUsd),
  };
}
