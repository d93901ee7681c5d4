import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanFixture } from '../../../test/support/span-fixture';
import type { InteractionRecord } from '../../tracing/interaction-repository';
import {
  inputText,
  interactionTarget,
  modelOf,
  outputText,
  systemText,
} from './interaction-target';

function interaction(over: Partial<InteractionRecord> = {}): InteractionRecord {
  return {
    id: 'i-1',
    type: 'chat',
    traceId: null,
    input: 'q',
    output: 'a',
    sessionId: null,
    userId: null,
    tags: [],
    metadata: null,
    promptVersionId: null,
    spanIds: [],
    createdAt: '2026-12-07T00:00:00.000Z',
    ...over,
  };
}

const chat = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'First?' },
  { role: 'assistant', content: 'One.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Second' },
      { type: 'text', text: '?' },
    ],
  },
];

describe('what graders read of an interaction', () => {
  it('takes text as logged, and the JSON itself when no shape says where the text is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(inputText(text)).toBe(text);
        expect(outputText(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const input = inputText(value);
        const output = outputText(value);
        // Nothing logged is dropped: only JSON null reads as "none".
        if (value === null) expect([input, output]).toEqual([null, null]);
        else {
          expect(typeof input).toBe('string');
          expect(typeof output).toBe('string');
        }
      }),
    );
    expect(inputText({ order: 7, items: [1] })).toBe('{"order":7,"items":[1]}');
    expect(inputText(42)).toBe('42');
  });

  it('reads a chat: the last user turn, the system messages, the last assistant reply', () => {
    expect(inputText(chat)).toBe('Second?');
    expect(inputText({ messages: chat })).toBe('Second?');
    expect(systemText({ messages: chat })).toBe('Be brief.');
    expect(systemText('plain')).toBeNull();
    expect(outputText(chat)).toBe('One.');
  });

  it('reads a lone text field, a message, and a provider reply', () => {
    expect(inputText({ question: 'Why?', locale: 'en' })).toBe('Why?');
    // Two text fields: which one is the input is not known, so the JSON stands.
    expect(inputText({ question: 'Why?', prompt: 'p' })).toBe('{"question":"Why?","prompt":"p"}');
    expect(outputText({ choices: [{ message: { role: 'assistant', content: 'Hi.' } }] })).toBe(
      'Hi.',
    );
    expect(outputText({ role: 'assistant', content: [{ type: 'text', text: 'Parts' }] })).toBe(
      'Parts',
    );
    expect(outputText({ text: 'T' })).toBe('T');
    expect(outputText(null)).toBeNull();
  });

  it('takes instructions, documents, latency, cost and tool calls from its spans', () => {
    const llm = spanFixture({
      requestJson: JSON.stringify({ messages: [{ role: 'system', content: 'Cite sources.' }] }),
      responseJson: JSON.stringify({ text: 'x', toolCalls: [{ name: 'a' }, { name: 'b' }] }),
      costPicoUsd: 2_000_000,
      startedAt: '2026-12-07T00:00:00.100Z',
      endedAt: '2026-12-07T00:00:00.600Z',
    });
    const retrieval = spanFixture({
      kind: 'retrieval',
      model: null,
      responseJson: JSON.stringify({
        output: ['Doc one', { page_content: 'Doc two' }, { score: 1 }],
      }),
      costPicoUsd: null,
      startedAt: '2026-12-07T00:00:00.000Z',
      endedAt: '2026-12-07T00:00:00.050Z',
    });
    const tool = spanFixture({
      kind: 'tool',
      model: null,
      costPicoUsd: null,
      startedAt: '2026-12-07T00:00:00.200Z',
      endedAt: '2026-12-07T00:00:00.300Z',
    });
    const target = interactionTarget(interaction(), [retrieval, llm, tool]);
    expect(target).toMatchObject({
      input: 'q',
      output: 'a',
      instructions: 'Cite sources.',
      context: ['Doc one', 'Doc two', '{"score":1}'],
      latencyMs: 600,
      costUsd: 0.000002,
      // The model's own tool calls; the tool span is one of them, not a third.
      toolCallCount: 2,
      expected: null,
    });
    expect(modelOf([retrieval, llm])).toBe('gpt-4o');
    // An unpriced call makes the cost unknown, not lower.
    expect(
      interactionTarget(interaction(), [llm, spanFixture({ costPicoUsd: null })]).costUsd,
    ).toBeNull();
    // Tool spans count when no model call says.
    expect(interactionTarget(interaction(), [tool, tool]).toolCallCount).toBe(2);
  });

  it('leaves what no span says unknown', () => {
    const target = interactionTarget(interaction({ input: { messages: chat } }), []);
    expect(target).toMatchObject({
      instructions: 'Be brief.',
      context: null,
      latencyMs: null,
      costUsd: null,
      toolCallCount: null,
    });
    expect(modelOf([])).toBeNull();
  });
});
