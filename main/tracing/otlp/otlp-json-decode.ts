import type { OtlpEvent, OtlpSpan } from './otlp-types';
import { MAX_EVENTS, MAX_SPANS_PER_REQUEST } from './otlp-limits';
import { otlpError, spanLabel } from './otlp-error';
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

/*
 * OTLP/JSON (the protobuf JSON mapping with OTLP's exceptions): ids are hex strings, enums
 * integers, 64-bit integers strings or numbers, field names lowerCamelCase. Leniencies: the
 * proto's snake_case names, base64 ids (older exporters), enum names for the status code.
 */

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(o: Obj, camel: string, snake: string): unknown {
  return Object.hasOwn(o, camel) ? o[camel] : Object.hasOwn(o, snake) ? o[snake] : undefined;
}

function wrong(where: string, name: string, expected: string): never {
  throw otlpError(`${where}: "${name}" must be ${expected}`, { field: name });
}

function list(o: Obj, camel: string, snake: string, where: string): unknown[] {
  const v = field(o, camel, snake);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) wrong(where, camel, 'an array');
  return v;
}

function obj(v: unknown, where: string, name: string): Obj {
  if (!isObj(v)) wrong(where, name, 'an object');
  return v;
}

function str(o: Obj, camel: string, snake: string, where: string): string {
  const v = field(o, camel, snake);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') wrong(where, camel, 'a string');
  return v;
}

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A hex id, or base64 of the id's bytes (what some older JSON exporters sent). */
function id(o: Obj, camel: string, snake: string, where: string, bytes: number): string {
  const v = str(o, camel, snake, where);
  if (v.length === bytes * 2 && HEX.test(v)) return v.toLowerCase();
  if (v !== '' && v.length === Math.ceil(bytes / 3) * 4 && BASE64.test(v)) {
    const decoded = Buffer.from(v, 'base64');
    if (decoded.length === bytes) return decoded.toString('hex');
  }
  return v === '' ? '' : 'invalid';
}

const DIGITS = /^\d{1,20}$/;

/** Unix nanoseconds (a decimal string or a number) as milliseconds. */
function nanosToMs(o: Obj, camel: string, snake: string, where: string): number {
  const v = field(o, camel, snake);
  if (v === undefined || v === null) return 0;
  // Exact to the microsecond (see the protobuf decoder's nanosToMs).
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return Math.round(v / 1000) / 1000;
  if (typeof v === 'string' && DIGITS.test(v)) return Number(BigInt(v) / 1000n) / 1000;
  return wrong(where, camel, 'unix nanoseconds (a decimal string or number)');
}

const STATUS_NAMES: Record<string, number> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

function statusCode(v: unknown, where: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && v in STATUS_NAMES) return STATUS_NAMES[v]!;
  return wrong(where, 'status.code', 'a StatusCode (0, 1, 2 or its name)');
}

const INT = /^-?\d{1,20}$/;

function anyValue(raw: unknown, where: string, key: string, depth: number): unknown {
  if (raw === undefined || raw === null) return null;
  const v = obj(raw, where, `attributes.${key}`);
  if ('stringValue' in v || 'string_value' in v) {
    const s = field(v, 'stringValue', 'string_value');
    if (typeof s !== 'string') wrong(where, `attributes.${key}.stringValue`, 'a string');
    return checkString(s, where, key);
  }
  if ('boolValue' in v || 'bool_value' in v) {
    const b = field(v, 'boolValue', 'bool_value');
    if (typeof b !== 'boolean') wrong(where, `attributes.${key}.boolValue`, 'a boolean');
    return b;
  }
  if ('intValue' in v || 'int_value' in v) {
    const n = field(v, 'intValue', 'int_value');
    if (typeof n === 'number' && Number.isInteger(n)) return n;
    if (typeof n === 'string' && INT.test(n)) {
      const num = Number(n);
      return Number.isSafeInteger(num) ? num : BigInt.asIntN(64, BigInt(n)).toString();
    }
    return wrong(where, `attributes.${key}.intValue`, 'an integer');
  }
  if ('doubleValue' in v || 'double_value' in v) {
    const d = field(v, 'doubleValue', 'double_value');
    if (typeof d === 'number') return d;
    // The JSON mapping writes non-finite doubles and sometimes numbers as strings.
    if (typeof d === 'string' && d.trim() !== '' && !Number.isNaN(Number(d))) return Number(d);
    if (d === 'NaN') return null;
    return wrong(where, `attributes.${key}.doubleValue`, 'a number');
  }
  if ('bytesValue' in v || 'bytes_value' in v) {
    const b = field(v, 'bytesValue', 'bytes_value');
    if (typeof b !== 'string' || !BASE64.test(b))
      wrong(where, `attributes.${key}.bytesValue`, 'base64 text');
    return checkString(b, where, key);
  }
  if ('arrayValue' in v || 'array_value' in v) {
    checkDepth(depth + 1, where, key);
    const arr = obj(field(v, 'arrayValue', 'array_value'), where, `attributes.${key}.arrayValue`);
    const values = list(arr, 'values', 'values', where);
    checkCount(values.length, ATTRIBUTE_LIMIT, where, `values in "${key.slice(0, 64)}"`);
    return values.map((item) => anyValue(item, where, key, depth + 1));
  }
  if ('kvlistValue' in v || 'kvlist_value' in v) {
    checkDepth(depth + 1, where, key);
    const kv = obj(field(v, 'kvlistValue', 'kvlist_value'), where, `attributes.${key}.kvlistValue`);
    return keyValues(list(kv, 'values', 'values', where), where, depth + 1, key);
  }
  // An AnyValue with no value set is an empty value, as in protobuf.
  return null;
}

function keyValues(
  items: readonly unknown[],
  where: string,
  depth: number,
  parentKey = '',
): Record<string, unknown> {
  checkCount(items.length, ATTRIBUTE_LIMIT, where, 'attributes');
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const kv = obj(item, where, 'attributes[]');
    const key = kv.key;
    if (typeof key !== 'string') wrong(where, 'attributes[].key', 'a string');
    const path = parentKey ? `${parentKey}.${key}` : key;
    setAttribute(out, key, anyValue(kv.value, where, path, depth));
  }
  return out;
}

/** Decodes a parsed OTLP/JSON body into checked spans (see decodeOtlpProtobuf). */
export function decodeOtlpJson(body: unknown): OtlpSpan[] {
  const request = obj(body ?? {}, 'body', '(body)');
  const spans: OtlpSpan[] = [];
  for (const rsRaw of list(request, 'resourceSpans', 'resource_spans', 'body')) {
    const rs = obj(rsRaw, 'body', 'resourceSpans[]');
    const resourceRaw = field(rs, 'resource', 'resource');
    const resource =
      resourceRaw === undefined || resourceRaw === null
        ? {}
        : keyValues(
            list(obj(resourceRaw, 'resource', 'resource'), 'attributes', 'attributes', 'resource'),
            'resource',
            0,
          );
    for (const ssRaw of list(rs, 'scopeSpans', 'scope_spans', 'body')) {
      const ss = obj(ssRaw, 'body', 'scopeSpans[]');
      for (const sRaw of list(ss, 'spans', 'spans', 'body')) {
        const index = spans.length;
        checkCount(index + 1, MAX_SPANS_PER_REQUEST, 'the request', 'spans');
        const s = obj(sRaw, `span ${index}`, 'spans[]');
        const spanId = id(s, 'spanId', 'span_id', `span ${index}`, 8);
        const where = spanLabel(index, spanId);
        const eventsRaw = list(s, 'events', 'events', where);
        checkCount(eventsRaw.length, MAX_EVENTS, where, 'events');
        const events: OtlpEvent[] = eventsRaw.map((eRaw) => {
          const e = obj(eRaw, where, 'events[]');
          return {
            name: str(e, 'name', 'name', where),
            timeMs: nanosToMs(e, 'timeUnixNano', 'time_unix_nano', where),
            attributes: keyValues(list(e, 'attributes', 'attributes', where), where, 0),
          };
        });
        const statusRaw = field(s, 'status', 'status');
        const status =
          statusRaw === undefined || statusRaw === null ? {} : obj(statusRaw, where, 'status');
        const times = checkTimes(
          nanosToMs(s, 'startTimeUnixNano', 'start_time_unix_nano', where),
          nanosToMs(s, 'endTimeUnixNano', 'end_time_unix_nano', where),
          where,
        );
        spans.push({
          traceId: checkTraceId(id(s, 'traceId', 'trace_id', where, 16), where),
          spanId: checkSpanId(spanId, where),
          parentSpanId: checkParentId(id(s, 'parentSpanId', 'parent_span_id', where, 8), where),
          name: str(s, 'name', 'name', where),
          ...times,
          attributes: keyValues(list(s, 'attributes', 'attributes', where), where, 0),
          events,
          statusCode: statusCode(status.code, where),
          statusMessage: str(status, 'message', 'message', where),
          resource,
        });
      }
    }
  }
  return spans;
}
