import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseLines, type SseEvent } from './sse-lines';

function parseAll(chunks: readonly Uint8Array[]): SseEvent[] {
  const events: SseEvent[] = [];
  const lines = new SseLines((e) => events.push(e));
  for (const chunk of chunks) lines.push(chunk);
  lines.end();
  return events;
}

/** Cuts bytes at the given offsets (anywhere, UTF-8 characters included). */
function cut(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    out.push(bytes.subarray(last, p));
    last = p;
  }
  out.push(bytes.subarray(last));
  return out;
}

describe('SseLines', () => {
  it('reads the same events however the bytes are cut', () => {
    const event = fc.record({
      event: fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: null }),
      data: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        (events, offsets, crlf) => {
          const nl = crlf ? '\r\n' : '\n';
          const text = events
            .map(
              (e) => `${e.event === null ? '' : `event: ${e.event}${nl}`}data: ${e.data}${nl}${nl}`,
            )
            .join('');
          const bytes = new TextEncoder().encode(text);
          expect(parseAll(cut(bytes, offsets))).toEqual(events);
        },
      ),
    );
  });

  it('joins multi-line data, skips comments, and counts a last event without its blank line', () => {
    const text = ': keep-alive\ndata: a\ndata: b\n\nevent: x\ndata: tail';
    expect(parseAll([new TextEncoder().encode(text)])).toEqual([
      { event: null, data: 'a\nb' },
      { event: 'x', data: 'tail' },
    ]);
  });

  it('gives up on an event over the cap without throwing', () => {
    const lines = new SseLines(() => undefined);
    const big = new Uint8Array(9 * 1024 * 1024).fill(0x61);
    lines.push(new TextEncoder().encode('data: '));
    lines.push(big);
    expect(lines.overflowed).toBe(true);
    expect(() => lines.end()).not.toThrow();
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 6 }), (chunks) => {
        expect(() => parseAll(chunks)).not.toThrow();
      }),
    );
  });
});
