import type { Anthropic } from '@anthropic-ai/sdk';
import type { ChatResponse } from '../../types';
import type { WireRequest } from './request';
import { fromMessage } from './response';

/** One non-streamed `messages.create`; `.withResponse()` gives the `request-id` header. */
export async function completeChat(
  client: Anthropic,
  wire: WireRequest,
  signal: AbortSignal | undefined,
): Promise<ChatResponse> {
  const { data, request_id: requestId } = await client.messages
    .create({ ...wire.params, stream: false }, { signal })
    .withResponse();
  return fromMessage(data, wire.jsonTool, requestId ?? null);
}
