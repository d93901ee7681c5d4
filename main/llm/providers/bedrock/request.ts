import type {
  ConverseStreamCommandInput,
  InferenceConfiguration,
  Message,
  Tool,
  ToolConfiguration,
} from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest, ToolDefinition } from '../../types';
import { toConverseMessages, type BedrockDocument } from './messages';

/** Converse and ConverseStream take the same input. */
export type ConverseInput = ConverseStreamCommandInput;

export interface MappedRequest {
  readonly input: ConverseInput;
  /**
   * The tool that stands in for a response format (structured output through a forced tool,
   * as with Anthropic): its input is the response text, not a tool call. Null when none.
   */
  readonly formatTool: string | null;
}

// Bedrock tool names: ^[a-zA-Z0-9_-]{1,64}$.
const toolName = (name: string): string =>
  name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'response';

const toolSpec = (tool: ToolDefinition): Tool => ({
  toolSpec: {
    name: tool.name,
    // Converse rejects an empty description, so it is left out rather than sent blank.
    ...(tool.description ? { description: tool.description } : {}),
    inputSchema: { json: tool.parameters as BedrockDocument },
  },
});

function formatTool(request: ChatRequest): ToolDefinition | null {
  const format = request.responseFormat;
  if (format?.type === 'json_schema') {
    const description = `Respond with JSON that matches the ${format.name} schema.`;
    return { name: toolName(format.name), description, parameters: format.schema };
  }
  if (format?.type === 'json_object') {
    const parameters = { type: 'object', additionalProperties: true };
    return { name: 'json_response', description: 'Respond with a JSON object.', parameters };
  }
  return null;
}

const usesTools = (messages: readonly Message[]): boolean =>
  messages.some((m) =>
    (m.content ?? []).some((b) => b.toolUse !== undefined || b.toolResult !== undefined),
  );

function toolConfig(
  request: ChatRequest,
  messages: readonly Message[],
  format: ToolDefinition | null,
): ToolConfiguration | undefined {
  const tools = [...(request.tools ?? []), ...(format ? [format] : [])].map(toolSpec);
  if (format) return { tools, toolChoice: { tool: { name: format.name } } };
  // Converse rejects toolUse/toolResult blocks in the history unless toolConfig is present,
  // so with 'none' (or no tools) and such a history the tools are still declared (no choice
  // is forced); tools named only in the history get a permissive schema.
  const needed = usesTools(messages);
  if (request.toolChoice === 'none' || tools.length === 0) {
    if (!needed) return undefined;
    const declared = new Set((request.tools ?? []).map((t) => t.name));
    const fromHistory = messages
      .flatMap((m) => m.content ?? [])
      .flatMap((b) => (b.toolUse?.name && !declared.has(b.toolUse.name) ? [b.toolUse.name] : []));
    const extra = [...new Set(fromHistory)].map((name) =>
      toolSpec({ name, parameters: { type: 'object' } }),
    );
    return { tools: [...tools, ...extra] };
  }
  const choice = request.toolChoice;
  if (choice === undefined || choice === 'auto') return { tools, toolChoice: { auto: {} } };
  if (choice === 'required') return { tools, toolChoice: { any: {} } };
  return { tools, toolChoice: { tool: { name: choice.name } } };
}

function inferenceConfig(request: ChatRequest): InferenceConfiguration | undefined {
  const config: InferenceConfiguration = {
    ...(request.maxTokens !== undefined ? { maxTokens: request.maxTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { topP: request.topP } : {}),
    ...(request.stop && request.stop.length > 0 ? { stopSequences: [...request.stop] } : {}),
  };
  return Object.keys(config).length > 0 ? config : undefined;
}

/**
 * Maps a normalized request to Converse input. The model id goes through unchanged: foundation
 * ids, inference profile ids and ARNs are all valid `modelId`s, and the SDK percent-encodes it.
 */
export function toConverseInput(request: ChatRequest): MappedRequest {
  const { system, messages } = toConverseMessages(request.messages);
  const format = formatTool(request);
  const tools = toolConfig(request, messages, format);
  const inference = inferenceConfig(request);
  return {
    input: {
      modelId: request.model,
      messages,
      ...(system.length > 0 ? { system } : {}),
      ...(tools ? { toolConfig: tools } : {}),
      ...(inference ? { inferenceConfig: inference } : {}),
    },
    formatTool: format?.name ?? null,
  };
}
