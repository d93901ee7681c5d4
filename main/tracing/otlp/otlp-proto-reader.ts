import protobuf from 'protobufjs';
import type {
  LongLike,
  PbAnyValue,
  PbEvent,
  PbKeyValue,
  PbRequest,
  PbSpan,
} from './otlp-proto-schema';

/*
 * ExportTraceServiceRequest bytes read into plain objects of the Pb* shapes, as protobufjs's
 * generated decoder for the descriptor in otlp-proto-schema.ts reads them, field for field: a
 * known field with the wrong wire type is skipped as unknown, a repeated singular message is
 * merged into the first, the last AnyValue member wins, strings are checked UTF-8, and the same
 * Reader calls throw the same errors (otlp-proto-reader.test.ts holds the two to it). What it
 * saves: protobufjs builds each message through its class and, for every AnyValue, deletes the
 * six other oneof members one by one; over a 512-span batch that was a third of its decode time.
 */

const { Reader } = protobuf;
type Reader = protobuf.Reader;

/** Wire types. */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH = 2;

/*
 * Attribute keys repeat across the spans of a batch, and of every batch. The last key seen in
 * each of 256 slots (by a hash of its bytes) is kept with its bytes, copied: the same bytes read
 * again give the same string without decoding it, and that string is already a property key
 * (V8 interns each new key it stores, after flattening it). A key of other bytes, a long one or
 * one past the end is read by stringVerify as before (its error included).
 */
const KEY_SLOTS = 256;
const MAX_CACHED_KEY_BYTES = 64;
const cachedKeyBytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(KEY_SLOTS);
const cachedKeys: string[] = new Array<string>(KEY_SLOTS);

function sameBytes(a: Uint8Array, buf: Uint8Array, at: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[at + i]) return false;
  return true;
}

function attributeKey(r: Reader): string {
  const start = r.pos;
  const length = r.size();
  const at = r.pos;
  const end = at + length;
  if (length === 0 || length > MAX_CACHED_KEY_BYTES || end > r.len) {
    r.pos = start;
    return r.stringVerify();
  }
  const buf = r.buf;
  let hash = length;
  for (let i = at; i < end; i++) hash = (Math.imul(hash, 31) + buf[i]!) | 0;
  const slot = hash & (KEY_SLOTS - 1);
  const cached = cachedKeyBytes[slot];
  if (cached !== undefined && cached.length === length && sameBytes(cached, buf, at)) {
    r.pos = end;
    return cachedKeys[slot]!;
  }
  r.pos = start;
  const key = r.stringVerify();
  // A copy: a view would keep the whole request body alive.
  cachedKeyBytes[slot] = new Uint8Array(buf.subarray(at, end));
  cachedKeys[slot] = key;
  return key;
}

/** Enters a length-delimited message: its end, after the checks protobufjs makes. */
function enter(r: Reader, length: number, depth: number): number {
  if (depth > Reader.recursionLimit) throw Error('max depth exceeded');
  const end = r.pos + length;
  if (end > r.len) throw RangeError('index out of range');
  return end;
}

/** Leaves it: the message must end where its length said. */
function leave(r: Reader, end: number, outerLen: number): void {
  if (r.pos !== end) throw RangeError('index out of range');
  r.len = outerLen;
}

function anyValue(r: Reader, length: number, depth: number, into?: PbAnyValue): PbAnyValue {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m: PbAnyValue = into ?? { value: undefined };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) {
      m.stringValue = r.stringVerify();
      m.value = 'stringValue';
    } else if (field === 2 && wire === VARINT) {
      m.boolValue = r.bool();
      m.value = 'boolValue';
    } else if (field === 3 && wire === VARINT) {
      m.intValue = r.int64() as LongLike;
      m.value = 'intValue';
    } else if (field === 4 && wire === FIXED64) {
      m.doubleValue = r.double();
      m.value = 'doubleValue';
    } else if (field === 5 && wire === LENGTH) {
      // A repeated member merges into the one before; after another member it starts anew.
      const before = m.value === 'arrayValue' ? m.arrayValue : undefined;
      m.arrayValue = arrayValue(r, r.size(), depth + 1, before);
      m.value = 'arrayValue';
    } else if (field === 6 && wire === LENGTH) {
      const before = m.value === 'kvlistValue' ? m.kvlistValue : undefined;
      m.kvlistValue = keyValueList(r, r.size(), depth + 1, before);
      m.value = 'kvlistValue';
    } else if (field === 7 && wire === LENGTH) {
      m.bytesValue = r.bytes();
      m.value = 'bytesValue';
    } else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

function arrayValue(
  r: Reader,
  length: number,
  depth: number,
  into?: { values: PbAnyValue[] },
): { values: PbAnyValue[] } {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m = into ?? { values: [] };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) m.values.push(anyValue(r, r.size(), depth + 1));
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

function keyValueList(
  r: Reader,
  length: number,
  depth: number,
  into?: { values: PbKeyValue[] },
): { values: PbKeyValue[] } {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m = into ?? { values: [] };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) m.values.push(keyValue(r, r.size(), depth + 1));
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

function keyValue(r: Reader, length: number, depth: number): PbKeyValue {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m: PbKeyValue = { key: '', value: undefined };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) m.key = attributeKey(r);
    else if (field === 2 && wire === LENGTH) m.value = anyValue(r, r.size(), depth + 1, m.value);
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

/** Resource and KeyValueList alike: attributes in field 1 (a Resource merges when repeated). */
function attributesMessage(
  r: Reader,
  length: number,
  depth: number,
  into?: { attributes: PbKeyValue[] },
): { attributes: PbKeyValue[] } {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m = into ?? { attributes: [] };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) m.attributes.push(keyValue(r, r.size(), depth + 1));
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

/** InstrumentationScope: read for its checks only (ingest keeps nothing of it). */
function scope(r: Reader, length: number, depth: number): void {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if ((field === 1 || field === 2) && wire === LENGTH) r.stringVerify();
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
}

function status(
  r: Reader,
  length: number,
  depth: number,
  into?: { message: string; code: number },
): { message: string; code: number } {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m = into ?? { message: '', code: 0 };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 2 && wire === LENGTH) m.message = r.stringVerify();
    else if (field === 3 && wire === VARINT) m.code = r.int32();
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

function event(r: Reader, length: number, depth: number): PbEvent {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m: PbEvent = { timeUnixNano: 0, name: '', attributes: [] };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === FIXED64) m.timeUnixNano = r.fixed64() as LongLike;
    else if (field === 2 && wire === LENGTH) m.name = r.stringVerify();
    else if (field === 3 && wire === LENGTH) m.attributes.push(keyValue(r, r.size(), depth + 1));
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

const NO_BYTES = new Uint8Array(0);

function span(r: Reader, length: number, depth: number): PbSpan {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m: PbSpan = {
    traceId: NO_BYTES,
    spanId: NO_BYTES,
    parentSpanId: NO_BYTES,
    name: '',
    kind: 0,
    startTimeUnixNano: 0,
    endTimeUnixNano: 0,
    attributes: [],
    events: [],
    status: undefined,
  };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) m.traceId = r.bytes();
    else if (field === 2 && wire === LENGTH) m.spanId = r.bytes();
    else if (field === 4 && wire === LENGTH) m.parentSpanId = r.bytes();
    else if (field === 5 && wire === LENGTH) m.name = r.stringVerify();
    else if (field === 6 && wire === VARINT) m.kind = r.int32();
    else if (field === 7 && wire === FIXED64) m.startTimeUnixNano = r.fixed64() as LongLike;
    else if (field === 8 && wire === FIXED64) m.endTimeUnixNano = r.fixed64() as LongLike;
    else if (field === 9 && wire === LENGTH) m.attributes.push(keyValue(r, r.size(), depth + 1));
    else if (field === 11 && wire === LENGTH) m.events.push(event(r, r.size(), depth + 1));
    else if (field === 15 && wire === LENGTH) m.status = status(r, r.size(), depth + 1, m.status);
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

type PbScopeSpans = PbRequest['resourceSpans'][number]['scopeSpans'][number];

function scopeSpans(r: Reader, length: number, depth: number): PbScopeSpans {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m: PbScopeSpans = { spans: [] };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) scope(r, r.size(), depth + 1);
    else if (field === 2 && wire === LENGTH) m.spans.push(span(r, r.size(), depth + 1));
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

type PbResourceSpans = PbRequest['resourceSpans'][number];

function resourceSpans(r: Reader, length: number, depth: number): PbResourceSpans {
  const end = enter(r, length, depth);
  const outerLen = r.len;
  r.len = end;
  const m: PbResourceSpans = { resource: undefined, scopeSpans: [] };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH)
      m.resource = attributesMessage(r, r.size(), depth + 1, m.resource);
    else if (field === 2 && wire === LENGTH) m.scopeSpans.push(scopeSpans(r, r.size(), depth + 1));
    else r.skipType(wire, depth, field);
  }
  leave(r, end, outerLen);
  return m;
}

/** The request in a body; throws protobufjs's errors for bytes that are not one. */
export function readExportTraceRequest(body: Uint8Array): PbRequest {
  const r = Reader.create(body);
  const end = r.len;
  const m: PbRequest = { resourceSpans: [] };
  while (r.pos < end) {
    const tag = r.tag();
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wire === LENGTH) m.resourceSpans.push(resourceSpans(r, r.size(), 1));
    else r.skipType(wire, 0, field);
  }
  return m;
}
