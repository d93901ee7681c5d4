import type { OpenAI } from 'openai';
import type { ChatOptions, ChatRequest, ChatResponse } from '../../types';
import { ProviderError } from '../../provider-error';
import { toProviderError } from './errors';
import { fromWireCompletion } from './from-wire';
import { collectStream } from './stream';
import { toWireParams } from './to-wire';

/**
 * One Chat Completions attempt, shared by the OpenAI and local providers: streams when the
 * caller wants deltas, otherwise asks for one JSON reply. Every failure is a ProviderError.
 */
export async function runChat(
  client: OpenAI,
  provider: string,
  request: ChatRequest,
  options: ChatOptions = {},
): Promise<ChatResponse> {
  const { signal, onDelta } = options;
  const params = toWireParams(request);
  const ctx = { provider, signal };
  if (!onDelta) {
    try {
      // withResponse() exposes the headers, where the x-request-id lives.
      const { data, request_id: requestId } = await client.chat.completions
        .create({ ...params, stream: false }, { signal })
        .withResponse();
      // A server that answers without JSON hands the SDK a string; reject it plainly.
      if (typeof data !== 'object' || !Array.isArray(data.choices)) {
        throw new ProviderError({
          provider,
          errorClass: 'unknown',
          message: 'not a chat completion',
        });
      }
      return fromWireCompletion(data, requestId, request.model);
    } catch (err) {
      throw toProviderError(err, ctx);
    }
  }
  let opened;
  try {
    opened = await client.chat.completions
      .create({ ...params, stream: true, stream_options: { include_usage: true } }, { signal })
      .withResponse();
  } catch (err) {
    throw toProviderError(err, ctx);
  }
  return collectStream(opened.data, {
    ...ctx,
    requestId: opened.request_id,
    requestedModel: request.model,
    onDelta,
  });
}
