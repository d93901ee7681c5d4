import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceFilterSchema } from '../../../shared/contract/traces';
import { AssayError } from '../../../shared/errors';
import { parseTimeOption, traceFilterFrom } from './traces-options';
import { spanMatches, spanTextLine } from './traces-tail-line';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');

describe('traces command options', () => {
  it('reads durations and ISO times', () => {
    expect(parseTimeOption('--since', '30m', NOW)).toBe('2026-12-07T11:30:00.000Z');
    expect(parseTimeOption('--since', '7d', NOW)).toBe('2026-11-30T12:00:00.000Z');
    expect(parseTimeOption('--since', '2026-12-06', NOW)).toBe('2026-12-06T00:00:00.000Z');
    expect(parseTimeOption('--since', '2026-12-06T10:00:00+02:00', NOW)).toBe(
      '2026-12-06T08:00:00.000Z',
    );
  });

  it('maps --filter keys onto the traces.list filter', () => {
    const f = traceFilterFrom(
      {
        filter: [
          'model=gpt-4o',
          'tag=prod',
          'tag=vip',
          'user=u 1',
          'min-cost=0.5',
          'max-latency=900',
          'status=error',
        ],
        search: ' refund ',
      },
      NOW,
    );
    expect(f).toEqual({
      model: 'gpt-4o',
      tags: ['prod', 'vip'],
      userId: 'u 1',
      minCostUsd: 0.5,
      maxLatencyMs: 900,
      status: 'error',
      search: 'refund',
    });
  });

  it('turns any input into a filter or a coded VALIDATION_FAILED, never another error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 4 }),
        fc.option(fc.string()),
        (filters, since) => {
          try {
            const f = traceFilterFrom({ filter: filters, since: since ?? undefined }, NOW);
            // What passes here is checked again by the contract; a number is never NaN.
            for (const v of Object.values(f))
              if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
            traceFilterSchema.safeParse(f);
          } catch (err) {
            expect(err).toBeInstanceOf(AssayError);
            expect((err as AssayError).code).toBe('VALIDATION_FAILED');
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('tail lines', () => {
  const span = {
    id: 's1',
    traceId: '4bf92f3577b34da6',
    kind: 'llm',
    name: 'evil\u001b[2Jname\nx',
    source: 'otlp',
    provider: 'openai',
    model: 'gpt-4o',
    status: 'ok' as const,
    inputTokens: 12,
    outputTokens: 5,
    costPicoUsd: 125_000_000,
    latencyMs: 42,
    sessionId: null,
    userId: 'u1',
    tagsJson: '["prod"]',
    promptVersionId: null,
    startedAt: '2026-12-06T10:00:00.042Z',
  };

  it('prints one line without control characters, and filters per span', () => {
    const line = spanTextLine(span, false);
    expect([...line].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(line).toContain('10:00:00.042');
    expect(line).toContain('12→5 tok');
    expect(line).toContain('$0.000125');
    expect(spanMatches(span, { tags: ['prod'], userId: 'u1' })).toBe(true);
    expect(spanMatches(span, { tags: ['vip'] })).toBe(false);
    expect(spanMatches(span, { minCostUsd: 0.01 })).toBe(false);
  });
});
