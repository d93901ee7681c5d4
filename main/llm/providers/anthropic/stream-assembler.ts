import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { ChatResponse, StreamDelta, ToolCall } from '../../types';
import { toChatResponse, toUsage, type WireUsage } from './response';

/** What a content block index refers to; thinking and server-tool blocks are ignored. */
type Slot =
  | { readonly kind: 'text' }
  | { readonly kind: 'tool'; readonly ordinal: number }
  | { readonly kind: 'json' }
  | { readonly kind: 'ignored' };

interface ToolSlot {
  readonly id: string;
  readonly name: string;
  json: string;
}

/**
 * Folds raw stream events into deltas (reported as they come) and the final response.
 * Tool-call deltas are indexed by the call's position among tool calls, not by content block,
 * so consumers see 0, 1, 2 … as with the other providers. In JSON mode the forced tool's
 * partial JSON is the answer text and is reported as text deltas.
 */
export class StreamAssembler {
  private readonly slots = new Map<number, Slot>();
  private readonly tools: ToolSlot[] = [];
  private text = '';
  private json: string | null = null;
  private model = '';
  private usage: WireUsage = { input_tokens: 0, output_tokens: 0 };
  private stopReason: string | null = null;
  /** True once `message_stop` arrived: anything less is a cut stream. */
  stopped = false;

  constructor(
    private readonly jsonTool: string | null,
    private readonly onDelta: (delta: StreamDelta) => void,
  ) {}

  apply(event: RawMessageStreamEvent): void {
    switch (event.type) {
      case 'message_start':
        this.model = event.message.model;
        this.usage = event.message.usage;
        return;
      case 'content_block_start':
        return this.startBlock(event.index, event.content_block);
      case 'content_block_delta': {
        const slot = this.slots.get(event.index);
        const delta = event.delta;
        if (delta.type === 'text_delta' && slot?.kind === 'text') this.addText(delta.text);
        if (delta.type === 'input_json_delta') this.addJson(slot, delta.partial_json);
        return;
      }
      case 'message_delta': {
        this.stopReason = event.delta.stop_reason ?? this.stopReason;
        // message_delta usage is cumulative; null fields mean "unchanged since message_start".
        const u = event.usage;
        const prev = this.usage;
        this.usage = {
          input_tokens: u.input_tokens ?? prev.input_tokens,
          output_tokens: u.output_tokens,
          cache_creation_input_tokens:
            u.cache_creation_input_tokens ?? prev.cache_creation_input_tokens,
          cache_read_input_tokens: u.cache_read_input_tokens ?? prev.cache_read_input_tokens,
          output_tokens_details: u.output_tokens_details ?? prev.output_tokens_details,
        };
        return;
      }
      case 'message_stop':
        this.stopped = true;
        return;
      default:
        return;
    }
  }

  private startBlock(
    index: number,
    block: Extract<RawMessageStreamEvent, { type: 'content_block_start' }>['content_block'],
  ): void {
    if (block.type === 'text') {
      this.slots.set(index, { kind: 'text' });
      if (block.text !== '') this.addText(block.text);
    } else if (block.type === 'tool_use' && block.name === this.jsonTool) {
      this.slots.set(index, { kind: 'json' });
      this.json = '';
    } else if (block.type === 'tool_use') {
      const ordinal = this.tools.push({ id: block.id, name: block.name, json: '' }) - 1;
      this.slots.set(index, { kind: 'tool', ordinal });
      this.onDelta({ type: 'tool_call', index: ordinal, id: block.id, name: block.name });
    } else {
      this.slots.set(index, { kind: 'ignored' });
    }
  }

  private addText(text: string): void {
    this.text += text;
    this.onDelta({ type: 'text', text });
  }

  private addJson(slot: Slot | undefined, partial: string): void {
    if (partial === '') return;
    if (slot?.kind === 'json') {
      this.json = (this.json ?? '') + partial;
      this.onDelta({ type: 'text', text: partial });
    } else if (slot?.kind === 'tool') {
      this.tools[slot.ordinal]!.json += partial;
      this.onDelta({ type: 'tool_call', index: slot.ordinal, argumentsDelta: partial });
    }
  }

  /** The final response; only meaningful once `stopped`. */
  result(requestId: string | null): ChatResponse {
    // A tool without arguments streams no JSON at all; its input is still the empty object.
    const toolCalls: ToolCall[] = this.tools.map((t) => ({
      id: t.id,
      name: t.name,
      arguments: t.json === '' ? '{}' : t.json,
    }));
    if (this.json !== null && this.jsonTool !== null) {
      toolCalls.push({
        id: '',
        name: this.jsonTool,
        arguments: this.json === '' ? '{}' : this.json,
      });
    }
    const parts = { text: this.text, toolCalls, stopReason: this.stopReason, model: this.model };
    return toChatResponse({ ...parts, usage: toUsage(this.usage), requestId }, this.jsonTool);
  }
}
