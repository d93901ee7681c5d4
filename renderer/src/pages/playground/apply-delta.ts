import type { TopicPayload } from '../../../../shared/contract';
import type { ColumnOutput, ToolCallView } from './types';

export type StreamDelta = TopicPayload<'llm.delta'>['delta'];

function mergeToolCall(
  calls: readonly ToolCallView[],
  delta: Extract<StreamDelta, { type: 'tool_call' }>,
): ToolCallView[] {
  const existing = calls.find((c) => c.index === delta.index);
  const merged: ToolCallView = {
    index: delta.index,
    id: delta.id ?? existing?.id ?? '',
    name: delta.name ?? existing?.name ?? '',
    arguments: (existing?.arguments ?? '') + (delta.argumentsDelta ?? ''),
  };
  const rest = calls.filter((c) => c.index !== delta.index);
  return [...rest, merged].sort((a, b) => a.index - b.index);
}

/**
 * Applies a batch of deltas in order. Text is joined once per batch rather than per delta, so a
 * frame's worth of tokens costs one string concatenation.
 */
export function applyDeltas(output: ColumnOutput, deltas: readonly StreamDelta[]): ColumnOutput {
  let text = output.text;
  let toolCalls = output.toolCalls;
  let pending: string[] = [];
  const flushText = () => {
    if (pending.length > 0) text += pending.join('');
    pending = [];
  };
  for (const delta of deltas) {
    if (delta.type === 'text') {
      pending.push(delta.text);
    } else if (delta.type === 'reset') {
      // The call is being retried: what streamed so far is void.
      pending = [];
      text = '';
      toolCalls = [];
    } else {
      flushText();
      toolCalls = mergeToolCall(toolCalls, delta);
    }
  }
  flushText();
  return { ...output, text, toolCalls };
}
