/**
 * An OTLP export request after decoding, whichever encoding it came in (protobuf or JSON):
 * ids as lowercase hex, times as unix milliseconds (fractional), attribute values as plain JS
 * values (AnyValue flattened: kvlist -> object, array -> array, bytes -> base64 text).
 */
export interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly attributes: Record<string, unknown>;
  readonly events: readonly OtlpEvent[];
  /** 2 is ERROR in OTLP's StatusCode. */
  readonly statusCode: number;
  readonly statusMessage: string;
  /** The service and scope that produced the span, from its resource. */
  readonly resource: Record<string, unknown>;
}

export interface OtlpEvent {
  readonly name: string;
  readonly timeMs: number;
  readonly attributes: Record<string, unknown>;
}

/** Where in the request a value sits, for the error that names it. */
export interface SpanPlace {
  readonly index: number;
  readonly spanId: string;
}
