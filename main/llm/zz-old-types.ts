import type { z } from 'zod';
import type {
  ProviderId,
  chatMessageSchema,
  chatParamsSchema,
  chatResponseSchema,
  finishReasonSchema,
  modelInfoSchema,
  responseFormatSchema,
  streamDeltaSchema,
  toolCallSchema,
  toolChoiceSchema,
  toolDefinitionSchema,
  usageSchema,
} from '../../shared/contract';

/**
 * The normalized shapes every provider speaks. Providers translate these to and from their
 * SDK's wire types; nothing above the provider layer sees an SDK type.
 *
 * The shapes themselves are the contract's schemas (shared/contract/llm.ts), so what a transport
 * validates and what a provider receives cannot drift apart. They are read-only here because a
 * request or answer is shared (cache, span, retries) and must not be changed in place.
 */
type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

type Shape<S extends z.ZodType> = DeepReadonly<z.output<S>>;

export type ToolCall = Shape<typeof toolCallSchema>;
export type ChatMessage = Shape<typeof chatMessageSchema>;
export type ToolDefinition = Shape<typeof toolDefinitionSchema>;
export type ToolChoice = Shape<typeof toolChoiceSchema>;
export type ResponseFormat = Shape<typeof responseFormatSchema>;
export type ChatRequest = Shape<typeof chatParamsSchema>;
export type Usage = Shape<typeof usageSchema>;
export type FinishReason = Shape<typeof finishReasonSchema>;
export type ChatResponse = Shape<typeof chatResponseSchema>;
export type StreamDelta = Shape<typeof streamDeltaSchema>;
export type ModelInfo = Shape<typeof modelInfoSchema>;

export const ZERO_USAGE: Usage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
};

export interface ChatOptions {
  readonly signal?: AbortSignal;
  /** When set, the provider streams and reports each delta here. */
  readonly onDelta?: (delta: StreamDelta) => void;
}

export interface EmbeddingResult {
  readonly vectors: number[][];
  readonly inputTokens: number;
}

export interface LlmProvider {
  readonly id: ProviderId;
  listModels(signal?: AbortSignal): Promise<readonly ModelInfo[]>;
  /** Embeddings, where the provider offers them (OpenAI and OpenAI-compatible servers). */
  embed?(model: string, texts: readonly string[], signal?: AbortSignal): Promise<EmbeddingResult>;
  /**
   * One attempt. Retries, caching, limits, cost and spans belong to the call path, so
   * implementations disable their SDK's own retries and throw a ProviderError on failure.
   */
  chat(request: ChatRequest, options?: ChatOptions): Promise<ChatResponse>;
}
