import { fromWireFinishReason } from '../../llm/providers/openai/from-wire';
import { toFinishReason } from '../../llm/providers/anthropic/response';
import { ZERO_USAGE, type ChatResponse, type ToolCall, type Usage } from '../../llm/types';
import { field, list, num, str } from './normalize-common';
import { anthropicUsage } from './normalize-anthropic';
import { openAiUsage } from './normalize-openai';
import type { SseEvent } from './sse-lines';

/** What a streamed answer added up to, read on the side while the bytes pass through. */
export interface StreamAccumulator {
  apply(event: SseEvent): void;
  /** True once the stream said it was complete (a finish reason / message_stop). */
  readonly finished: boolean;
  /** True once usage was reported (OpenAI sends it only when the app asked: include_usage). */
  readonly usageReported: boolean;
  /** An error event the provider sent mid-stream, if any. */
  readonly streamError: string | null;
  result(requestId: string | null, requestedModel: string): ChatResponse;
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  return str(field(error, 'message')) ?? str(field(error, 'type')) ?? 'error event in the stream';
}

interface ToolSlot {
  id: string;
  name: string;
  arguments: string;
}

/** OpenAI Chat Completions chunks (`data: {...}`, then `data: [DONE]`). */
export class OpenAiStreamAccumulator implements StreamAccumulator {
  private text = '';
  private model = '';
  private finish: string | null = null;
  private usage: Usage = ZERO_USAGE;
  private readonly tools = new Map<number, ToolSlot>();
  usageReported = false;
  streamError: string | null = null;

  constructor(private readonly onFirstToken: () => void) {}

  get finished(): boolean {
    return this.finish !== null;
  }

  apply(event: SseEvent): void {
    if (event.data === '[DONE]') return;
    const chunk = parse(event.data);
    if (chunk === undefined) return;
    const error = field(chunk, 'error');
    if (error !== undefined) {
      this.streamError = errorText(error);
      return;
    }
    this.model ||= str(field(chunk, 'model')) ?? '';
    const usage = field(chunk, 'usage');
    if (usage !== null && typeof usage === 'object') {
      this.usage = openAiUsage(usage);
      this.usageReported = true;
    }
    for (const choice of list(field(chunk, 'choices'))) {
      // Only the first choice is the answer the span records (apps rarely ask for n > 1).
      if ((num(field(choice, 'index')) ?? 0) !== 0) continue;
      const delta = field(choice, 'delta');
      const content = str(field(delta, 'content'));
      if (content) {
        this.onFirstToken();
        this.text += content;
      }
      for (const fragment of list(field(delta, 'tool_calls'))) this.addTool(fragment);
      this.finish = str(field(choice, 'finish_reason')) ?? this.finish;
    }
  }

  private addTool(fragment: unknown): void {
    this.onFirstToken();
    const index = num(field(fragment, 'index')) ?? 0;
    const slot = this.tools.get(index) ?? { id: '', name: '', arguments: '' };
    this.tools.set(index, slot);
    const fn = field(fragment, 'function');
    slot.id ||= str(field(fragment, 'id')) ?? '';
    slot.name ||= str(field(fn, 'name')) ?? '';
    slot.arguments += str(field(fn, 'arguments')) ?? '';
  }

  result(requestId: string | null, requestedModel: string): ChatResponse {
    const toolCalls: ToolCall[] = [...this.tools.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, t]) => ({ id: t.id || `call_${index}`, name: t.name, arguments: t.arguments }));
    return {
      text: this.text,
      toolCalls,
      finishReason: fromWireFinishReason(this.finish),
      rawFinishReason: this.finish,
      model: this.model || requestedModel,
      providerRequestId: requestId,
      usage: this.usage,
    };
  }
}

/** Anthropic Messages events (message_start … message_delta, message_stop). */
export class AnthropicStreamAccumulator implements StreamAccumulator {
  private text = '';
  private model = '';
  private stopReason: string | null = null;
  private usage: Record<string, unknown> = {};
  private readonly blocks = new Map<number, { kind: 'text' } | { kind: 'tool'; slot: ToolSlot }>();
  private readonly tools: ToolSlot[] = [];
  private stopped = false;
  usageReported = false;
  streamError: string | null = null;

  constructor(private readonly onFirstToken: () => void) {}

  get finished(): boolean {
    return this.stopped;
  }

  apply(event: SseEvent): void {
    const data = parse(event.data);
    switch (str(field(data, 'type')) ?? event.event) {
      case 'message_start': {
        const message = field(data, 'message');
        this.model = str(field(message, 'model')) ?? this.model;
        this.mergeUsage(field(message, 'usage'));
        return;
      }
      case 'content_block_start':
        return this.startBlock(num(field(data, 'index')) ?? 0, field(data, 'content_block'));
      case 'content_block_delta': {
        const block = this.blocks.get(num(field(data, 'index')) ?? 0);
        const delta = field(data, 'delta');
        const text = str(field(delta, 'text'));
        const json = str(field(delta, 'partial_json'));
        if (block?.kind === 'text' && text) {
          this.onFirstToken();
          this.text += text;
        }
        if (block?.kind === 'tool' && json) {
          this.onFirstToken();
          block.slot.arguments += json;
        }
        return;
      }
      case 'message_delta':
        this.stopReason = str(field(field(data, 'delta'), 'stop_reason')) ?? this.stopReason;
        this.mergeUsage(field(data, 'usage'));
        return;
      case 'message_stop':
        this.stopped = true;
        return;
      case 'error':
        this.streamError = errorText(field(data, 'error'));
        return;
      default:
        return;
    }
  }

  /** message_delta usage is cumulative; fields it leaves out (or null) keep their value. */
  private mergeUsage(usage: unknown): void {
    if (usage === null || typeof usage !== 'object') return;
    this.usageReported = true;
    for (const [key, value] of Object.entries(usage))
      if (value !== null && value !== undefined) this.usage[key] = value;
  }

  private startBlock(index: number, block: unknown): void {
    const type = field(block, 'type');
    if (type === 'text') {
      this.blocks.set(index, { kind: 'text' });
      const text = str(field(block, 'text'));
      if (text) {
        this.onFirstToken();
        this.text += text;
      }
    } else if (type === 'tool_use') {
      const slot = {
        id: str(field(block, 'id')) ?? '',
        name: str(field(block, 'name')) ?? '',
        arguments: '',
      };
      this.tools.push(slot);
      this.blocks.set(index, { kind: 'tool', slot });
      this.onFirstToken();
    }
  }

  result(requestId: string | null, requestedModel: string): ChatResponse {
    return {
      text: this.text,
      toolCalls: this.tools.map((t) => ({ ...t, arguments: t.arguments || '{}' })),
      finishReason: toFinishReason(this.stopReason),
      rawFinishReason: this.stopReason,
      model: this.model || requestedModel,
      providerRequestId: requestId,
      usage: anthropicUsage(this.usage),
    };
  }
}
