import { AssayError } from '../../../shared/errors';

/** A refused OTLP request: a coded 400 that names where in the request the problem is. */
export function otlpError(message: string, details?: Record<string, unknown>): AssayError {
  return new AssayError('MALFORMED_REQUEST', `/v1/traces: ${message}`, details);
}

/** `span 3 ("5b8efff798038103")`: how a message names a span (its id is hex or empty by now). */
export function spanLabel(index: number, spanId: string): string {
  return `span ${index} ("${spanId}")`;
}
