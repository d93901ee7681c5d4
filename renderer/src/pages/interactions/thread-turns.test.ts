import { describe, expect, it } from 'vitest';
import type { InteractionView, TraceSummary } from '../../../../shared/contract';
import { previewText } from './payload-text';
import { threadTurns, turnText } from './thread-turns';

const interaction = (id: string, createdAt: string, traceId: string | null): InteractionView => ({
  id,
  type: 'chat',
  traceId,
  input: 'q',
  output: 'a',
  sessionId: 's',
  userId: null,
  tags: [],
  metadata: null,
  promptVersionId: null,
  spanIds: [],
  createdAt,
  feedback: [],
});

const trace = (id: string, startedAt: string) => ({ id, startedAt }) as TraceSummary;

describe('threadTurns', () => {
  it('merges interactions and traces in time order, a linked trace inside its interaction', () => {
    const turns = threadTurns(
      [
        interaction('i2', '2026-12-01T10:05:00.000Z', 't2'),
        interaction('i1', '2026-12-01T10:00:00.000Z', null),
      ],
      [trace('t2', '2026-12-01T10:04:59.000Z'), trace('t3', '2026-12-01T10:02:00.000Z')],
    );
    expect(
      turns.map((t) =>
        t.kind === 'interaction'
          ? `${t.interaction.id}:${t.trace?.id ?? '-'}`
          : `trace:${t.trace.id}`,
      ),
    ).toEqual(['i1:-', 'trace:t3', 'i2:t2']);
  });
});

describe('turn and preview text', () => {
  it('reads the last chat message, an answer text, a string, or JSON', () => {
    const chat = {
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hi' },
      ],
    };
    expect(turnText(chat)).toBe('hi');
    expect(turnText([{ role: 'user', content: [{ type: 'text', text: 'parts' }] }])).toBe('parts');
    expect(turnText({ text: 'answer', finishReason: 'stop' })).toBe('answer');
    expect(turnText({ label: 'spam' })).toBe('{\n  "label": "spam"\n}');
    expect(turnText(null)).toBe('');
    expect(previewText('a\n\n b '.repeat(100), 10)).toBe('a b a b a…');
  });
});
