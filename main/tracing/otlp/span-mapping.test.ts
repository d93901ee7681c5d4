import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { otlpJson, otlpProto, type TestSpan } from '../../../test/support/otlp-requests';
import { decodeOtlpProtobuf } from './otlp-proto-decode';
import { decodeOtlpJson } from './otlp-json-decode';
import { mapSpan, type MappingContext } from './span-mapping';

const ctx: MappingContext = {
  secrets: ['zq-known-secret-12345'],
  // 1 pico-dollar per token of any kind, for openai only: enough to see which usage is priced.
  cost: (provider, _model, u) =>
    provider === 'openai'
      ? u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens
      : null,
  prompts: new Map([['support@production', 'pv-1']]),
};

const TRACE = 'ab'.repeat(16);
const SPAN = 'cd'.repeat(8);

function mapOne(attributes: Record<string, unknown>, extra: Partial<TestSpan> = {}) {
  const [span] = decodeOtlpJson(
    otlpJson([{ traceId: TRACE, spanId: SPAN, name: 'op', attributes, ...extra }]),
  );
  return mapSpan(span!, 0, ctx);
}

describe('mapSpan', () => {
  it('reads the older indexed gen_ai.prompt / gen_ai.completion attributes with tool calls', () => {
    const span = mapOne({
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'aws.bedrock',
      'gen_ai.request.model': 'anthropic.claude-3-5-haiku-20241022-v1:0',
      'gen_ai.prompt.1.role': 'user',
      'gen_ai.prompt.1.content': 'second',
      'gen_ai.prompt.0.role': 'system',
      'gen_ai.prompt.0.content': 'first',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': '',
      'gen_ai.completion.0.finish_reason': 'tool_calls',
      'gen_ai.completion.0.tool_calls.0.id': 'call_1',
      'gen_ai.completion.0.tool_calls.0.name': 'lookup',
      'gen_ai.completion.0.tool_calls.0.arguments': '{"q":1}',
    });
    expect(span.provider).toBe('bedrock');
    expect(JSON.parse(span.requestJson)).toMatchObject({
      messages: [
        { role: 'system', content: 'first' },
        { role: 'user', content: 'second' },
      ],
    });
    expect(JSON.parse(span.responseJson!)).toMatchObject({
      finishReason: 'tool_calls',
      toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"q":1}' }],
    });
    // bedrock is an Assay provider, priced by the (fake) catalog: null here means "no price".
    expect(span.costPicoUsd).toBeNull();
  });

  it('reads OpenInference tool calls, tool messages, tags and session', () => {
    const span = mapOne({
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'gpt-4o',
      'llm.provider': 'openai',
      'llm.token_count.prompt': 100,
      'llm.token_count.prompt_details.cache_read': 40,
      'llm.token_count.completion': 7,
      'llm.input_messages.0.message.role': 'user',
      'llm.input_messages.0.message.contents.0.message_content.text': 'look',
      'llm.input_messages.1.message.role': 'tool',
      'llm.input_messages.1.message.tool_call_id': 'call_9',
      'llm.input_messages.1.message.content': '42',
      'llm.output_messages.0.message.role': 'assistant',
      'llm.output_messages.0.message.tool_calls.0.tool_call.id': 'call_10',
      'llm.output_messages.0.message.tool_calls.0.tool_call.function.name': 'add',
      'llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments': '{}',
      'session.id': 'sess',
      'user.id': 'me',
      'tag.tags': ['a', 'b', 'a', 'bad,tag'],
      'assay.prompt': 'support@production',
    });
    expect(span.usage).toMatchObject({ inputTokens: 60, cacheReadTokens: 40, outputTokens: 7 });
    expect(span.costPicoUsd).toBe(107);
    expect(JSON.parse(span.requestJson).messages).toEqual([
      { role: 'user', content: 'look' },
      { role: 'tool', toolCallId: 'call_9', content: '42' },
    ]);
    expect(JSON.parse(span.responseJson!).toolCalls).toEqual([
      { id: 'call_10', name: 'add', arguments: '{}' },
    ]);
    expect(span).toMatchObject({
      sessionId: 'sess',
      userId: 'me',
      tags: ['a', 'b'],
      promptVersionId: 'pv-1',
    });
  });

  it('keeps an unknown prompt ref as a note, and other spans as input and output', () => {
    const span = mapOne({
      'openinference.span.kind': 'TOOL',
      'input.value': '{"city":"Oslo"}',
      'input.mime_type': 'application/json',
      'output.value': 'sunny',
      'assay.prompt': 'nope@production',
    });
    expect(span.kind).toBe('tool');
    expect(JSON.parse(span.requestJson)).toEqual({ input: { city: 'Oslo' } });
    expect(JSON.parse(span.responseJson!)).toEqual({ output: 'sunny' });
    expect(span.promptVersionId).toBeNull();
    expect(span.attributes).toMatchObject({ 'assay.prompt_unresolved': 'nope@production' });
  });

  it('cuts secrets from payloads and attributes, and blanks credential-named attributes', () => {
    const span = mapOne({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.call.arguments': '{"password":"hunter2-long","note":"zq-known-secret-12345"}',
      'http.request.header.authorization': 'Bearer abc',
      'app.note': 'has zq-known-secret-12345 inside',
    });
    const stored = JSON.stringify(span);
    expect(stored).not.toContain('zq-known-secret-12345');
    expect(stored).not.toContain('hunter2-long');
    expect(span.attributes).toMatchObject({
      'http.request.header.authorization': '[REDACTED]',
    });
  });

  it('refuses wrong attribute types with the span and key named', () => {
    expect(() => mapOne({ 'gen_ai.usage.output_tokens': -1 })).toThrow(
      /span 0 .*gen_ai\.usage\.output_tokens.*non-negative integer/,
    );
    expect(() => mapOne({ 'gen_ai.usage.cost': 'free' })).toThrow(/gen_ai\.usage\.cost/);
    expect(() => mapOne({ 'llm.input_messages.99999.message.role': 'user' })).toThrow(/index/);
  });
});

describe('decodeOtlpJson leniencies', () => {
  it('accepts snake_case names, base64 ids and status names', () => {
    const [span] = decodeOtlpJson({
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: Buffer.from(TRACE, 'hex').toString('base64'),
                  span_id: Buffer.from(SPAN, 'hex').toString('base64'),
                  name: 'x',
                  start_time_unix_nano: 1_700_000_000_000_000_000,
                  end_time_unix_nano: '1700000000005000000',
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(span).toMatchObject({
      traceId: TRACE,
      spanId: SPAN,
      parentSpanId: null,
      statusCode: 2,
      statusMessage: 'boom',
    });
    expect(span!.endMs - span!.startMs).toBeCloseTo(5, 3);
  });
});

describe('request limits', () => {
  it('refuses more spans in one request than the limit', () => {
    const spans = Array.from({ length: 20_001 }, (_, i) => ({
      traceId: TRACE,
      spanId: (i + 1).toString(16).padStart(16, '0'),
      name: 's',
    }));
    expect(() => decodeOtlpJson(otlpJson(spans))).toThrow(/the request has 20001 spans/);
  });
});

describe('times', () => {
  it('keep the exact millisecond from unix nanoseconds, in both encodings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        const span = { traceId: TRACE, spanId: SPAN, name: 's', startMs: ms, endMs: ms + 1 };
        for (const [decoded] of [
          decodeOtlpJson(otlpJson([span])),
          decodeOtlpProtobuf(otlpProto([span])),
        ]) {
          const mapped = mapSpan(decoded!, 0, ctx);
          expect(mapped.startedAt).toBe(new Date(ms).toISOString());
          expect(mapped.endedAt).toBe(new Date(ms + 1).toISOString());
        }
      }),
      { numRuns: 2000 },
    );
  });
});
