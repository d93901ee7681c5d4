import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanFixture } from '../../../test/support/span-fixture';
import { openTestStore } from '../../../test/support/test-database';
import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import type { SpanRecord } from '../../tracing/span-record';
import { parse, PulseHarness } from './test-harness';

let store: Store;
let h: PulseHarness;

const at = (hh: number, mm: number, s = 0) =>
  new Date(Date.UTC(2026, 11, 7, hh, mm, s)).toISOString();

/** One LLM span in its own trace, at a minute of the day. */
function call(start: string, fields: Partial<SpanRecord> = {}): SpanRecord {
  return spanFixture({
    id: newId(),
    traceId: newId(),
    startedAt: start,
    endedAt: start,
    model: 'gpt-4o',
    ...fields,
  });
}

// The hour before (08:00–09:00): 20 calls, all ok, 100 ms, $0.001 each.
// The last hour (09:00–10:00): 20 calls, 6 failed, latencies 100..2,000 ms, $0.005 each.
const before = Array.from({ length: 20 }, (_, i) =>
  call(at(8, 5 + i), { latencyMs: 100, costPicoUsd: 1_000_000_000 }),
);
const errored = Array.from({ length: 6 }, (_, i) =>
  call(at(9, 5 + i), {
    status: 'error',
    errorClass: 'PROVIDER_UNAVAILABLE',
    errorMessage: 'upstream 503',
    latencyMs: 300,
    costPicoUsd: 5_000_000_000,
  }),
);
const recent = [
  ...errored,
  ...Array.from({ length: 14 }, (_, i) =>
    call(at(9, 20 + i), { latencyMs: 100 * (i + 7), costPicoUsd: 5_000_000_000 }),
  ),
];

beforeAll(async () => {
  store = await openTestStore();
  h = new PulseHarness(store, '2026-12-07T10:00:30.000Z');
  await h.tracing.ingest([...before, ...recent], 'api', 'test');
  // An app logged the interaction behind the newest failed call.
  await h.tracing.createInteraction(
    parse('interactions.create', {
      type: 'chat',
      traceId: errored[5]!.traceId,
      input: 'where is my order?',
      output: null,
    }),
  );
});
afterAll(async () => {
  await h.close();
  await store.close();
});

async function ruleFiring(body: Parameters<typeof parse<'pulse.rules.create'>>[1]) {
  const rule = await h.pulse.createRule(parse('pulse.rules.create', body));
  const [first] = await h.pulse.evaluate(rule.id);
  const [second] = await h.pulse.evaluate(rule.id);
  expect(second).toMatchObject({ alertId: null, firing: first!.firing });
  const alert = first!.alertId
    ? (await h.pulse.listAlerts(parse('pulse.alerts.list', { ruleId: rule.id }))).alerts[0]!
    : null;
  return { evaluation: first!, alert };
}

describe('pulse rules on trace figures', () => {
  it('fires on an error rate above a threshold and links the failed calls', async () => {
    const { evaluation, alert } = await ruleFiring({
      name: 'Errors',
      metric: 'error_rate',
      condition: { type: 'above', value: 0.2 },
    });
    expect(evaluation).toMatchObject({ value: 0.3, previousValue: 0, samples: 20, met: true });
    expect(alert!.summary).toBe(
      'Errors: error rate 30.0% is above 20.0% (last 1 h; 0.0% the 1 h before)',
    );
    // Newest failed call first; the interaction logged on it is linked too.
    expect(alert!.traceIds).toEqual([...errored].reverse().map((s) => s.traceId));
    expect(alert!.interactionIds).toHaveLength(1);
  });

  it('fires on p95 latency and links the slowest calls', async () => {
    const { evaluation, alert } = await ruleFiring({
      name: 'Slow',
      metric: 'p95_latency_ms',
      condition: { type: 'above', value: 1_500 },
    });
    // Nearest rank ceil(0.95 × 20) = 19th of the sorted latencies: 1,900 ms.
    expect(evaluation).toMatchObject({ value: 1_900, previousValue: 100, met: true });
    expect(alert!.traceIds[0]).toBe(recent[recent.length - 1]!.traceId);
    expect(alert!.summary).toMatch(/^Slow: p95 latency 1,900 ms is above 1,500 ms/);
  });

  it("fires on cost per day at the window's pace; a drop rule stays quiet on a rise", async () => {
    const { evaluation } = await ruleFiring({
      name: 'Spend',
      metric: 'cost_per_day_usd',
      condition: { type: 'above', value: 2 },
    });
    // $0.10 in the last hour is $2.40 a day; $0.02 the hour before is $0.48.
    expect(evaluation.value).toBeCloseTo(2.4, 9);
    expect(evaluation.previousValue).toBeCloseTo(0.48, 9);
    expect(evaluation.met).toBe(true);
    const { evaluation: drop } = await ruleFiring({
      name: 'Spend dropped',
      metric: 'cost_per_day_usd',
      condition: { type: 'drop', percent: 10 },
    });
    expect(drop).toMatchObject({ met: false, firing: false, alertId: null });
  });

  it('cannot tell from too few calls or from traffic the filter leaves out', async () => {
    const { evaluation: few } = await ruleFiring({
      name: 'Few',
      metric: 'error_rate',
      condition: { type: 'above', value: 0.1 },
      minSamples: 21,
    });
    expect(few).toMatchObject({ value: null, samples: 20, met: null, alertId: null });
    const { evaluation: other } = await ruleFiring({
      name: 'Other model',
      metric: 'error_rate',
      condition: { type: 'above', value: 0.1 },
      filter: { model: 'gpt-4o-mini' },
      minSamples: 1,
    });
    expect(other).toMatchObject({ value: null, samples: 0, met: null });
    const { evaluation: prompt } = await ruleFiring({
      name: 'Prompt',
      metric: 'error_rate',
      condition: { type: 'above', value: 0.1 },
      filter: { prompt: 'support@production' },
      minSamples: 1,
    });
    expect(prompt).toMatchObject({ samples: 0, error: null });
  });

  it('records why a rule cannot be evaluated and keeps going', async () => {
    const rule = await h.pulse.createRule(
      parse('pulse.rules.create', {
        name: 'Label moved away',
        metric: 'error_rate',
        condition: { type: 'above', value: 0.1 },
        filter: { prompt: 'support@production' },
      }),
    );
    // The label is resolved at each evaluation: a test double that stops resolving it.
    await store.db
      .updateTable('alert_rule')
      .set({ filter_json: JSON.stringify({ prompt: 'gone@production' }) })
      .where('id', '=', rule.id)
      .execute();
    const [evaluation] = await h.pulse.evaluate(rule.id);
    expect(evaluation!.error).toMatch(/No prompt version "gone@production"/);
    const stored = (await h.pulse.listRules()).find((r) => r.id === rule.id)!;
    expect(stored.lastError).toBe(evaluation!.error);
  });
});
