import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanFixture } from '../../../test/support/span-fixture';
import { tempDir } from '../../../test/support/temp-dir';
import { openTestCore } from '../../../test/support/test-database';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { ErrorPayload } from '../../../shared/errors';
import { picoToUsd } from '../../../shared/money';
import type { Core } from '../../app/create-core';
import { newId } from '../../kit/ids';
import { computeCost } from '../../llm/pricing/price-book';
import type { SpanRecord } from '../span-record';
import { RepricingService } from './repricing-service';

/**
 * Re-pricing through the dispatcher every transport shares, on a whole core (the llm service
 * holds the prices, set here as overrides so no catalog change moves the figures).
 */
let core: Core;

async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'ipc' });
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.data as ChannelOutput<C>;
}

async function refusal(channel: Channel, input: unknown): Promise<ErrorPayload> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'ipc' });
  if (res.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return res.error;
}

const paths = (e: ErrorPayload) =>
  ((e.details as { issues?: { path: string }[] } | undefined)?.issues ?? []).map((i) => i.path);

const usage = (input: number, output: number, cacheRead = 0, cacheWrite = 0, reasoning = 0) => ({
  inputTokens: input,
  outputTokens: output,
  cacheReadTokens: cacheRead,
  cacheWriteTokens: cacheWrite,
  reasoningTokens: reasoning,
});

const span = (at: string, overrides: Partial<SpanRecord>): SpanRecord =>
  spanFixture({ startedAt: at, endedAt: at, attributes: null, tags: ['fixed'], ...overrides });

/*
 * Prices (USD per 1M tokens -> pico-dollars per token):
 *   openai:rp-big      input 2.00 (2e6), output 8.00 (8e6), cache read 0.50 (5e5), cache write -
 *                      (billed at the input rate)
 *   anthropic:rp-small input 0.25 (2.5e5), output 1.25 (1.25e6), cache read 0.03 (3e4),
 *                      cache write 0.30 (3e5)
 *   anthropic:rp-target input 1.00 (1e6), output 4.00 (4e6), cache read 0.10 (1e5),
 *                      cache write 1.25 (1.25e6)
 *   openai:rp-nobody   no price
 */
const T1 = newId();
const T2 = newId();
const T3 = newId();
const T4 = newId();
const T5 = newId();
const T6 = newId();
const ids = {
  A: newId(),
  B: newId(),
  C: newId(),
  D: newId(),
  E: newId(),
  F: newId(),
  G: newId(),
  H: newId(),
  I: newId(),
  J: newId(),
};
const big = { provider: 'openai', model: 'rp-big' } as const;
const small = { provider: 'anthropic', model: 'rp-small' } as const;
const nobody = { provider: 'openai', model: 'rp-nobody' } as const;

const FIXED: SpanRecord[] = [
  // Day 1. A: 1000*2e6 + 500*8e6 + 2000*5e5 = 7e9 (200 of the 500 output tokens reasoning).
  span('2026-03-01T08:00:00.000Z', {
    id: ids.A,
    traceId: T1,
    ...big,
    usage: usage(1000, 500, 2000, 0, 200),
    costPicoUsd: 7e9,
  }),
  // B: 4000*2.5e5 + 1000*1.25e6 + 1000*3e5 = 2.55e9.
  span('2026-03-01T09:00:00.000Z', {
    id: ids.B,
    traceId: T2,
    ...small,
    usage: usage(4000, 1000, 0, 1000),
    costPicoUsd: 2.55e9,
  }),
  // C: answered without a price: unpriced, never $0.
  span('2026-03-01T10:00:00.000Z', {
    id: ids.C,
    traceId: T1,
    parentId: ids.A,
    ...nobody,
    usage: usage(300, 100),
    costPicoUsd: null,
  }),
  // D: a tool span with a cost: not an LLM call, in its trace's cost but in no table.
  span('2026-03-01T11:00:00.000Z', {
    id: ids.D,
    traceId: T1,
    parentId: ids.A,
    kind: 'tool',
    provider: null,
    model: null,
    usage: usage(5000, 0),
    costPicoUsd: 9e9,
  }),
  // Day 2. E: 10*2e6 + 20*8e6 + 30*2e6 (cache write at the input rate) = 2.4e8.
  span('2026-03-02T08:00:00.000Z', {
    id: ids.E,
    traceId: T3,
    ...big,
    usage: usage(10, 20, 0, 30, 20),
    costPicoUsd: 2.4e8,
  }),
  // F: failed, no usage, no cost: a span, not an unpriced one.
  span('2026-03-02T09:00:00.000Z', {
    id: ids.F,
    traceId: T3,
    ...big,
    status: 'error',
    errorClass: 'server_error',
    errorMessage: 'boom',
    responseJson: null,
    usage: usage(0, 0),
    costPicoUsd: null,
  }),
  // J: the app reported its cost over OTLP ($0.50): that figure stands on recompute.
  span('2026-03-02T10:00:00.000Z', {
    id: ids.J,
    traceId: T5,
    ...big,
    source: 'otlp',
    attributes: { 'gen_ai.usage.cost': 0.5 },
    usage: usage(100, 100),
    costPicoUsd: 5e11,
  }),
  // Day 3. G: 5000*3e4 = 1.5e8. H: a cache hit, $0 by design.
  span('2026-03-03T23:59:59.999Z', {
    id: ids.G,
    traceId: T4,
    ...small,
    usage: usage(0, 0, 5000),
    costPicoUsd: 1.5e8,
  }),
  span('2026-03-03T23:59:59.999Z', {
    id: ids.H,
    traceId: T4,
    ...big,
    cacheHit: true,
    usage: usage(0, 0),
    costPicoUsd: 0,
  }),
  // I: just before the range: never read, never changed.
  span('2026-02-28T23:59:59.999Z', {
    id: ids.I,
    traceId: T6,
    ...big,
    usage: usage(1000, 500, 2000, 0, 200),
    costPicoUsd: 7e9,
  }),
];

const RANGE = { from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z' };
const TARGET = { provider: 'anthropic', model: 'rp-target' } as const;

/** A row of the hand-computed table, costs in pico-dollars. */
interface Hand {
  spans: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  pricedSpans: number;
  unpricedSpans: number;
  actual: number | null;
  whatIf: number;
  whatIfPriced: number;
}

const asFigures = (h: Hand) => ({
  spans: h.spans,
  inputTokens: h.inputTokens,
  outputTokens: h.outputTokens,
  cacheReadTokens: h.cacheReadTokens,
  cacheWriteTokens: h.cacheWriteTokens,
  reasoningTokens: h.reasoningTokens,
  pricedSpans: h.pricedSpans,
  unpricedSpans: h.unpricedSpans,
  actualCostUsd: h.actual === null ? null : picoToUsd(h.actual),
  whatIfCostUsd: picoToUsd(h.whatIf),
  whatIfPricedCostUsd: picoToUsd(h.whatIfPriced),
});

/*
 * On rp-target (1e6 / 4e6 / 1e5 / 1.25e6):
 *   A 1000*1e6 + 500*4e6 + 2000*1e5 = 3.2e9      B 4000*1e6 + 1000*4e6 + 1000*1.25e6 = 9.25e9
 *   C 300*1e6 + 100*4e6 = 7e8                    E 10*1e6 + 20*4e6 + 30*1.25e6 = 1.275e8
 *   F 0   J 100*1e6 + 100*4e6 = 5e8   G 5000*1e5 = 5e8   H 0
 */
const HAND: Record<string, Hand> = {
  '2026-03-01': {
    spans: 3,
    inputTokens: 5300,
    outputTokens: 1600,
    cacheReadTokens: 2000,
    cacheWriteTokens: 1000,
    reasoningTokens: 200,
    pricedSpans: 2,
    unpricedSpans: 1,
    actual: 9.55e9,
    whatIf: 1.315e10,
    whatIfPriced: 1.245e10,
  },
  '2026-03-02': {
    spans: 3,
    inputTokens: 110,
    outputTokens: 120,
    cacheReadTokens: 0,
    cacheWriteTokens: 30,
    reasoningTokens: 20,
    pricedSpans: 2,
    unpricedSpans: 0,
    actual: 5.0024e11,
    whatIf: 6.275e8,
    whatIfPriced: 6.275e8,
  },
  '2026-03-03': {
    spans: 2,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 5000,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    pricedSpans: 2,
    unpricedSpans: 0,
    actual: 1.5e8,
    whatIf: 5e8,
    whatIfPriced: 5e8,
  },
};
const HAND_TOTAL: Hand = {
  spans: 8,
  inputTokens: 5410,
  outputTokens: 1720,
  cacheReadTokens: 7000,
  cacheWriteTokens: 1030,
  reasoningTokens: 220,
  pricedSpans: 6,
  unpricedSpans: 1,
  actual: 5.0994e11,
  whatIf: 1.42775e10,
  whatIfPriced: 1.35775e10,
};

beforeAll(async () => {
  core = await openTestCore(tempDir('assay-reprice-'), {});
  await call('prices.set', {
    ...big,
    provider: 'openai',
    input: '2.00',
    output: '8.00',
    cacheRead: '0.50',
    cacheWrite: null,
  });
  await call('prices.set', {
    provider: 'anthropic',
    model: 'rp-small',
    input: '0.25',
    output: '1.25',
    cacheRead: '0.03',
    cacheWrite: '0.30',
  });
  await call('prices.set', {
    ...TARGET,
    input: '1.00',
    output: '4.00',
    cacheRead: '0.10',
    cacheWrite: '1.25',
  });
  await core.services.tracing.ingest(FIXED, 'api', 'test');
});
afterAll(() => core.close());

describe('costs.whatIf', () => {
  it('matches the hand-computed table, day by day and in total', async () => {
    const result = await call('costs.whatIf', { ...RANGE, target: TARGET });
    expect(result.from).toBe('2026-03-01T00:00:00.000Z');
    expect(result.to).toBe('2026-03-04T00:00:00.000Z');
    expect(result.target).toEqual({
      ...TARGET,
      price: {
        input: '1.00',
        output: '4.00',
        cacheRead: '0.10',
        cacheWrite: '1.25',
        source: 'override',
      },
    });
    expect(result.days).toEqual(
      Object.entries(HAND).map(([day, hand]) => ({ day, ...asFigures(hand) })),
    );
    expect(result.totals).toEqual(asFigures(HAND_TOTAL));
  });

  it('filters by model, source and tag, and lists days without spans as zero', async () => {
    const onlyBig = await call('costs.whatIf', {
      ...RANGE,
      filter: { provider: 'openai', model: 'rp-big', source: 'assay' },
      target: TARGET,
    });
    // A, E, F and H (J came in over OTLP).
    expect(onlyBig.totals).toMatchObject({
      spans: 4,
      pricedSpans: 3,
      unpricedSpans: 0,
      actualCostUsd: picoToUsd(7e9 + 2.4e8 + 0),
      whatIfCostUsd: picoToUsd(3.2e9 + 1.275e8),
    });
    const untagged = await call('costs.whatIf', {
      ...RANGE,
      filter: { tags: ['nowhere'] },
      target: TARGET,
    });
    expect(untagged.days.map((d) => [d.day, d.spans, d.actualCostUsd])).toEqual([
      ['2026-03-01', 0, null],
      ['2026-03-02', 0, null],
      ['2026-03-03', 0, null],
    ]);
    expect(untagged.totals.whatIfCostUsd).toBe(0);
  });

  it('refuses a bad range or an unpriced target, naming the field', async () => {
    const backwards = await refusal('costs.whatIf', {
      from: RANGE.to,
      to: RANGE.from,
      target: TARGET,
    });
    expect(backwards.code).toBe('VALIDATION_FAILED');
    expect(paths(backwards)).toEqual(['to']);
    const tooLong = await refusal('costs.whatIf', {
      from: '2025-01-01T00:00:00Z',
      to: '2026-03-01T00:00:00Z',
      target: TARGET,
    });
    expect(tooLong.code).toBe('VALIDATION_FAILED');
    expect(paths(tooLong)).toEqual(['from']);
    const notTime = await refusal('costs.whatIf', { ...RANGE, from: 'yesterday', target: TARGET });
    expect(paths(notTime)).toEqual(['from']);
    const unpriced = await refusal('costs.whatIf', { ...RANGE, target: nobody });
    expect(unpriced.code).toBe('VALIDATION_FAILED');
    expect(paths(unpriced)).toEqual(['target.model']);
    const provider = await refusal('costs.whatIf', {
      ...RANGE,
      target: { provider: 'acme', model: 'x' },
    });
    expect(provider.code).toBe('VALIDATION_FAILED');
    expect(paths(provider)).toEqual(['target.provider']);
    const missing = await refusal('costs.whatIf', { ...RANGE });
    expect(paths(missing)).toEqual(['target']);
  });

  it('on the spans’ own model, the what-if of the priced spans is what they cost', async () => {
    const models = [big, small, TARGET] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            model: fc.constantFrom(...models),
            input: fc.nat(2_000_000),
            output: fc.nat(200_000),
            cacheRead: fc.nat(1_000_000),
            cacheWrite: fc.nat(100_000),
            day: fc.nat(2),
            priced: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (drawn) => {
          const tag = `prop-${newId()}`;
          const spans: SpanRecord[] = [];
          for (const d of drawn) {
            const price = await core.services.llm.priceOf(d.model.provider, d.model.model);
            const u = usage(d.input, d.output + 3, d.cacheRead, d.cacheWrite, 3);
            spans.push(
              span(`2026-05-0${d.day + 1}T12:00:00.000Z`, {
                ...d.model,
                tags: [tag],
                usage: u,
                // Some spans lost their price when stored: not part of the comparison.
                costPicoUsd: d.priced ? computeCost(price, u) : null,
              }),
            );
          }
          await core.services.tracing.ingest(spans, 'api', 'property');
          for (const m of models) {
            const result = await call('costs.whatIf', {
              from: '2026-05-01T00:00:00Z',
              to: '2026-05-04T00:00:00Z',
              filter: { tags: [tag], provider: m.provider, model: m.model },
              target: m,
            });
            for (const figures of [...result.days, result.totals]) {
              if (figures.pricedSpans === 0) expect(figures.actualCostUsd).toBeNull();
              else expect(figures.whatIfPricedCostUsd).toBe(figures.actualCostUsd);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

async function traceRow(id: string) {
  const { trace } = await call('traces.get', { id });
  return { costUsd: trace.costUsd, unpricedCount: trace.unpricedCount };
}

async function spanCost(id: string) {
  return (await call('spans.get', { id })).costUsd;
}

describe('costs.recompute', () => {
  it('recomputes span costs with changed prices, sums their traces again and records it', async () => {
    // Before: every trace's cost is its spans' sum as ingested.
    expect(await traceRow(T1)).toEqual({ costUsd: picoToUsd(7e9 + 9e9), unpricedCount: 1 });
    await call('prices.set', {
      provider: 'openai',
      model: 'rp-big',
      input: '3.00',
      output: '8.00',
      cacheRead: '0.50',
      cacheWrite: null,
    });
    await call('prices.set', {
      provider: 'openai',
      model: 'rp-nobody',
      input: '1.00',
      output: '2.00',
    });
    await call('prices.delete', { provider: 'anthropic', model: 'rp-small' });

    // Two spans a batch (G and H share one instant): the batch edges are crossed.
    const costs = new RepricingService({
      store: core.store,
      priceOf: (p, m) => core.services.llm.priceOf(p, m),
      recomputeBatch: 2,
    });
    const record = await costs.recompute({ ...RANGE, filter: { tags: ['fixed'] } });

    // A 1000*3e6 + 500*8e6 + 2000*5e5 = 8e9; E 10*3e6 + 20*8e6 + 30*3e6 = 2.8e8;
    // C 300*1e6 + 100*2e6 = 5e8; B and G lost their price; F, H, J, I and D stay.
    expect(await spanCost(ids.A)).toBe(picoToUsd(8e9));
    expect(await spanCost(ids.E)).toBe(picoToUsd(2.8e8));
    expect(await spanCost(ids.C)).toBe(picoToUsd(5e8));
    expect(await spanCost(ids.B)).toBeNull();
    expect(await spanCost(ids.G)).toBeNull();
    expect(await spanCost(ids.F)).toBeNull();
    expect(await spanCost(ids.H)).toBe(0);
    expect(await spanCost(ids.J)).toBe(0.5);
    expect(await spanCost(ids.I)).toBe(picoToUsd(7e9));
    expect(await spanCost(ids.D)).toBe(picoToUsd(9e9));

    expect(await traceRow(T1)).toEqual({ costUsd: picoToUsd(8e9 + 5e8 + 9e9), unpricedCount: 0 });
    expect(await traceRow(T2)).toEqual({ costUsd: null, unpricedCount: 1 });
    expect(await traceRow(T3)).toEqual({ costUsd: picoToUsd(2.8e8), unpricedCount: 0 });
    expect(await traceRow(T4)).toEqual({ costUsd: 0, unpricedCount: 1 });
    expect(await traceRow(T5)).toEqual({ costUsd: 0.5, unpricedCount: 0 });
    expect(await traceRow(T6)).toEqual({ costUsd: picoToUsd(7e9), unpricedCount: 0 });

    expect(record).toMatchObject({
      status: 'completed',
      error: null,
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-04T00:00:00.000Z',
      filter: { tags: ['fixed'] },
      model: null,
      // A, B, C, E, G: Assay priced them (F had no usage, H was a cache hit, J the app's).
      spansExamined: 5,
      spansChanged: 5,
      costBeforeUsd: picoToUsd(7e9 + 2.55e9 + 2.4e8 + 1.5e8),
      costAfterUsd: picoToUsd(8e9 + 5e8 + 2.8e8),
      unpricedBefore: 1,
      unpricedAfter: 2,
      lostPrice: 2,
      gainedPrice: 1,
    });
    // A batch counts the traces it summed: T1 (A, C) spans two batches here.
    expect(record.tracesUpdated).toBeGreaterThanOrEqual(4);
    expect(record.prices).toEqual([
      { provider: 'anthropic', model: 'rp-small', spans: 2, price: null },
      {
        provider: 'openai',
        model: 'rp-big',
        spans: 2,
        price: {
          input: '3.00',
          output: '8.00',
          cacheRead: '0.50',
          cacheWrite: null,
          source: 'override',
        },
      },
      {
        provider: 'openai',
        model: 'rp-nobody',
        spans: 1,
        price: {
          input: '1.00',
          output: '2.00',
          cacheRead: null,
          cacheWrite: null,
          source: 'override',
        },
      },
    ]);

    // Run again through the contract: nothing left to change, and a second record.
    const again = await call('costs.recompute', { ...RANGE, filter: { tags: ['fixed'] } });
    expect(again).toMatchObject({ spansExamined: 5, spansChanged: 0, tracesUpdated: 0 });
    expect(again.costBeforeUsd).toBe(again.costAfterUsd);
    const history = await call('costs.history', {});
    expect(history.items.slice(0, 2).map((r) => r.id)).toEqual([again.id, record.id]);
  });

  it('touches only the model it is given', async () => {
    await call('prices.set', {
      provider: 'openai',
      model: 'rp-big',
      input: '2.00',
      output: '8.00',
      cacheRead: '0.50',
      cacheWrite: null,
    });
    const record = await call('costs.recompute', {
      ...RANGE,
      model: { provider: 'openai', model: 'rp-nobody' },
    });
    expect(record).toMatchObject({
      model: { provider: 'openai', model: 'rp-nobody' },
      spansExamined: 1,
      spansChanged: 0,
    });
    expect(await spanCost(ids.A)).toBe(picoToUsd(8e9));
  });

  it('refuses a bad range, naming the field', async () => {
    const backwards = await refusal('costs.recompute', { from: RANGE.to, to: RANGE.from });
    expect(paths(backwards)).toEqual(['to']);
    const model = await refusal('costs.recompute', { ...RANGE, model: { provider: 'openai' } });
    expect(paths(model)).toEqual(['model.model']);
  });
});
