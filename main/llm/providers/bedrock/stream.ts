import type { ConverseStreamOutput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { ProviderError } from '../../provider-error';
import type { StreamDelta, ToolCall } from '../../types';
import type { AssembledReply } from './response';

interface ToolBlock {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  args: string;
}

/** The modeled exceptions ConverseStream can deliver in place of an event. */
function streamException(event: ConverseStreamOutput): Error | undefined {
  return (
    event.throttlingException ??
    event.modelStreamErrorException ??
    event.internalServerException ??
    event.serviceUnavailableException ??
    event.validationException
  );
}

/**
 * Reads a ConverseStream, reporting text and tool deltas as they arrive and assembling the
 * reply. Tool input arrives as JSON text in pieces, keyed by contentBlockIndex. Deltas of the
 * response-format tool are reported as text, since that tool's input is the answer.
 */
export async function readConverseStream(
  stream: AsyncIterable<ConverseStreamOutput>,
  onDelta: (delta: StreamDelta) => void,
  formatTool: string | null,
  requestId: string | undefined,
): Promise<AssembledReply> {
  let text = '';
  let stopReason: string | undefined;
  let usage: TokenUsage | undefined;
  let sawMetadata = false;
  const tools = new Map<number, ToolBlock>();
  let reported = 0; // tool calls reported so far: the format tool is not one
  for await (const event of stream) {
    const exception = streamException(event);
    if (exception) throw exception;
    if (event.contentBlockStart?.start?.toolUse) {
      const { toolUseId = '', name = '' } = event.contentBlockStart.start.toolUse;
      const block = { index: name === formatTool ? -1 : reported++, id: toolUseId, name, args: '' };
      tools.set(event.contentBlockStart.contentBlockIndex ?? 0, block);
      if (name !== formatTool)
        onDelta({ type: 'tool_call', index: block.index, id: toolUseId, name });
    } else if (event.contentBlockDelta?.delta) {
      const { delta, contentBlockIndex = 0 } = event.contentBlockDelta;
      if (delta.text !== undefined) {
        text += delta.text;
        onDelta({ type: 'text', text: delta.text });
      }
      const block = tools.get(contentBlockIndex);
      const piece = delta.toolUse?.input;
      if (block && piece !== undefined) {
        block.args += piece;
        onDelta(
          block.name === formatTool
            ? { type: 'text', text: piece }
            : { type: 'tool_call', index: block.index, argumentsDelta: piece },
        );
      }
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason;
    } else if (event.metadata) {
      usage = event.metadata.usage;
      sawMetadata = true;
    }
  }
  // A stream that ends cleanly but early (a proxy closing it, a truncated body) would otherwise
  // pass for a short answer with no usage; it is a dropped connection, which the call path retries.
  if (stopReason === undefined || !sawMetadata) {
    const missing = stopReason === undefined ? 'messageStop' : 'metadata';
    throw new ProviderError({
      provider: 'bedrock',
      errorClass: 'connection',
      message: `ConverseStream ended before its ${missing} event`,
      requestId: requestId ?? null,
    });
  }
  const toolCalls: ToolCall[] = [...tools.values()].map((t) => ({
    id: t.id,
    name: t.name,
    arguments: t.args === '' ? '{}' : t.args,
  }));
  return { text, toolCalls, stopReason, usage, requestId };
}
