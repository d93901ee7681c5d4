import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Span payloads at rest: a request and answer of more than a few hundred bytes are stored
 * deflated, together, in one column (about 2x on chat payloads of 200-3,000 characters,
 * bench/traces-store.bench.ts; deflating spans one by one cannot share a dictionary). Smaller ones stay as
 * JSON text, where compression would save nothing. Frame before deflating: one flag byte
 * (1 = an answer follows), the request's byte length (uint32 BE), the request, the answer.
 */
const COMPRESS_FROM_BYTES = 512;
const HEADER_BYTES = 5;

export interface StoredPayload {
  readonly requestJson: string | null;
  readonly responseJson: string | null;
  readonly payloadZ: Uint8Array | null;
}

export function packPayload(requestJson: string, responseJson: string | null): StoredPayload {
  if (requestJson.length + (responseJson?.length ?? 0) < COMPRESS_FROM_BYTES)
    return { requestJson, responseJson, payloadZ: null };
  return {
    requestJson: null,
    responseJson: null,
    payloadZ: deflatePayload(requestJson, responseJson),
  };
}

/** The framed, deflated request and answer (the `payload_z` column, or a blob on the team server). */
export function deflatePayload(requestJson: string, responseJson: string | null): Uint8Array {
  const request = Buffer.from(requestJson, 'utf8');
  const response = responseJson === null ? null : Buffer.from(responseJson, 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(response === null ? 0 : 1, 0);
  header.writeUInt32BE(request.length, 1);
  const framed = Buffer.concat(response ? [header, request, response] : [header, request]);
  // Level 1: ingest runs at tens of thousands of spans a second; higher levels save little more.
  return deflateRawSync(framed, { level: 1 });
}

export function inflatePayload(payloadZ: Uint8Array): {
  requestJson: string;
  responseJson: string | null;
} {
  const framed = inflateRawSync(payloadZ);
  const hasResponse = framed.readUInt8(0) === 1;
  const requestEnd = HEADER_BYTES + framed.readUInt32BE(1);
  return {
    requestJson: framed.toString('utf8', HEADER_BYTES, requestEnd),
    responseJson: hasResponse ? framed.toString('utf8', requestEnd) : null,
  };
}

export function unpackPayload(stored: StoredPayload): {
  requestJson: string;
  responseJson: string | null;
} {
  if (!stored.payloadZ)
    return { requestJson: stored.requestJson ?? 'null', responseJson: stored.responseJson };
  return inflatePayload(stored.payloadZ);
}
