import type {
  MessageCreateParamsBase,
  ThinkingConfigParam,
  Tool,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages';
import type { ChatRequest, ResponseFormat } from '../../types';
import { toWireConversation } from './messages';

/** The API requires `max_tokens`; this is used when the request leaves it open. */
export const DEFAULT_MAX_TOKENS = 4096;

/** Name of the forced tool that stands in for `json_object` mode. */
export const JSON_OBJECT_TOOL = 'json_output';

/** Extended-thinking budgets per effort; 1024 is the API's minimum budget. */
export const THINKING_BUDGET = { minimal: 1024, low: 2048, medium: 8192, high: 24576 } as const;

export type WireParams = Omit<MessageCreateParamsBase, 'stream'>;

export interface WireRequest {
  readonly params: WireParams;
  /** The forced tool standing in for JSON mode; its input becomes the response text. */
  readonly jsonTool: string | null;
}

/** Tool names must match ^[a-zA-Z0-9_-]{1,64}$; a schema name may not. */
function toolName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || JSON_OBJECT_TOOL;
}

/**
 * Anthropic has no JSON mode, so JSON output is done the established way: one extra tool whose
 * input schema is the wanted schema, forced through `tool_choice`; the tool's input is then the
 * answer. (The API's newer `output_config.format` is not supported by every model still served;
 * a forced tool works on all of them.)
 */
function jsonToolFor(format: ResponseFormat | undefined): Tool | null {
  if (format === undefined || format.type === 'text') return null;
  const schema = format.type === 'json_schema' ? format.schema : {};
  return {
    name: format.type === 'json_schema' ? toolName(format.name) : JSON_OBJECT_TOOL,
    description: 'Give your final answer by calling this tool; its input is the answer.',
    input_schema: { type: 'object', ...schema },
    // Strict tool use makes the input follow the schema exactly, as OpenAI's strict mode does.
    ...(format.type === 'json_schema' && format.strict === true ? { strict: true } : {}),
  };
}

function toolChoiceFor(request: ChatRequest, jsonTool: Tool | null): ToolChoice | undefined {
  // JSON output overrides the request's own choice: one turn cannot both force the answer tool
  // and leave the other tools open.
  if (jsonTool) return { type: 'tool', name: jsonTool.name };
  const choice = request.toolChoice;
  if (choice === undefined || (request.tools ?? []).length === 0) return undefined;
  if (choice === 'auto' || choice === 'none') return { type: choice };
  if (choice === 'required') return { type: 'any' };
  return { type: 'tool', name: choice.name };
}

/**
 * Maps a normalized request to `messages.create` parameters (without `stream`).
 *
 * `temperature` and `topP` are not sent: the SDK's API version (2026-10-21) removed sampling
 * parameters and answers 400 to any of them, even at default values.
 */
export function toWireRequest(request: ChatRequest): WireRequest {
  const { system, messages } = toWireConversation(request.messages);
  const jsonTool = jsonToolFor(request.responseFormat);
  const tools: Tool[] = (request.tools ?? []).map((t) => ({
    name: t.name,
    ...(t.description ? { description: t.description } : {}),
    input_schema: { type: 'object', ...t.parameters },
  }));
  if (jsonTool) tools.push(jsonTool);
  const toolChoice = toolChoiceFor(request, jsonTool);
  let maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
  let thinking: ThinkingConfigParam | undefined;
  // The API refuses thinking together with a forced tool; the explicit tool choice (or JSON
  // output) is the more specific instruction, so thinking gives way.
  const forced = toolChoice?.type === 'any' || toolChoice?.type === 'tool';
  if (request.reasoningEffort && !forced) {
    const budget = THINKING_BUDGET[request.reasoningEffort];
    // max_tokens counts the thinking too and must exceed the budget: keep room for the answer.
    if (maxTokens <= budget) maxTokens += budget;
    thinking = { type: 'enabled', budget_tokens: budget };
  }
  const params: WireParams = {
    model: request.model,
    max_tokens: maxTokens,
    messages,
    ...(system !== undefined ? { system } : {}),
    ...(tools.length > 0 ? { tools } : {}),
    ...(toolChoice ? { tool_choice: toolChoice } : {}),
    ...(thinking ? { thinking } : {}),
    ...(request.stop && request.stop.length > 0 ? { stop_sequences: [...request.stop] } : {}),
  };
  return { params, jsonTool: jsonTool?.name ?? null };
}
