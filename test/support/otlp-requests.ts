import crypto from 'node:crypto';
import { exportTraceRequestType } from '../../main/tracing/otlp/otlp-proto-schema';

/** A span for a hand-built OTLP request: hex ids, times in unix ms, string/number/bool attributes. */
export interface TestSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startMs?: number;
  endMs?: number;
  attributes?: Record<string, unknown>;
  statusCode?: number;
}

export const newTraceId = (): string => crypto.randomBytes(16).toString('hex');
export const newSpanId = (): string => crypto.randomBytes(8).toString('hex');

function jsonValue(v: unknown): Record<string, unknown> {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number')
    return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(jsonValue) } };
  if (v && typeof v === 'object')
    return {
      kvlistValue: {
        values: Object.entries(v).map(([key, value]) => ({ key, value: jsonValue(value) })),
      },
    };
  return {};
}

const nanos = (ms: number): string => `${BigInt(Math.round(ms * 1000)) * 1000n}`;

/** An OTLP/JSON ExportTraceServiceRequest holding these spans. */
export function otlpJson(spans: readonly TestSpan[]): Record<string, unknown> {
  const now = Date.now();
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'test-app' } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: spans.map((s) => ({
              traceId: s.traceId,
              spanId: s.spanId,
              ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
              name: s.name,
              kind: 1,
              startTimeUnixNano: nanos(s.startMs ?? now),
              endTimeUnixNano: nanos(s.endMs ?? now + 5),
              attributes: Object.entries(s.attributes ?? {}).map(([key, value]) => ({
                key,
                value: jsonValue(value),
              })),
              status: { code: s.statusCode ?? 0 },
            })),
          },
        ],
      },
    ],
  };
}

/** The same request in protobuf (built with the decoder's own schema, from the JSON form). */
export function otlpProto(spans: readonly TestSpan[]): Uint8Array {
  const json = otlpJson(spans) as {
    resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
  };
  for (const rs of json.resourceSpans)
    for (const ss of rs.scopeSpans)
      for (const s of ss.spans)
        for (const key of ['traceId', 'spanId', 'parentSpanId'])
          if (typeof s[key] === 'string') s[key] = Buffer.from(s[key] as string, 'hex');
  const message = exportTraceRequestType.fromObject(json);
  return exportTraceRequestType.encode(message).finish();
}

/** A GenAI chat span with usage and content (what the bench and fuzz tests post). */
export function genAiSpan(traceId: string, parentSpanId?: string, n = 0): TestSpan {
  return {
    traceId,
    spanId: newSpanId(),
    parentSpanId,
    name: 'chat gpt-4o-mini',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 120 + n,
      'gen_ai.usage.output_tokens': 30,
      'gen_ai.input.messages': JSON.stringify([
        {
          role: 'user',
          parts: [{ type: 'text', content: `Question number ${n}: where is my parcel?` }],
        },
      ]),
      'gen_ai.output.messages': JSON.stringify([
        {
          role: 'assistant',
          parts: [{ type: 'text', content: `Answer ${n}: it ships tomorrow.` }],
          finish_reason: 'stop',
        },
      ]),
      'session.id': `s-${n % 50}`,
    },
  };
}
