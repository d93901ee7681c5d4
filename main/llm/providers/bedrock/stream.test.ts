import { ThrottlingException, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../provider-error';
import type { StreamDelta } from '../../types';
import { readConverseStream } from './stream';

async function* events(...list: ConverseStreamOutput[]): AsyncGenerator<ConverseStreamOutput> {
  for (const event of list) yield await Promise.resolve(event);
}

const END: ConverseStreamOutput[] = [
  { messageStop: { stopReason: 'tool_use' } },
  {
    metadata: {
      usage: { inputTokens: 5, outputTokens: 9, totalTokens: 14 },
      metrics: { latencyMs: 1 },
    },
  },
];

describe('readConverseStream', () => {
  it('assembles text and two tool calls, numbering tool calls from 0', async () => {
    const deltas: StreamDelta[] = [];
    const reply = await readConverseStream(
      events(
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Let me check.' } } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        {
          contentBlockStart: {
            contentBlockIndex: 1,
            start: { toolUse: { toolUseId: 'a', name: 'one' } },
          },
        },
        { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"x":' } } } },
        { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '1}' } } } },
        {
          contentBlockStart: {
            contentBlockIndex: 2,
            start: { toolUse: { toolUseId: 'b', name: 'two' } },
          },
        },
        ...END,
      ),
      (d) => deltas.push(d),
      null,
      'rid',
    );
    expect(reply).toMatchObject({
      text: 'Let me check.',
      stopReason: 'tool_use',
      requestId: 'rid',
    });
    expect(reply.toolCalls).toEqual([
      { id: 'a', name: 'one', arguments: '{"x":1}' },
      { id: 'b', name: 'two', arguments: '{}' },
    ]);
    expect(deltas).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_call', index: 0, id: 'a', name: 'one' },
      { type: 'tool_call', index: 0, argumentsDelta: '{"x":' },
      { type: 'tool_call', index: 0, argumentsDelta: '1}' },
      { type: 'tool_call', index: 1, id: 'b', name: 'two' },
    ]);
  });

  it('treats a stream that ends before messageStop or metadata as a dropped connection', async () => {
    const early = readConverseStream(
      events({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hal' } } }),
      () => undefined,
      null,
      'rid',
    );
    await expect(early).rejects.toMatchObject({ errorClass: 'connection', requestId: 'rid' });
    const noUsage = readConverseStream(
      events({ messageStop: { stopReason: 'end_turn' } }),
      () => undefined,
      null,
      undefined,
    );
    await expect(noUsage).rejects.toBeInstanceOf(ProviderError);
  });

  it('throws an exception delivered as a stream member', async () => {
    const exception = new ThrottlingException({ message: 'slow down', $metadata: {} });
    const run = readConverseStream(
      events({ throttlingException: exception }),
      () => undefined,
      null,
      undefined,
    );
    await expect(run).rejects.toBe(exception);
  });
});
