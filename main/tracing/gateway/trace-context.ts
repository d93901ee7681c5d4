import { randomUUID } from 'node:crypto';

export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentId: string | null;
  /** Why a `traceparent` sent was not used; null when none was sent or it was valid. */
  readonly warning: string | null;
}

/**
 * Random hex from randomUUID, which draws on a cached entropy pool: randomBytes per call was
 * a synchronous syscall on every proxied request. The UUID's version and variant digits are
 * dropped, so every digit kept is random.
 */
function randomHex(digits: 16 | 32): string {
  const a = randomUUID().replaceAll('-', '');
  const hex = a.slice(0, 12) + a.slice(13, 16) + a.slice(17);
  if (digits === 16) return hex.slice(0, 16);
  const b = randomUUID().replaceAll('-', '');
  return hex + (b.slice(0, 12) + b.slice(13, 16) + b.slice(17)).slice(0, 2);
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * The call's place in a trace from a W3C `traceparent` (version-traceid-parentid-flags): the
 * span joins that trace under that parent. An invalid one (all-zero ids, version ff, bad hex)
 * starts a new trace instead, as the W3C spec asks of a receiver, and says why. Ids are W3C
 * hex (32 and 16 digits), like the spans an app's OpenTelemetry SDK exports to /v1/traces.
 */
export function traceContext(traceparent: string | undefined): TraceContext {
  const spanId = randomHex(16);
  const fresh = (warning: string | null): TraceContext => ({
    traceId: randomHex(32),
    spanId,
    parentId: null,
    warning,
  });
  if (traceparent === undefined) return fresh(null);
  const match = TRACEPARENT.exec(traceparent.trim());
  if (!match) return fresh('traceparent ignored: not version-traceid-parentid-flags in hex');
  const [, version, traceId, parentId, , rest] = match;
  if (version === 'ff') return fresh('traceparent ignored: version ff is invalid');
  if (version === '00' && rest !== undefined)
    return fresh('traceparent ignored: version 00 has exactly four fields');
  if (/^0+$/.test(traceId!) || /^0+$/.test(parentId!))
    return fresh('traceparent ignored: all-zero trace or parent id');
  return { traceId: traceId!, spanId, parentId: parentId!, warning: null };
}
