import type { Anthropic } from '@anthropic-ai/sdk';
import { APIError } from '@anthropic-ai/sdk';
import { ProviderError } from '../../provider-error';
import type { ChatResponse, StreamDelta } from '../../types';
import type { WireRequest } from './request';
import { StreamAssembler } from './stream-assembler';

/**
 * Streams one message with `messages.create({ stream: true })` (raw events, so nothing is
 * buffered twice), reporting deltas as they arrive and assembling the final response.
 */
export async function streamChat(
  client: Anthropic,
  wire: WireRequest,
  onDelta: (delta: StreamDelta) => void,
  signal: AbortSignal | undefined,
): Promise<ChatResponse> {
  const { data: stream, request_id: requestId } = await client.messages
    .create({ ...wire.params, stream: true }, { signal })
    .withResponse();
  const assembler = new StreamAssembler(wire.jsonTool, onDelta);
  try {
    for await (const event of stream) assembler.apply(event);
  } catch (err) {
    // An error event (APIError) and an abort keep their meaning; anything else thrown while
    // reading the body (undici's "terminated", a reset socket) is the connection failing.
    if (err instanceof APIError || signal?.aborted) throw err;
    throw new ProviderError({
      provider: 'anthropic',
      errorClass: 'connection',
      message: `stream failed: ${err instanceof Error ? err.message : String(err)}`,
      requestId: requestId ?? null,
      cause: err,
    });
  }
  // The SDK ends iteration quietly when its request is aborted; that is still an abort.
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  if (!assembler.stopped) {
    throw new ProviderError({
      provider: 'anthropic',
      errorClass: 'connection',
      message: 'stream ended before message_stop',
      requestId: requestId ?? null,
    });
  }
  return assembler.result(requestId ?? null);
}
