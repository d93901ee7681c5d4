import type * as Old from './zz-old-types';
import type * as New from './types';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function check<T extends true>(): T | undefined {
  return undefined;
}
check<Equal<Old.ToolCall, New.ToolCall>>();
check<Equal<Old.ChatMessage, New.ChatMessage>>();
check<Equal<Old.ToolDefinition, New.ToolDefinition>>();
check<Equal<Old.ToolChoice, New.ToolChoice>>();
check<Equal<Old.ResponseFormat, New.ResponseFormat>>();
check<Equal<Old.ChatRequest, New.ChatRequest>>();
check<Equal<Old.Usage, New.Usage>>();
check<Equal<Old.FinishReason, New.FinishReason>>();
check<Equal<Old.ChatResponse, New.ChatResponse>>();
check<Equal<Old.StreamDelta, New.StreamDelta>>();
check<Equal<Old.ModelInfo, New.ModelInfo>>();
check<Equal<Old.ChatRequest['messages'], New.ChatRequest['messages']>>();
check<Equal<Old.ChatRequest['reasoningEffort'], New.ChatRequest['reasoningEffort']>>();
check<Equal<Old.ChatMessage['role'], New.ChatMessage['role']>>();
check<Equal<Old.ChatResponse['toolCalls'], New.ChatResponse['toolCalls']>>();
check<Equal<Old.ChatRequest['provider'], New.ChatRequest['provider']>>();
check<Equal<Old.FinishReason, New.FinishReason>>();
check<Equal<Old.StreamDelta['type'], New.StreamDelta['type']>>();
check<Equal<Old.ToolChoice, New.ToolChoice>>();
// readonly must survive: a mutable array is not the same type
check<Equal<New.ChatRequest['stop'], readonly string[] | undefined>>();
