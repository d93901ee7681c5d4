import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../provider-error';
import type { ChatMessage, ChatRequest } from '../../types';
import { toWireConversation } from './messages';
import { DEFAULT_MAX_TOKENS, toWireRequest } from './request';

const base: ChatRequest = {
  provider: 'anthropic',
  model: 'claude-3-5-haiku-20241022',
  messages: [{ role: 'user', content: 'hi' }],
};

describe('toWireRequest', () => {
  it('defaults max_tokens and leaves optional fields out', () => {
    const { params, jsonTool } = toWireRequest(base);
    expect(params).toEqual({
      model: base.model,
      max_tokens: DEFAULT_MAX_TOKENS,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
    expect(jsonTool).toBeNull();
  });

  it('drops sampling parameters, which API version 2026-10-21 rejects', () => {
    const { params } = toWireRequest({ ...base, temperature: 0.2, topP: 0.9, stop: ['END'] });
    expect(params).not.toHaveProperty('temperature');
    expect(params).not.toHaveProperty('top_p');
    expect(params.stop_sequences).toEqual(['END']);
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'any' }],
    [{ name: 'weather' }, { type: 'tool', name: 'weather' }],
  ] as const)('maps toolChoice %j to %j', (toolChoice, expected) => {
    const tools = [{ name: 'weather', parameters: { type: 'object' } }];
    expect(toWireRequest({ ...base, tools, toolChoice }).params.tool_choice).toEqual(expected);
  });

  it('sends no tool_choice without tools (the API rejects it)', () => {
    expect(toWireRequest({ ...base, toolChoice: 'required' }).params).not.toHaveProperty(
      'tool_choice',
    );
  });

  it('keeps max_tokens above the thinking budget', () => {
    const low = toWireRequest({ ...base, reasoningEffort: 'high', maxTokens: 1000 }).params;
    expect(low.thinking).toEqual({ type: 'enabled', budget_tokens: 24576 });
    expect(low.max_tokens).toBe(25576);
    const roomy = toWireRequest({ ...base, reasoningEffort: 'minimal', maxTokens: 20_000 }).params;
    expect(roomy).toMatchObject({ max_tokens: 20_000, thinking: { budget_tokens: 1024 } });
  });

  it('turns json_object into a forced json_output tool, without thinking', () => {
    const { params, jsonTool } = toWireRequest({
      ...base,
      responseFormat: { type: 'json_object' },
      reasoningEffort: 'low',
    });
    expect(jsonTool).toBe('json_output');
    expect(params.tools).toEqual([expect.objectContaining({ name: 'json_output' })]);
    expect(params.tool_choice).toEqual({ type: 'tool', name: 'json_output' });
    expect(params).not.toHaveProperty('thinking');
  });

  it('names the json_schema tool after the schema, made a valid tool name', () => {
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    const { jsonTool, params } = toWireRequest({
      ...base,
      responseFormat: { type: 'json_schema', name: 'my report.v1', schema },
    });
    expect(jsonTool).toBe('my_report_v1');
    expect(params.tools?.[0]).toMatchObject({ name: 'my_report_v1', input_schema: schema });
    expect(params.tools?.[0]).not.toHaveProperty('strict');
    const strict = toWireRequest({
      ...base,
      responseFormat: { type: 'json_schema', name: 'r', schema, strict: true },
    });
    expect(strict.params.tools?.[0]).toMatchObject({ name: 'r', strict: true });
  });

  it('rejects tool call arguments that are not a JSON object', () => {
    const messages: ChatMessage[] = [
      { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'f', arguments: '[1' }] },
    ];
    expect(() => toWireRequest({ ...base, messages })).toThrow(ProviderError);
  });
});

const id = fc.integer({ min: 0, max: 5 }).map((n) => `toolu_${n}`);
const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 8 }));
const args = fc
  .dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
  .map((o) => JSON.stringify(o));
const message: fc.Arbitrary<ChatMessage> = fc.oneof(
  text.map((content) => ({ role: 'system' as const, content })),
  text.map((content) => ({ role: 'user' as const, content })),
  fc.record({
    role: fc.constant('assistant' as const),
    content: text,
    toolCalls: fc.array(fc.record({ id, name: fc.constant('f'), arguments: args }), {
      maxLength: 3,
    }),
  }),
  fc.record({ role: fc.constant('tool' as const), toolCallId: id, content: text }),
);

describe('toWireConversation (property)', () => {
  it('hoists system, alternates roles, keeps tool ids and texts in order', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), (messages) => {
        const { system, messages: wire } = toWireConversation(messages);
        const systems = messages.filter((m) => m.role === 'system').map((m) => m.content);
        expect(system).toBe(systems.filter((s) => s !== '').join('\n\n') || undefined);
        for (let i = 1; i < wire.length; i++) expect(wire[i]!.role).not.toBe(wire[i - 1]!.role);
        const blocks = wire.flatMap((m) => m.content);
        expect(wire.every((m) => m.content.length > 0)).toBe(true);
        expect(blocks.every((b) => b.type !== 'text' || b.text !== '')).toBe(true);
        const useIds = blocks.flatMap((b) => (b.type === 'tool_use' ? [b.id] : []));
        const callIds = messages.flatMap((m) =>
          m.role === 'assistant' ? (m.toolCalls ?? []).map((c) => c.id) : [],
        );
        expect(useIds).toEqual(callIds);
        const resultIds = blocks.flatMap((b) => (b.type === 'tool_result' ? [b.tool_use_id] : []));
        const toolIds = messages.flatMap((m) => (m.role === 'tool' ? [m.toolCallId] : []));
        expect(resultIds).toEqual(toolIds);
        for (const m of wire.filter((w) => w.role === 'user')) {
          const kinds = m.content.map((b) => b.type === 'tool_result');
          expect(kinds).toEqual([...kinds].sort((a, b) => Number(b) - Number(a)));
        }
        const userTexts = wire
          .filter((m) => m.role === 'user')
          .flatMap((m) => m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])));
        const inputTexts = messages.flatMap((m) =>
          m.role === 'user' && m.content !== '' ? [m.content] : [],
        );
        expect(userTexts).toEqual(inputTexts);
      }),
      { numRuns: 300 },
    );
  });
});
