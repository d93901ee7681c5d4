import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest } from '../../types';
import { isReasoningModel } from './model-family';
import { toWireMessage, toWireParams, toWireResponseFormat } from './to-wire';

const toolCall = fc.record({ id: fc.string(), name: fc.string(), arguments: fc.json() });

const message: fc.Arbitrary<ChatMessage> = fc.oneof(
  fc.record({ role: fc.constant('system' as const), content: fc.string() }),
  fc.record({ role: fc.constant('user' as const), content: fc.string() }),
  fc.record(
    {
      role: fc.constant('assistant' as const),
      content: fc.string(),
      toolCalls: fc.array(toolCall, { maxLength: 3 }),
    },
    { requiredKeys: ['role', 'content'] },
  ),
  fc.record(
    {
      role: fc.constant('tool' as const),
      toolCallId: fc.string(),
      name: fc.string(),
      content: fc.string(),
    },
    { requiredKeys: ['role', 'toolCallId', 'content'] },
  ),
);

describe('toWireMessage (property)', () => {
  it('keeps length, order, roles and tool call arguments unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 12 }),
        fc.constantFrom('gpt-4o', 'o3-mini', 'llama3.2:3b'),
        (messages, model) => {
          const wire = toWireParams({ provider: 'openai', model, messages }).messages;
          expect(wire).toHaveLength(messages.length);
          messages.forEach((m, i) => {
            const w = wire[i]!;
            expect(w.role).toBe(m.role);
            if (m.role === 'tool' && w.role === 'tool') expect(w.tool_call_id).toBe(m.toolCallId);
            if (m.role === 'assistant' && w.role === 'assistant') {
              const calls = m.toolCalls ?? [];
              const wireCalls = (w.tool_calls ?? []).map((c) =>
                c.type === 'function' ? c.function : null,
              );
              expect(wireCalls).toEqual(
                calls.map((c) => ({ name: c.name, arguments: c.arguments })),
              );
              expect(w.tool_calls?.map((c) => c.id) ?? []).toEqual(calls.map((c) => c.id));
              // Text survives, except the empty text of a tool-only turn, which becomes null.
              expect(w.content ?? '').toBe(m.content);
            } else if (m.role !== 'assistant') {
              expect((w as { content: unknown }).content).toBe(m.content);
            }
          });
        },
      ),
    );
  });
});

describe('toWireParams', () => {
  const base: ChatRequest = {
    provider: 'openai',
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'x' }],
    temperature: 0.5,
    topP: 1,
    maxTokens: 10,
    reasoningEffort: 'low',
  };

  it('sends sampling settings and max_tokens to chat models', () => {
    const p = toWireParams(base);
    expect(p).toMatchObject({ temperature: 0.5, top_p: 1, max_tokens: 10 });
    expect(p).not.toHaveProperty('reasoning_effort');
  });

  it('drops sampling settings for reasoning models, also behind a vendor prefix', () => {
    for (const model of [
      'o1',
      'o3-mini',
      'o4-mini-2025-04-16',
      'gpt-5',
      'gpt-5-mini',
      'openai/o3',
      'acme/gpt-5',
    ]) {
      const p = toWireParams({ ...base, model });
      expect(p, model).toMatchObject({ max_completion_tokens: 10, reasoning_effort: 'low' });
      expect(p, model).not.toHaveProperty('temperature');
      expect(p, model).not.toHaveProperty('top_p');
      expect(p, model).not.toHaveProperty('max_tokens');
    }
  });

  it('tells reasoning models from others', () => {
    expect(
      ['gpt-4o', 'gpt-4.1', 'llama3.2:3b', 'omni', 'openai/gpt-4o-mini'].map(isReasoningModel),
    ).toEqual([false, false, false, false, false]);
  });

  it('leaves out empty tools, empty stop and the default text format', () => {
    const p = toWireParams({ ...base, tools: [], stop: [], responseFormat: { type: 'text' } });
    expect(p).not.toHaveProperty('tools');
    expect(p).not.toHaveProperty('stop');
    expect(p).not.toHaveProperty('response_format');
  });

  it('omits strict from json_schema when not given', () => {
    expect(toWireResponseFormat({ type: 'json_schema', name: 'n', schema: {} })).toEqual({
      type: 'json_schema',
      json_schema: { name: 'n', schema: {} },
    });
  });

  it('keeps non-empty assistant text next to tool calls', () => {
    const wire = toWireMessage({
      role: 'assistant',
      content: 'Let me check.',
      toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }],
    });
    expect(wire).toMatchObject({ role: 'assistant', content: 'Let me check.' });
  });
});
