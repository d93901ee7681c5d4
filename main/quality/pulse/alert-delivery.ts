import type { Kysely } from 'kysely';
import type { WebhookAttempt } from '../../../shared/contract/pulse';
import { toErrorPayload } from '../../../shared/errors';
import { newId } from '../../kit/ids';
import type { SecretCipher } from '../../secrets/secret-cipher';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';
import type { AlertPayload } from './alert-payload';
import { AlertRepository, type AlertRecord } from './alert-repository';
import {
  DEFAULT_DELIVERY_POLICY,
  deliverWebhook,
  type DeliveryDeps,
  type DeliveryPolicy,
  type DeliveryResult,
} from './webhook-delivery';
import { WebhookRepository, type DeliveryRecord, type SealedWebhook } from './webhook-repository';
import { openWebhook } from './webhook-secrets';

export interface PlannedDelivery {
  readonly id: string;
  readonly hook: SealedWebhook;
}

export interface AlertDeliveryDeps {
  readonly store: Store;
  readonly cipher: SecretCipher;
  readonly now: () => number;
  /** fetch, sleep and the retry policy (tests shorten the backoff). */
  readonly delivery?: Omit<DeliveryDeps, 'signal'>;
  readonly onError: (err: unknown) => void;
}

export function alertPayload(alert: AlertRecord): AlertPayload {
  return {
    type: 'assay.alert',
    alert: {
      id: alert.id,
      ruleId: alert.ruleId,
      ruleName: alert.ruleName,
      metric: alert.metric,
      condition: alert.condition,
      value: alert.value,
      previousValue: alert.previousValue,
      window: alert.window,
      firedAt: alert.firedAt,
      summary: alert.summary,
      interactionIds: alert.interactionIds,
      traceIds: alert.traceIds,
    },
  };
}

/** The longest a delivery can take under a policy: every attempt timing out, every wait at most. */
export function longestDeliveryMs(policy: DeliveryPolicy): number {
  return policy.maxAttempts * policy.timeoutMs + (policy.maxAttempts - 1) * policy.maxDelayMs;
}

/**
 * Delivers alerts to their webhooks in the background, each delivery logged: a pending row
 * first (so a crash leaves a trace the next process resumes), every attempt when it ends.
 */
export class AlertDeliveries {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stop = new AbortController();
  private readonly webhooks: WebhookRepository;
  private readonly alerts: AlertRepository;

  constructor(private readonly deps: AlertDeliveryDeps) {
    this.webhooks = new WebhookRepository(deps.store.db);
    this.alerts = new AlertRepository(deps.store.db);
  }

  private get policy(): DeliveryPolicy {
    return this.deps.delivery?.policy ?? DEFAULT_DELIVERY_POLICY;
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  /** One pending delivery per webhook of the rule that exists, to log with the alert. */
  async plan(webhookIds: readonly string[]): Promise<PlannedDelivery[]> {
    return (await this.webhooks.byIds(webhookIds)).map((hook) => ({ id: newId(), hook }));
  }

  /**
   * Logs the planned deliveries as pending, inside the transaction that stores their alert:
   * an alert is never stored without the deliveries a crash would have to resume.
   */
  static async log(
    tx: Kysely<DB>,
    alert: AlertRecord,
    planned: readonly PlannedDelivery[],
  ): Promise<void> {
    const repo = new WebhookRepository(tx);
    for (const { id, hook } of planned)
      await repo.insertDelivery({
        id,
        alertId: alert.id,
        webhookId: hook.id,
        webhookName: hook.name,
        at: alert.firedAt,
      });
  }

  /** Sends logged deliveries in the background. */
  launch(alert: AlertRecord, planned: readonly PlannedDelivery[]): void {
    for (const { id, hook } of planned) this.track(this.send(id, [], alert, hook));
  }

  /**
   * Resumes deliveries left pending longer than one can take (their process died, or the app
   * quit mid-retry), claimed so only one process resumes each. Earlier attempts are kept.
   */
  async resumeStale(): Promise<number> {
    const cutoff = new Date(this.deps.now() - longestDeliveryMs(this.policy) - 60_000);
    let resumed = 0;
    for (const stale of await this.webhooks.stale(cutoff.toISOString(), 50)) {
      if (!(await this.claim(stale))) continue;
      const alert = await this.alerts.get(stale.alertId);
      const hook = stale.webhookId === null ? null : await this.webhooks.get(stale.webhookId);
      if (!alert || !hook) {
        await this.finish(stale.id, {
          attempts: stale.attempts,
          delivered: false,
          finalError: 'the webhook was deleted before the delivery ended',
        });
        continue;
      }
      this.track(this.send(stale.id, stale.attempts, alert, hook));
      resumed++;
    }
    return resumed;
  }

  private async claim(stale: DeliveryRecord): Promise<boolean> {
    let claimed = false;
    await this.deps.store.writes.run(async (tx) => {
      claimed = await new WebhookRepository(tx).claim(stale, this.iso());
    });
    return claimed;
  }

  /** One signed test alert, one attempt: what the receiver said, not logged against an alert. */
  async test(hook: SealedWebhook): Promise<DeliveryResult> {
    const target = await openWebhook(this.deps.cipher, hook);
    const at = this.iso();
    const payload: AlertPayload = {
      type: 'assay.alert',
      alert: {
        id: `test-${newId()}`,
        ruleId: null,
        ruleName: 'Test alert',
        metric: 'error_rate',
        condition: { type: 'above', value: 0.05 },
        value: 0.125,
        previousValue: 0.01,
        window: { from: new Date(this.deps.now() - 3_600_000).toISOString(), to: at },
        firedAt: at,
        summary: `A test alert from Assay to "${hook.name}": its signature verifies with the webhook's secret.`,
        interactionIds: [],
        traceIds: [],
      },
    };
    return deliverWebhook(target, payload, {
      ...this.deps.delivery,
      policy: { ...this.policy, maxAttempts: 1 },
      signal: this.stop.signal,
    });
  }

  private async send(
    deliveryId: string,
    earlier: readonly WebhookAttempt[],
    alert: AlertRecord,
    hook: SealedWebhook,
  ): Promise<void> {
    let result: DeliveryResult;
    try {
      const target = await openWebhook(this.deps.cipher, hook);
      result = await deliverWebhook(target, alertPayload(alert), {
        ...this.deps.delivery,
        signal: this.stop.signal,
      });
    } catch (err) {
      // Closing: the delivery stays pending and the next process resumes it.
      if (this.stop.signal.aborted) return;
      await this.finish(deliveryId, {
        attempts: earlier,
        delivered: false,
        finalError: toErrorPayload(err).message,
      });
      return;
    }
    const offset = earlier.length;
    const attempts = [
      ...earlier,
      ...result.attempts.map((a) => ({ ...a, attempt: a.attempt + offset })),
    ];
    const last = result.attempts[result.attempts.length - 1];
    await this.finish(deliveryId, {
      attempts,
      delivered: result.delivered,
      finalError: result.delivered ? null : (last?.error ?? 'not delivered'),
    });
  }

  private finish(
    id: string,
    outcome: { attempts: readonly WebhookAttempt[]; delivered: boolean; finalError: string | null },
  ): Promise<void> {
    const at = this.iso();
    return this.deps.store.writes.run((tx) =>
      new WebhookRepository(tx).finishDelivery(id, outcome, at),
    );
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((err: unknown) => this.deps.onError(err))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Resolves when every delivery started so far has ended (tests; closing). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops retries (pending deliveries stay pending, to be resumed) and waits for the sends. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.settled();
  }
}
