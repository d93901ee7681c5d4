import { MAX_ATTRIBUTE_CHARS, MAX_ATTRIBUTES, MAX_VALUE_DEPTH } from './otlp-limits';
import { otlpError } from './otlp-error';

/** Checks shared by both decoders: ids, times and sizes, each refusal naming its place. */

const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

export function checkTraceId(hex: string, where: string): string {
  if (hex.length !== 32 || hex === ZERO_TRACE)
    throw otlpError(`${where} has no valid traceId (16 bytes, not all zero)`, {
      field: 'traceId',
    });
  return hex;
}

export function checkSpanId(hex: string, where: string): string {
  if (hex.length !== 16 || hex === ZERO_SPAN)
    throw otlpError(`${where} has no valid spanId (8 bytes, not all zero)`, { field: 'spanId' });
  return hex;
}

/** An empty or all-zero parent is a root; anything else must be a span id. */
export function checkParentId(hex: string, where: string): string | null {
  if (hex === '' || hex === ZERO_SPAN) return null;
  if (hex.length !== 16)
    throw otlpError(`${where} has an invalid parentSpanId (8 bytes)`, { field: 'parentSpanId' });
  return hex;
}

/** Latest time accepted: year 9999 (an ISO string must stay four-digit). */
const MAX_MS = Date.UTC(9999, 11, 31);

export function checkTimes(
  startMs: number,
  endMs: number,
  where: string,
): { startMs: number; endMs: number } {
  if (!Number.isFinite(startMs) || startMs <= 0 || startMs > MAX_MS)
    throw otlpError(`${where} has no valid startTimeUnixNano`, { field: 'startTimeUnixNano' });
  if (!Number.isFinite(endMs) || endMs <= 0 || endMs > MAX_MS)
    throw otlpError(`${where} has no valid endTimeUnixNano`, { field: 'endTimeUnixNano' });
  if (endMs < startMs)
    throw otlpError(`${where} ends before it starts`, { field: 'endTimeUnixNano' });
  return { startMs, endMs };
}

export function checkString(value: string, where: string, key: string): string {
  if (value.length > MAX_ATTRIBUTE_CHARS)
    throw otlpError(
      `${where}: attribute "${key.slice(0, 128)}" is ${value.length} characters (the limit is ${MAX_ATTRIBUTE_CHARS})`,
      { field: `attributes.${key.slice(0, 128)}`, limit: MAX_ATTRIBUTE_CHARS },
    );
  return value;
}

export function checkDepth(depth: number, where: string, key: string): void {
  if (depth > MAX_VALUE_DEPTH)
    throw otlpError(
      `${where}: attribute "${key.slice(0, 128)}" nests more than ${MAX_VALUE_DEPTH} levels deep`,
      { field: `attributes.${key.slice(0, 128)}`, limit: MAX_VALUE_DEPTH },
    );
}

export function checkCount(count: number, limit: number, where: string, what: string): void {
  if (count > limit)
    throw otlpError(`${where} has ${count} ${what} (the limit is ${limit})`, {
      field: what,
      limit,
    });
}

export const ATTRIBUTE_LIMIT = MAX_ATTRIBUTES;

/**
 * Keys that would reach an object's prototype are kept apart: attributes become plain objects,
 * and `__proto__` as an own key must not set one.
 */
export function setAttribute(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}
