import type { OtlpEvent, OtlpSpan } from './otlp-types';
import { MAX_EVENTS, MAX_SPANS_PER_REQUEST } from './otlp-limits';
import { otlpError, spanLabel } from './otlp-error';
import type { PbAnyValue, PbKeyValue, PbRequest } from './otlp-proto-schema';
import { readExportTraceRequest } from './otlp-proto-reader';
import { hex, longValue, nanosToMs } from './proto-scalars';
import {
  ATTRIBUTE_LIMIT,
  checkCount,
  checkDepth,
  checkParentId,
  checkSpanId,
  checkString,
  checkTimes,
  checkTraceId,
  setAttribute,
} from './otlp-values';

function anyValue(v: PbAnyValue | undefined, where: string, key: string, depth: number): unknown {
  if (!v) return null;
  switch (v.value) {
    case 'stringValue':
      return checkString(v.stringValue ?? '', where, key);
    case 'boolValue':
      return v.boolValue === true;
    case 'intValue':
      return longValue(v.intValue ?? 0);
    case 'doubleValue':
      return v.doubleValue ?? 0;
    case 'bytesValue': {
      const b = v.bytesValue ?? new Uint8Array();
      return checkString(Buffer.from(b).toString('base64'), where, key);
    }
    case 'arrayValue': {
      checkDepth(depth + 1, where, key);
      const values = v.arrayValue?.values ?? [];
      checkCount(values.length, ATTRIBUTE_LIMIT, where, `values in "${key.slice(0, 64)}"`);
      return values.map((item) => anyValue(item, where, key, depth + 1));
    }
    case 'kvlistValue': {
      checkDepth(depth + 1, where, key);
      return keyValues(v.kvlistValue?.values ?? [], where, depth + 1, key);
    }
    default:
      return null;
  }
}

function keyValues(
  list: readonly PbKeyValue[],
  where: string,
  depth: number,
  parentKey = '',
): Record<string, unknown> {
  checkCount(list.length, ATTRIBUTE_LIMIT, where, 'attributes');
  const out: Record<string, unknown> = {};
  for (const kv of list) {
    const key = parentKey ? `${parentKey}.${kv.key}` : kv.key;
    setAttribute(out, kv.key, anyValue(kv.value, where, key, depth));
  }
  return out;
}

/**
 * Decodes an OTLP/HTTP protobuf body (ExportTraceServiceRequest) into checked spans. Throws a
 * coded MALFORMED_REQUEST for bytes that are not the message, and for any span that breaks the
 * rules (ids, times, sizes), naming it.
 */
export function decodeOtlpProtobuf(body: Uint8Array): OtlpSpan[] {
  let request: PbRequest;
  try {
    request = readExportTraceRequest(body);
  } catch (err) {
    // Truncated or garbled bytes, a wrong wire type, or nesting deep enough to exhaust the stack.
    throw otlpError(
      `body is not an OTLP ExportTraceServiceRequest in protobuf: ${messageOf(err)}`,
      {
        field: '(body)',
      },
    );
  }
  return spansOfRequest(request);
}

/** A decoded request's spans, checked (protobufjs's decoded objects read the same). */
export function spansOfRequest(request: PbRequest): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  for (const rs of request.resourceSpans) {
    const resource = keyValues(rs.resource?.attributes ?? [], 'resource', 0);
    for (const ss of rs.scopeSpans) {
      for (const s of ss.spans) {
        const index = spans.length;
        checkCount(index + 1, MAX_SPANS_PER_REQUEST, 'the request', 'spans');
        const spanId = hex(s.spanId);
        const where = spanLabel(index, spanId);
        checkCount(s.events.length, MAX_EVENTS, where, 'events');
        const events: OtlpEvent[] = s.events.map((e) => ({
          name: e.name,
          timeMs: nanosToMs(e.timeUnixNano),
          attributes: keyValues(e.attributes, where, 0),
        }));
        const startMs = nanosToMs(s.startTimeUnixNano);
        const endMs = nanosToMs(s.endTimeUnixNano);
        checkTimes(startMs, endMs, where);
        spans.push({
          traceId: checkTraceId(hex(s.traceId), where),
          spanId: checkSpanId(spanId, where),
          parentSpanId: checkParentId(hex(s.parentSpanId), where),
          name: s.name,
          startMs,
          endMs,
          attributes: keyValues(s.attributes, where, 0),
          events,
          statusCode: s.status?.code ?? 0,
          statusMessage: s.status?.message ?? '',
          resource,
        });
      }
    }
  }
  return spans;
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 200);
}
