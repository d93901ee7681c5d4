import type { ProviderId } from '../../shared/contract';

/**
 * The normalized shapes every provider speaks. Providers translate these to and from their
 * SDK's wire types; nothing above the provider layer sees an SDK type.
 */

export interface ToolCall {
  /** The provider's id for the call (OpenAI `call_…`, Anthropic `toolu_…`, Bedrock toolUseId). */
  readonly id: string;
  readonly name: string;
  /** The arguments as JSON text, exactly as the model produced them. */
  readonly arguments: string;
}

export type ChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string }
  | {
      readonly role: 'assistant';
      readonly content: string;
      readonly toolCalls?: readonly ToolCall[];
    }
  | {
      readonly role: 'tool';
      readonly toolCallId: string;
      readonly name?: string;
      readonly content: string;
    };

export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the arguments object. */
  readonly parameters: Record<string, unknown>;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { readonly name: string };

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly name: string;
      readonly schema: Record<string, unknown>;
      readonly strict?: boolean;
    };

export interface ChatRequest {
  readonly provider: ProviderId;
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
  readonly responseFormat?: ResponseFormat;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly topP?: number;
  readonly stop?: readonly string[];
  /** Reasoning models (OpenAI o-series / gpt-5, Claude extended thinking budget is derived). */
  readonly reasoningEffort?: 'minimal' | 'low' | 'medium' | 'high';
}

export interface Usage {
  /** Input tokens billed at the normal input rate (cache reads and writes excluded). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  /** Reasoning tokens; already included in outputTokens (reported apart for insight only). */
  readonly reasoningTokens: number;
}

export const ZERO_USAGE: Usage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
};

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'other';

export interface ChatResponse {
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly finishReason: FinishReason;
  /** The provider's own finish/stop reason string, for display. */
  readonly rawFinishReason: string | null;
  /** `x-request-id`, `request-id`, `x-amzn-requestid`: what a provider's support asks for. */
  readonly providerRequestId: string | null;
  /** The model id the provider reports having used (may differ from the requested alias). */
  readonly model: string;
  readonly usage: Usage;
}

export type StreamDelta =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'tool_call';
      readonly index: number;
      readonly id?: string;
      readonly name?: string;
      readonly argumentsDelta?: string;
    }
  /** A retry after a dropped stream: discard what was streamed so far. */
  | { readonly type: 'reset' };

export interface ChatOptions {
  readonly signal?: AbortSignal;
  /** When set, the provider streams and reports each delta here. */
  readonly onDelta?: (delta: StreamDelta) => void;
}

export interface ModelInfo {
  readonly id: string;
  readonly provider: ProviderId;
  readonly name: string;
  /** 'live' when listed by the provider, 'catalog' when from Assay's static catalog. */
  readonly source: 'live' | 'catalog';
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
