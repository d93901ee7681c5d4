import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../../../test/support/parse-json';
import type { AlertView } from '../../../shared/contract/pulse';
import { openTestStore } from '../../../test/support/test-database';
import type { Store } from '../../store/store';
import { parse, PulseHarness } from './test-harness';
import { webhookReceiver } from './test-receiver';
import { SIGNATURE_HEADER, verifySignature } from './webhook-signature';

let store: Store;
let h: PulseHarness;

beforeAll(async () => {
  store = await openTestStore();
  // 10:00: the last hour is 09:00–10:00, the hour before 08:00–09:00.
  h = new PulseHarness(store, '2026-12-07T10:00:00.000Z');
});
afterAll(async () => {
  await h.close();
  await store.close();
});

const minute = (hh: number, mm: number) => new Date(Date.UTC(2026, 11, 7, hh, mm)).toISOString();
const interaction = (id: string) => ({ type: 'interaction' as const, id });

describe('a pulse rule on a scorecard mean', () => {
  it('fires exactly once when the mean drops, signed to the webhook, and not again after a restart', async () => {
    const { grader, card } = await h.scorecard('answers');
    // The hour before: twelve answers scored 9/10 (mean 0.9).
    for (let i = 0; i < 12; i++)
      await h.score(grader, interaction(`old-${i}`), 9, minute(8, 10 + i));
    const rx = await webhookReceiver([204]);
    const { webhook, secret } = await h.pulse.createWebhook(
      parse('pulse.webhooks.create', { name: 'ops', url: rx.url }),
    );
    const rule = await h.pulse.createRule(
      parse('pulse.rules.create', {
        name: 'Support answers',
        metric: 'scorecard_mean',
        scorecardId: card.id,
        condition: { type: 'drop', by: 0.2 },
        windowMinutes: 60,
        minSamples: 10,
        webhookIds: [webhook.id],
      }),
    );

    // No scores in the last hour yet: the window cannot tell, nothing fires.
    const [quiet] = await h.pulse.tick();
    expect(quiet).toMatchObject({ ruleId: rule.id, value: null, met: null });
    expect(quiet!.previousValue).toBeCloseTo(0.9, 12);

    // The last hour: ten answers at 3/10 and two at 8/10 (mean 0.3833).
    for (let i = 0; i < 10; i++)
      await h.score(grader, interaction(`bad-${i}`), 3, minute(9, 10 + i));
    for (let i = 0; i < 2; i++) await h.score(grader, interaction(`ok-${i}`), 8, minute(9, 30 + i));
    const evaluations = [];
    for (const step of [0, 10_000, 50_000]) {
      h.advance(step);
      evaluations.push(...(await h.pulse.tick()));
    }
    await h.pulse.settled();
    expect(evaluations.map((e) => e.alertId !== null)).toEqual([true, false, false]);
    expect(evaluations.every((e) => e.firing && e.met === true)).toBe(true);
    expect(evaluations[0]!.value).toBeCloseTo((10 * 0.3 + 2 * 0.8) / 12, 12);

    // A new process on the same database does not alert again for the same breach.
    await h.restart();
    h.advance(60_000);
    expect((await h.pulse.tick())[0]).toMatchObject({ firing: true, alertId: null });

    const inbox = await h.pulse.listAlerts(parse('pulse.alerts.list', {}));
    expect(inbox.unread).toBe(1);
    expect(inbox.alerts).toHaveLength(1);
    const alert: AlertView = inbox.alerts[0]!;
    expect(alert).toMatchObject({
      ruleId: rule.id,
      ruleName: 'Support answers',
      metric: 'scorecard_mean',
      window: { from: minute(9, 0), to: minute(10, 0) },
      firedAt: minute(10, 0),
      read: false,
      deliveries: { pending: 0, delivered: 1, failed: 0 },
    });
    expect(alert.previousValue).toBeCloseTo(0.9, 12);
    expect(alert.summary).toMatch(
      /^Support answers: scorecard mean 0\.383 dropped by at least 0\.200/,
    );
    // The worst targets, worst first: the ten answers at 3/10.
    expect(alert.interactionIds).toEqual(Array.from({ length: 10 }, (_, i) => `bad-${i}`));

    // The receiver got one request, signed with the webhook's secret over `t.body`.
    expect(rx.received).toHaveLength(1);
    const [got] = rx.received;
    const header = String(got!.headers[SIGNATURE_HEADER]);
    expect(verifySignature(secret, got!.body, header, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature('whsec_wrong', got!.body, header, Math.floor(Date.now() / 1000))).toBe(
      false,
    );
    const payload = parseJson(
      z.object({ alert: z.object({ id: z.string(), value: z.number(), summary: z.string() }) }),
      got!.body,
    );
    expect(payload.alert).toMatchObject({
      id: alert.id,
      value: alert.value,
      summary: alert.summary,
    });

    // The workbench and the desktop shell heard about it once.
    const events = h.alertsPublished();
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ alert: { id: alert.id }, unread: 1 });

    const { deliveries } = await h.pulse.deliveriesOf(alert.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      webhookId: webhook.id,
      webhookName: 'ops',
      state: 'delivered',
      finalError: null,
      attempts: [{ attempt: 1, status: 204, error: null }],
    });

    const [stored] = (await h.pulse.listRules()).filter((r) => r.id === rule.id);
    expect(stored).toMatchObject({ firing: true, lastError: null });
    expect(stored!.lastValue).toBeCloseTo(0.3833, 3);

    // Read, the inbox count falls; marked unread again, it comes back.
    expect(await h.pulse.markRead(parse('pulse.alerts.markRead', { ids: [alert.id] }))).toEqual({
      unread: 0,
    });
    expect(
      await h.pulse.markRead(parse('pulse.alerts.markRead', { all: true, read: false })),
    ).toEqual({ unread: 1 });
    await h.pulse.markRead(parse('pulse.alerts.markRead', { all: true }));
    expect(h.errors).toEqual([]);
  });

  it('retries a failing receiver and shows its failure in the alert deliveries', async () => {
    const { grader, card } = await h.scorecard('failing');
    for (let i = 0; i < 10; i++) await h.score(grader, interaction(`f-${i}`), 2, minute(9, 40 + i));
    const down = await webhookReceiver([500]);
    const up = await webhookReceiver([200]);
    const bad = await h.pulse.createWebhook(
      parse('pulse.webhooks.create', { name: 'down', url: down.url }),
    );
    const good = await h.pulse.createWebhook(
      parse('pulse.webhooks.create', { name: 'up', url: up.url, format: 'slack' }),
    );
    await h.pulse.createRule(
      parse('pulse.rules.create', {
        name: 'Pass rate',
        metric: 'scorecard_pass_rate',
        scorecardId: card.id,
        condition: { type: 'below', value: 0.5 },
        webhookIds: [bad.webhook.id, good.webhook.id],
      }),
    );
    const fired = (await h.pulse.tick()).find((e) => e.alertId !== null)!;
    expect(fired).toMatchObject({ value: 0, met: true });
    await h.pulse.settled();
    expect(down.received).toHaveLength(3);
    expect(up.received).toHaveLength(1);
    expect(JSON.parse(up.received[0]!.body)).toMatchObject({
      text: expect.stringMatching(
        /^Assay alert: Pass rate: scorecard pass rate 0\.0% is below 50\.0%/,
      ),
    });
    const { deliveries } = await h.pulse.deliveriesOf(fired.alertId!);
    expect(deliveries.map((d) => [d.webhookName, d.state])).toEqual([
      ['down', 'failed'],
      ['up', 'delivered'],
    ]);
    const failed = deliveries[0]!;
    expect(failed.finalError).toBe('the receiver answered 500');
    expect(failed.attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
    const inbox = await h.pulse.listAlerts(parse('pulse.alerts.list', { unreadOnly: true }));
    expect(inbox.alerts.find((a) => a.id === fired.alertId)!.deliveries).toEqual({
      pending: 0,
      delivered: 1,
      failed: 1,
    });
  });

  it('resumes a delivery its process left pending, after a restart', async () => {
    const { grader, card } = await h.scorecard('resumed');
    for (let i = 0; i < 10; i++) await h.score(grader, interaction(`r-${i}`), 1, minute(9, 5 + i));
    const rx = await webhookReceiver([503, 200]);
    const { webhook } = await h.pulse.createWebhook(
      parse('pulse.webhooks.create', { name: 'flaky', url: rx.url }),
    );
    const rule = await h.pulse.createRule(
      parse('pulse.rules.create', {
        name: 'Resumed',
        metric: 'scorecard_mean',
        scorecardId: card.id,
        condition: { type: 'below', value: 0.5 },
        webhookIds: [webhook.id],
      }),
    );
    // The process quits while waiting to retry: the delivery stays pending.
    const slow = new PulseHarness(
      store,
      new Date(h.nowMs).toISOString(),
      // No jitter: the wait before the retry is the whole minute.
      { policy: { ...FAST, baseDelayMs: 60_000, maxDelayMs: 60_000 }, random: () => 1 },
      h.cipher,
    );
    const [evaluation] = await slow.pulse.evaluate(rule.id);
    await waitFor(() => rx.received.length === 1);
    await slow.close();
    expect((await h.pulse.deliveriesOf(evaluation!.alertId!)).deliveries[0]!.state).toBe('pending');
    // Ten minutes on, the next tick finds it stale, claims it and delivers it.
    h.advance(10 * 60_000);
    await h.pulse.tick();
    await h.pulse.settled();
    expect(rx.received).toHaveLength(2);
    const [delivery] = (await h.pulse.deliveriesOf(evaluation!.alertId!)).deliveries;
    expect(delivery).toMatchObject({ state: 'delivered', finalError: null });
  });
});

const FAST = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 };

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error('timed out');
}
