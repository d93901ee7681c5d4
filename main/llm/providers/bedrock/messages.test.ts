import type { ContentBlock, Message } from '@aws-sdk/client-bedrock-runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeConsecutiveRoles, toConverseMessages } from './messages';

describe('toConverseMessages', () => {
  it('lifts system messages into system blocks', () => {
    const { system, messages } = toConverseMessages([
      { role: 'system', content: 'Be brief.' },
      { role: 'system', content: 'Use metric units.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(system).toEqual([{ text: 'Be brief.' }, { text: 'Use metric units.' }]);
    expect(messages).toEqual([{ role: 'user', content: [{ text: 'Hi' }] }]);
  });

  it('maps tool calls to toolUse blocks and results to toolResult blocks, JSON objects as json', () => {
    const { messages } = toConverseMessages([
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
          { id: 'b', name: 'get_time', arguments: '' },
        ],
      },
      { role: 'tool', toolCallId: 'a', content: '{"temp":-3}' },
      { role: 'tool', toolCallId: 'b', content: '[1,2]' },
    ]);
    expect(messages).toEqual([
      { role: 'user', content: [{ text: 'Weather?' }] },
      {
        role: 'assistant',
        content: [
          { toolUse: { toolUseId: 'a', name: 'get_weather', input: { city: 'Oslo' } } },
          { toolUse: { toolUseId: 'b', name: 'get_time', input: {} } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'a', content: [{ json: { temp: -3 } }] } },
          { toolResult: { toolUseId: 'b', content: [{ text: '[1,2]' }] } },
        ],
      },
    ]);
  });

  it('puts tool results before text in a merged user turn', () => {
    const { messages } = toConverseMessages([
      { role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 't', arguments: '{}' }] },
      { role: 'user', content: 'By the way…' },
      { role: 'tool', toolCallId: 'a', content: 'done' },
    ]);
    expect(messages[1]?.content).toEqual([
      { toolResult: { toolUseId: 'a', content: [{ text: 'done' }] } },
      { text: 'By the way…' },
    ]);
  });

  it('drops blank text, which Converse rejects', () => {
    const { system, messages } = toConverseMessages([
      { role: 'system', content: '  ' },
      { role: 'user', content: '' },
      { role: 'user', content: 'x' },
    ]);
    expect(system).toEqual([]);
    expect(messages).toEqual([{ role: 'user', content: [{ text: 'x' }] }]);
  });
});

const block: fc.Arbitrary<ContentBlock> = fc.string({ maxLength: 6 }).map((text) => ({ text }));
const message: fc.Arbitrary<Message> = fc.record({
  role: fc.constantFrom('user' as const, 'assistant' as const),
  content: fc.array(block, { maxLength: 3 }),
});
const blocksOf = (messages: readonly Message[]) =>
  messages.flatMap((m) => (m.content ?? []).map((b) => [m.role, b] as const));

describe('mergeConsecutiveRoles (property)', () => {
  it('alternates roles, keeps every block in order with its role, and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), (input) => {
        const merged = mergeConsecutiveRoles(input);
        for (let i = 1; i < merged.length; i++)
          expect(merged[i]?.role).not.toBe(merged[i - 1]?.role);
        for (const m of merged) expect(m.content?.length).toBeGreaterThan(0);
        expect(blocksOf(merged)).toEqual(blocksOf(input));
        expect(mergeConsecutiveRoles(merged)).toEqual(merged);
      }),
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), (input) => {
        const before = structuredClone(input);
        mergeConsecutiveRoles(input);
        expect(input).toEqual(before);
      }),
    );
  });
});
