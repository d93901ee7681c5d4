import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import type { BedrockConnection } from '../../connections';
import { ProviderError } from '../../provider-error';
import type { ChatOptions, ChatRequest, ChatResponse, LlmProvider, ModelInfo } from '../../types';
import {
  createBedrockControlClient,
  createBedrockRuntimeClient,
  type BedrockClientOverrides,
} from './clients';
import { toBedrockError } from './errors';
import { listBedrockModels } from './list-models';
import { toConverseInput } from './request';
import { fromConverseOutput, toChatResponse } from './response';
import { readConverseStream } from './stream';

/**
 * Bedrock through Converse (non-streaming) and ConverseStream (when `onDelta` is given). One
 * attempt per call: the SDK's retries are off and every failure is a ProviderError.
 */
export function createBedrockProvider(
  connection: BedrockConnection,
  overrides: BedrockClientOverrides = {},
): LlmProvider {
  // Clients are built on first use and kept, so their connection pools are reused. The control
  // plane is only needed for listing, which most sessions never do.
  let runtime: ReturnType<typeof createBedrockRuntimeClient> | null = null;
  let control: ReturnType<typeof createBedrockControlClient> | null = null;
  const getRuntime = () => (runtime ??= createBedrockRuntimeClient(connection, overrides));

  async function stream(
    request: ChatRequest,
    options: ChatOptions & Required<Pick<ChatOptions, 'onDelta'>>,
  ): Promise<ChatResponse> {
    const { input, formatTool } = toConverseInput(request);
    let requestId: string | undefined;
    try {
      const out = await getRuntime().send(new ConverseStreamCommand(input), {
        abortSignal: options.signal,
      });
      requestId = out.$metadata.requestId;
      if (!out.stream)
        throw new ProviderError({
          provider: 'bedrock',
          errorClass: 'unknown',
          message: 'ConverseStream answered without a stream',
          requestId: requestId ?? null,
        });
      const reply = await readConverseStream(out.stream, options.onDelta, formatTool, requestId);
      // An aborted stream may end quietly instead of throwing: the caller must not see a result.
      options.signal?.throwIfAborted();
      return toChatResponse(reply, request.model, formatTool);
    } catch (err) {
      throw toBedrockError(err, options.signal, requestId);
    }
  }

  async function converse(request: ChatRequest, options: ChatOptions): Promise<ChatResponse> {
    const { input, formatTool } = toConverseInput(request);
    try {
      const out = await getRuntime().send(new ConverseCommand(input), {
        abortSignal: options.signal,
      });
      return toChatResponse(fromConverseOutput(out), request.model, formatTool);
    } catch (err) {
      throw toBedrockError(err, options.signal);
    }
  }

  return {
    id: 'bedrock',
    async listModels(signal?: AbortSignal): Promise<readonly ModelInfo[]> {
      try {
        control ??= createBedrockControlClient(connection, overrides);
        return await listBedrockModels(control, signal);
      } catch (err) {
        throw toBedrockError(err, signal);
      }
    },
    chat(request: ChatRequest, options: ChatOptions = {}): Promise<ChatResponse> {
      const { onDelta } = options;
      return onDelta ? stream(request, { ...options, onDelta }) : converse(request, options);
    },
  };
}
