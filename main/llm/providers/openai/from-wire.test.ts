import { describe, expect, it } from 'vitest';
import { fromWireFinishReason, fromWireToolCalls, fromWireUsage } from './from-wire';

describe('fromWireUsage', () => {
  it('takes cached tokens out of input and keeps reasoning apart', () => {
    expect(
      fromWireUsage({
        prompt_tokens: 2000,
        completion_tokens: 300,
        total_tokens: 2300,
        prompt_tokens_details: { cached_tokens: 1500 },
        completion_tokens_details: { reasoning_tokens: 200 },
      }),
    ).toEqual({
      inputTokens: 500,
      outputTokens: 300,
      cacheReadTokens: 1500,
      cacheWriteTokens: 0,
      reasoningTokens: 200,
    });
  });

  it('treats missing details (local servers) as zero, and missing usage as zero usage', () => {
    expect(fromWireUsage({ prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 })).toEqual({
      inputTokens: 12,
      outputTokens: 3,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
    expect(fromWireUsage(undefined).inputTokens).toBe(0);
  });
});

describe('fromWireFinishReason', () => {
  it('maps every documented reason and falls back to other', () => {
    const raw = ['stop', 'length', 'tool_calls', 'function_call', 'content_filter', 'eos', null];
    expect(raw.map(fromWireFinishReason)).toEqual([
      'stop',
      'length',
      'tool_calls',
      'tool_calls',
      'content_filter',
      'other',
      'other',
    ]);
  });
});

describe('fromWireToolCalls', () => {
  it('keeps function calls and skips custom ones', () => {
    expect(
      fromWireToolCalls([
        { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
        { id: 'call_2', type: 'custom', custom: { name: 'g', input: 'free text' } },
      ]),
    ).toEqual([{ id: 'call_1', name: 'f', arguments: '{"a":1}' }]);
  });
});
