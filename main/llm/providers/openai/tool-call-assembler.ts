import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { StreamDelta, ToolCall } from '../../types';

type WireToolCallDelta = ChatCompletionChunk.Choice.Delta.ToolCall;

/**
 * Streamed tool calls arrive as fragments keyed by `index`: the first carries id and name,
 * later ones carry pieces of the arguments JSON. Fragments of several calls may interleave.
 */
export class ToolCallAssembler {
  private readonly calls = new Map<number, { id: string; name: string; arguments: string }>();

  /** Folds one fragment in and returns the delta to report to the caller. */
  add(fragment: WireToolCallDelta): StreamDelta {
    const entry = this.calls.get(fragment.index) ?? { id: '', name: '', arguments: '' };
    this.calls.set(fragment.index, entry);
    const id = fragment.id || undefined;
    const name = fragment.function?.name || undefined;
    const argumentsDelta = fragment.function?.arguments || undefined;
    // Some compatible servers repeat id and name on every fragment; the first one wins.
    if (id && !entry.id) entry.id = id;
    if (name && !entry.name) entry.name = name;
    if (argumentsDelta) entry.arguments += argumentsDelta;
    return {
      type: 'tool_call',
      index: fragment.index,
      ...(id ? { id } : {}),
      ...(name ? { name } : {}),
      ...(argumentsDelta ? { argumentsDelta } : {}),
    };
  }

  /** The assembled calls in index order; a server that sent no id gets a stable stand-in. */
  result(): ToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({
        id: call.id || `call_${index}`,
        name: call.name,
        arguments: call.arguments,
      }));
  }
}
