import protobuf from 'protobufjs';

/*
 * The messages of opentelemetry/proto/collector/trace/v1 (ExportTraceServiceRequest) that ingest
 * reads, as a protobufjs descriptor: field numbers and wire types from the OTLP .proto files.
 * Fields left out (links, trace_state, flags, dropped counts, schema urls) are skipped by the
 * decoder as unknown fields. Enums are read as int32 (same wire type), so an unknown value is
 * just a number. Ingest reads requests with otlp-proto-reader.ts, which reads exactly what
 * protobufjs's decoder for this descriptor reads (its tests hold it to that); the descriptor
 * stays the reference, and what tests and benches encode with.
 */
const keyValue = {
  fields: {
    key: { type: 'string', id: 1 },
    value: { type: 'AnyValue', id: 2 },
  },
};

const descriptor = {
  nested: {
    otlp: {
      nested: {
        AnyValue: {
          oneofs: {
            value: {
              oneof: [
                'stringValue',
                'boolValue',
                'intValue',
                'doubleValue',
                'arrayValue',
                'kvlistValue',
                'bytesValue',
              ],
            },
          },
          fields: {
            stringValue: { type: 'string', id: 1 },
            boolValue: { type: 'bool', id: 2 },
            intValue: { type: 'int64', id: 3 },
            doubleValue: { type: 'double', id: 4 },
            arrayValue: { type: 'ArrayValue', id: 5 },
            kvlistValue: { type: 'KeyValueList', id: 6 },
            bytesValue: { type: 'bytes', id: 7 },
          },
        },
        ArrayValue: { fields: { values: { rule: 'repeated', type: 'AnyValue', id: 1 } } },
        KeyValueList: { fields: { values: { rule: 'repeated', type: 'KeyValue', id: 1 } } },
        KeyValue: keyValue,
        Resource: { fields: { attributes: { rule: 'repeated', type: 'KeyValue', id: 1 } } },
        InstrumentationScope: {
          fields: { name: { type: 'string', id: 1 }, version: { type: 'string', id: 2 } },
        },
        Status: {
          fields: { message: { type: 'string', id: 2 }, code: { type: 'int32', id: 3 } },
        },
        Event: {
          fields: {
            timeUnixNano: { type: 'fixed64', id: 1 },
            name: { type: 'string', id: 2 },
            attributes: { rule: 'repeated', type: 'KeyValue', id: 3 },
          },
        },
        Span: {
          fields: {
            traceId: { type: 'bytes', id: 1 },
            spanId: { type: 'bytes', id: 2 },
            parentSpanId: { type: 'bytes', id: 4 },
            name: { type: 'string', id: 5 },
            kind: { type: 'int32', id: 6 },
            startTimeUnixNano: { type: 'fixed64', id: 7 },
            endTimeUnixNano: { type: 'fixed64', id: 8 },
            attributes: { rule: 'repeated', type: 'KeyValue', id: 9 },
            events: { rule: 'repeated', type: 'Event', id: 11 },
            status: { type: 'Status', id: 15 },
          },
        },
        ScopeSpans: {
          fields: {
            scope: { type: 'InstrumentationScope', id: 1 },
            spans: { rule: 'repeated', type: 'Span', id: 2 },
          },
        },
        ResourceSpans: {
          fields: {
            resource: { type: 'Resource', id: 1 },
            scopeSpans: { rule: 'repeated', type: 'ScopeSpans', id: 2 },
          },
        },
        ExportTraceServiceRequest: {
          fields: { resourceSpans: { rule: 'repeated', type: 'ResourceSpans', id: 1 } },
        },
      },
    },
    /*
     * The body of every OTLP/HTTP failure (google/rpc/status.proto), and the BadRequest its
     * details carry for a 400 (google/rpc/error_details.proto). Any keeps the proto's own
     * snake_case `type_url`: protobufjs's built-in wrapper for google.protobuf.Any reads it.
     */
    google: {
      nested: {
        protobuf: {
          nested: {
            Any: {
              fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } },
            },
          },
        },
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: 'int32', id: 1 },
                message: { type: 'string', id: 2 },
                details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 },
              },
            },
            BadRequest: {
              fields: { fieldViolations: { rule: 'repeated', type: 'FieldViolation', id: 1 } },
              nested: {
                FieldViolation: {
                  fields: {
                    field: { type: 'string', id: 1 },
                    description: { type: 'string', id: 2 },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);

export const exportTraceRequestType = root.lookupType('otlp.ExportTraceServiceRequest');
export const rpcStatusType = root.lookupType('google.rpc.Status');
export const badRequestType = root.lookupType('google.rpc.BadRequest');

/** google.rpc.Status as encoded and decoded here (details are Any: a type URL and its bytes). */
export interface PbRpcStatus {
  code: number;
  message: string;
  details: { type_url: string; value: Uint8Array }[];
}

/* The decoded shapes (protobufjs leaves absent fields to the prototype's defaults). */
export type LongLike = number | { low: number; high: number; unsigned?: boolean };

export interface PbAnyValue {
  value?: string;
  stringValue?: string;
  boolValue?: boolean;
  intValue?: LongLike;
  doubleValue?: number;
  arrayValue?: { values: PbAnyValue[] };
  kvlistValue?: { values: PbKeyValue[] };
  bytesValue?: Uint8Array;
}
export interface PbKeyValue {
  key: string;
  value?: PbAnyValue;
}
export interface PbEvent {
  timeUnixNano: LongLike;
  name: string;
  attributes: PbKeyValue[];
}
export interface PbSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  kind: number;
  startTimeUnixNano: LongLike;
  endTimeUnixNano: LongLike;
  attributes: PbKeyValue[];
  events: PbEvent[];
  status?: { message: string; code: number };
}
export interface PbRequest {
  resourceSpans: {
    resource?: { attributes: PbKeyValue[] };
    scopeSpans: { scope?: { name: string; version: string }; spans: PbSpan[] }[];
  }[];
}
