import { describe, expect, it } from 'vitest';
import type { ChatRequest, ToolDefinition } from '../../types';
import { toConverseInput } from './request';

const TOOL: ToolDefinition = {
  name: 'lookup',
  parameters: { type: 'object', properties: { q: { type: 'string' } } },
};
const base: ChatRequest = {
  provider: 'bedrock',
  model: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  messages: [{ role: 'user', content: 'hi' }],
};

describe('toConverseInput', () => {
  it('passes the model id through unchanged and leaves unset options out', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc';
    const { input, formatTool } = toConverseInput({ ...base, model: arn });
    expect(input).toEqual({
      modelId: arn,
      messages: [{ role: 'user', content: [{ text: 'hi' }] }],
    });
    expect(formatTool).toBeNull();
  });

  it.each([
    [undefined, { auto: {} }],
    ['auto' as const, { auto: {} }],
    ['required' as const, { any: {} }],
    [{ name: 'lookup' }, { tool: { name: 'lookup' } }],
  ])('toolChoice %j -> %j', (toolChoice, expected) => {
    const { input } = toConverseInput({
      ...base,
      tools: [TOOL],
      ...(toolChoice ? { toolChoice } : {}),
    });
    // No description: Converse rejects an empty one, so none is sent.
    expect(input.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: TOOL.parameters } } }],
      toolChoice: expected,
    });
  });

  it("omits toolConfig for 'none', unless the history holds tool blocks Converse must see declared", () => {
    expect(
      toConverseInput({ ...base, tools: [TOOL], toolChoice: 'none' }).input.toolConfig,
    ).toBeUndefined();
    const history: ChatRequest = {
      ...base,
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: '1', name: 'lookup', arguments: '{}' },
            { id: '2', name: 'legacy', arguments: '{}' },
          ],
        },
        { role: 'tool', toolCallId: '1', content: 'ok' },
        { role: 'tool', toolCallId: '2', content: 'ok' },
      ],
    };
    const withNone = toConverseInput({ ...history, tools: [TOOL], toolChoice: 'none' }).input
      .toolConfig;
    expect(withNone?.toolChoice).toBeUndefined();
    expect(withNone?.tools?.map((t) => t.toolSpec?.name)).toEqual(['lookup', 'legacy']);
    const noTools = toConverseInput(history).input.toolConfig;
    expect(noTools?.tools).toEqual([
      { toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } },
      { toolSpec: { name: 'legacy', inputSchema: { json: { type: 'object' } } } },
    ]);
  });

  it('maps inferenceConfig', () => {
    const { input } = toConverseInput({
      ...base,
      maxTokens: 64,
      temperature: 0,
      topP: 1,
      stop: ['\n\n'],
    });
    expect(input.inferenceConfig).toEqual({
      maxTokens: 64,
      temperature: 0,
      topP: 1,
      stopSequences: ['\n\n'],
    });
  });

  it('turns a json_schema response format into a forced tool named after the schema', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } } };
    const { input, formatTool } = toConverseInput({
      ...base,
      tools: [TOOL],
      toolChoice: 'none',
      responseFormat: { type: 'json_schema', name: 'city info', schema },
    });
    expect(formatTool).toBe('city_info');
    expect(input.toolConfig?.toolChoice).toEqual({ tool: { name: 'city_info' } });
    expect(input.toolConfig?.tools?.at(-1)?.toolSpec).toMatchObject({
      name: 'city_info',
      inputSchema: { json: schema },
    });
  });

  it('turns json_object into a forced json_response tool; text format changes nothing', () => {
    const { input, formatTool } = toConverseInput({
      ...base,
      responseFormat: { type: 'json_object' },
    });
    expect(formatTool).toBe('json_response');
    expect(input.toolConfig?.toolChoice).toEqual({ tool: { name: 'json_response' } });
    expect(
      toConverseInput({ ...base, responseFormat: { type: 'text' } }).input.toolConfig,
    ).toBeUndefined();
  });
});
