import {
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
} from '@anthropic-ai/sdk';
import type { Message, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import type { StreamDelta } from '../../types';
import { headerGetter, toProviderError } from './errors';
import { fromMessage, toFinishReason, toUsage } from './response';
import { StreamAssembler } from './stream-assembler';

// Wire objects carry many fields these mappers never read; tests build only what matters.
const wire = <T>(value: object): T => value as unknown as T;
const usage = { input_tokens: 5, output_tokens: 9, cache_read_input_tokens: null };

describe('response mapping', () => {
  it('ignores thinking blocks and keeps text and tool calls', () => {
    const message = wire<Message>({
      model: 'claude-x',
      stop_reason: 'tool_use',
      usage,
      content: [
        { type: 'thinking', thinking: 'secret plan', signature: 'sig' },
        { type: 'redacted_thinking', data: 'xx' },
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'toolu_1', name: 'f', input: { a: 1 } },
      ],
    });
    const res = fromMessage(message, null, 'req_1');
    expect(res).toMatchObject({ text: 'Let me check.', finishReason: 'tool_calls' });
    expect(res.toolCalls).toEqual([{ id: 'toolu_1', name: 'f', arguments: '{"a":1}' }]);
    expect(res.providerRequestId).toBe('req_1');
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'other'],
    [null, 'other'],
  ] as const)('stop_reason %s is %s', (raw, expected) => {
    expect(toFinishReason(raw)).toBe(expected);
  });

  it('reads missing cache fields as zero and thinking tokens as reasoning', () => {
    const details = { output_tokens_details: { thinking_tokens: 4 } };
    expect(toUsage({ ...usage, cache_creation_input_tokens: 3, ...details })).toEqual({
      inputTokens: 5,
      outputTokens: 9,
      cacheReadTokens: 0,
      cacheWriteTokens: 3,
      reasoningTokens: 4,
    });
  });
});

describe('stream assembly', () => {
  const run = (jsonTool: string | null, events: object[]) => {
    const deltas: StreamDelta[] = [];
    const assembler = new StreamAssembler(jsonTool, (d) => deltas.push(d));
    for (const e of events) assembler.apply(wire<RawMessageStreamEvent>(e));
    return { deltas, assembler };
  };
  const start = { type: 'message_start', message: { model: 'claude-x', usage } };
  const stop = [
    { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 20 } },
    { type: 'message_stop' },
  ];

  it('skips thinking deltas and reports nothing for them', () => {
    const { deltas, assembler } = run(null, [
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hm' } },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Hi' } },
      ...stop,
    ]);
    expect(deltas).toEqual([{ type: 'text', text: 'Hi' }]);
    expect(assembler.result(null)).toMatchObject({ text: 'Hi', usage: { outputTokens: 20 } });
  });

  it('reports the JSON-mode tool input as text and answers with it', () => {
    const { deltas, assembler } = run('json_output', [
      start,
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't', name: 'json_output', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"a"' },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: ':1}' },
      },
      ...stop,
    ]);
    expect(deltas.map((d) => (d.type === 'text' ? d.text : '?')).join('')).toBe('{"a":1}');
    expect(assembler.result(null)).toMatchObject({
      text: '{"a":1}',
      toolCalls: [],
      finishReason: 'stop',
    });
  });

  it('gives a tool without streamed input empty-object arguments', () => {
    const { assembler } = run(null, [
      start,
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't', name: 'now', input: {} },
      },
      ...stop,
    ]);
    expect(assembler.result(null).toolCalls).toEqual([{ id: 't', name: 'now', arguments: '{}' }]);
  });
});

describe('error mapping', () => {
  const body = (type: string) => ({ type: 'error', error: { type, message: `it was ${type}` } });

  it('reads retry-after-ms from Headers and retry-after from a record', () => {
    const headers = new Headers({ 'retry-after-ms': '1500', 'request-id': 'req_9' });
    const limited = toProviderError(
      new APIError(429, body('rate_limit_error'), undefined, headers),
    );
    expect(limited).toMatchObject({
      errorClass: 'rate_limited',
      retryAfterMs: 1500,
      requestId: 'req_9',
    });
    expect(limited.message).toContain('it was rate_limit_error');
    expect(headerGetter({ 'Retry-After': '3' })('retry-after')).toBe('3');
  });

  it.each([
    ['overloaded_error', 'overloaded'],
    ['rate_limit_error', 'rate_limited'],
    ['api_error', 'server_error'],
    ['invalid_request_error', 'bad_request'],
    ['something_new', 'server_error'],
  ] as const)('a status-less %s error event is %s', (type, errorClass) => {
    const err = new APIError(undefined, body(type), undefined, undefined);
    expect(toProviderError(err).errorClass).toBe(errorClass);
  });

  it('treats an overloaded_error body as overloaded whatever the status', () => {
    const err = new InternalServerError(500, body('overloaded_error'), undefined, new Headers());
    expect(toProviderError(err).errorClass).toBe('overloaded');
  });

  it('maps timeouts, aborts and unknown errors', () => {
    expect(toProviderError(new APIConnectionTimeoutError()).errorClass).toBe('timeout');
    expect(toProviderError(new APIUserAbortError()).errorClass).toBe('aborted');
    expect(toProviderError(new Error('boom'), AbortSignal.abort()).errorClass).toBe('aborted');
    expect(toProviderError(new Error('boom')).errorClass).toBe('unknown');
  });
});
