import {
  httpStatusOf,
  toErrorPayload,
  type ErrorCode,
  type ErrorPayload,
} from '../../../shared/errors';
import { otlpEncodingOf } from './otlp-ingest';
import { badRequestType, rpcStatusType, type PbRpcStatus } from './otlp-proto-schema';

/*
 * OTLP/HTTP failures: the body of every 4xx/5xx is a google.rpc.Status, binary protobuf for a
 * protobuf request and JSON for a JSON one, with the request's Content-Type (OTLP
 * specification, "OTLP/HTTP Response" and "Failures"). The HTTP status stays Assay's (400, 401,
 * 413, 415, 500, 503): it is what exporters act on, and only 429/502/503/504 are retried.
 */

/**
 * google.rpc.Code for each Assay code. OTLP lets a server omit Status.code and clients only
 * record it; it is set anyway, with the collector's HTTP-to-gRPC mapping (400 INVALID_ARGUMENT,
 * 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 5xx UNAVAILABLE) and gRPC's own status-code table
 * where the collector has none: gRPC answers a message over the size limit RESOURCE_EXHAUSTED
 * (413) and a compression it does not support UNIMPLEMENTED, which fits a content type or
 * content encoding this server does not implement (415) better than INVALID_ARGUMENT, which
 * says the content itself is wrong. A Record over every code, so a new one must pick its own.
 */
const GRPC_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 3, // INVALID_ARGUMENT
  MALFORMED_REQUEST: 3,
  CONFIG_INVALID: 3,
  UNAUTHORIZED: 16, // UNAUTHENTICATED
  FORBIDDEN: 7, // PERMISSION_DENIED
  NOT_FOUND: 5, // NOT_FOUND
  UNKNOWN_CHANNEL: 12, // UNIMPLEMENTED
  CONFLICT: 10, // ABORTED
  CANCELLED: 1, // CANCELLED
  PAYLOAD_TOO_LARGE: 8, // RESOURCE_EXHAUSTED
  UNSUPPORTED_MEDIA_TYPE: 12, // UNIMPLEMENTED
  PROVIDER_RATE_LIMITED: 8,
  TOO_MANY_REQUESTS: 8, // RESOURCE_EXHAUSTED
  SECRET_STORE_UNAVAILABLE: 14, // UNAVAILABLE
  STORE_UNAVAILABLE: 14,
  PROVIDER_UNAVAILABLE: 14,
  PROVIDER_TIMEOUT: 4, // DEADLINE_EXCEEDED
  PROVIDER_REJECTED: 9, // FAILED_PRECONDITION
  PROVIDER_AUTH: 7,
  MIGRATION_FAILED: 13, // INTERNAL
  INTERNAL: 13,
};

export function grpcCodeOf(code: ErrorCode): number {
  return GRPC_CODE[code];
}

const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

/** The field a refusal names (`details.field`, e.g. `attributes.gen_ai.usage.input_tokens`). */
function fieldOf(payload: ErrorPayload): string | null {
  const details = payload.details;
  if (typeof details !== 'object' || details === null || !('field' in details)) return null;
  return typeof details.field === 'string' ? details.field : null;
}

/**
 * A 400 carries a google.rpc.BadRequest naming the field, as the specification's "Bad Data"
 * asks; the message (which also names the span) is its description.
 */
function badRequestOf(payload: ErrorPayload): { field: string; description: string } | null {
  const field = fieldOf(payload);
  return field !== null && httpStatusOf(payload.code) === 400
    ? { field, description: payload.message }
    : null;
}

/** `MALFORMED_REQUEST: /v1/traces: span 1 (...): ...`: the Assay code stays readable. */
function statusMessage(payload: ErrorPayload): string {
  return `${payload.code}: ${payload.message}`;
}

/** The binary google.rpc.Status of a refusal. */
export function encodeRpcStatus(payload: ErrorPayload): Uint8Array {
  const violation = badRequestOf(payload);
  const status: PbRpcStatus = {
    code: grpcCodeOf(payload.code),
    message: statusMessage(payload),
    details: violation
      ? [
          {
            type_url: BAD_REQUEST_TYPE_URL,
            value: badRequestType.encode({ fieldViolations: [violation] }).finish(),
          },
        ]
      : [],
  };
  return rpcStatusType.encode(status).finish();
}

/**
 * The JSON google.rpc.Status of a refusal (proto3 JSON: an Any is its fields plus `@type`).
 * It also carries Assay's usual `error: { code, message, details }`, so Assay's own clients and
 * scripts read OTLP refusals like every other API error. That is allowed: the specification
 * says OTLP/JSON receivers MUST ignore fields with unknown names, and exporters only log
 * the body (the OpenTelemetry JS exporters keep it as text on the export error).
 */
export function jsonRpcStatus(payload: ErrorPayload): Record<string, unknown> {
  const violation = badRequestOf(payload);
  return {
    code: grpcCodeOf(payload.code),
    message: statusMessage(payload),
    details: violation ? [{ '@type': BAD_REQUEST_TYPE_URL, fieldViolations: [violation] }] : [],
    error: payload,
  };
}

/**
 * The answer to a refused /v1/traces request, in the encoding its content-type names. A
 * content type that is not OTLP (the 415) names no encoding: that answer is JSON.
 */
export function otlpErrorResponse(err: unknown, contentType: string | undefined): Response {
  const payload = toErrorPayload(err);
  const status = httpStatusOf(payload.code);
  if (otlpEncodingOf(contentType) === 'protobuf')
    return new Response(encodeRpcStatus(payload), {
      status,
      headers: { 'content-type': 'application/x-protobuf' },
    });
  return Response.json(jsonRpcStatus(payload), { status });
}
