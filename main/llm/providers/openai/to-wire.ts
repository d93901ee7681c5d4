import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type {
  ChatMessage,
  ChatRequest,
  ResponseFormat,
  ToolChoice,
  ToolDefinition,
} from '../../types';
import { isReasoningModel } from './model-family';

/** Pure mapping of the normalized request to Chat Completions parameters (without `stream`). */

export function toWireMessage(message: ChatMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      if (calls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        // OpenAI documents `null` content for a turn that only calls tools.
        content: message.content === '' ? null : message.content,
        tool_calls: calls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      };
    }
    case 'tool':
      // The wire format has no tool name on results; the id links them to the call.
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

export function toWireTools(tools: readonly ToolDefinition[]): ChatCompletionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      parameters: tool.parameters,
    },
  }));
}

export function toWireToolChoice(choice: ToolChoice): ChatCompletionToolChoiceOption {
  return typeof choice === 'string'
    ? choice
    : { type: 'function', function: { name: choice.name } };
}

/** `text` is the default, so it is left out: some local servers reject the explicit form. */
export function toWireResponseFormat(
  format: ResponseFormat,
): ChatCompletionCreateParamsBase['response_format'] {
  if (format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json_object' };
  return {
    type: 'json_schema',
    json_schema: {
      name: format.name,
      schema: format.schema,
      ...(format.strict !== undefined ? { strict: format.strict } : {}),
    },
  };
}

export function toWireParams(request: ChatRequest): ChatCompletionCreateParamsBase {
  const reasoning = isReasoningModel(request.model);
  const params: ChatCompletionCreateParamsBase = {
    model: request.model,
    messages: request.messages.map(toWireMessage),
  };
  if (request.tools && request.tools.length > 0) params.tools = toWireTools(request.tools);
  if (request.toolChoice !== undefined) params.tool_choice = toWireToolChoice(request.toolChoice);
  const format = request.responseFormat && toWireResponseFormat(request.responseFormat);
  if (format) params.response_format = format;
  if (request.stop && request.stop.length > 0) params.stop = [...request.stop];
  if (reasoning) {
    // Reasoning models reject max_tokens, temperature and top_p with a 400.
    if (request.maxTokens !== undefined) params.max_completion_tokens = request.maxTokens;
    if (request.reasoningEffort !== undefined) params.reasoning_effort = request.reasoningEffort;
    return params;
  }
  // max_tokens, not max_completion_tokens: older local servers only know the former.
  if (request.maxTokens !== undefined) params.max_tokens = request.maxTokens;
  if (request.temperature !== undefined) params.temperature = request.temperature;
  if (request.topP !== undefined) params.top_p = request.topP;
  return params;
}
