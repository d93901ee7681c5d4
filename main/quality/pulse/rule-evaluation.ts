import type { PulseFilter, RuleEvaluation } from '../../../shared/contract/pulse';
import { toErrorPayload } from '../../../shared/errors';
import type { EventBus } from '../../kit/event-bus';
import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import { conditionMet, nextAlertStep } from './alert-condition';
import type { AlertDeliveries } from './alert-delivery';
import { AlertRepository, alertView, type AlertRecord } from './alert-repository';
import { alertSummary } from './alert-summary';
import { measure, type MeasureDeps, type ResolvedFilter, type TimeWindow } from './rule-measure';
import { RuleRepository, type RuleRecord } from './rule-repository';

export interface EvaluationDeps {
  readonly store: Store;
  readonly events: EventBus;
  readonly measure: MeasureDeps;
  readonly deliveries: AlertDeliveries;
  /** `name@label`, `name@v1.2` or a version id to a prompt version id. */
  readonly resolvePrompt: (ref: string) => Promise<string>;
}

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The last `windowMinutes` up to the current minute, and the same length before it. Ending on
 * a whole minute makes a window the same for every evaluation within that minute.
 */
export function ruleWindows(windowMinutes: number, nowMs: number) {
  const end = Math.floor(nowMs / MINUTE) * MINUTE;
  const span = windowMinutes * MINUTE;
  const current: TimeWindow = { from: iso(end - span), to: iso(end) };
  const previous: TimeWindow = { from: iso(end - 2 * span), to: iso(end - span) };
  return { current, previous };
}

async function resolveFilter(
  filter: PulseFilter,
  resolvePrompt: EvaluationDeps['resolvePrompt'],
): Promise<ResolvedFilter> {
  return {
    ...(filter.model !== undefined ? { model: filter.model } : {}),
    // Resolved at each evaluation, so a rule on `support@production` follows the label.
    ...(filter.prompt !== undefined ? { promptVersionId: await resolvePrompt(filter.prompt) } : {}),
  };
}

/**
 * Stores the alert and moves the rule to firing in one transaction, only if the rule was not
 * firing: of two processes evaluating one rule, one stores the alert. True when this one did.
 */
async function storeAlert(store: Store, alert: AlertRecord, ruleId: string): Promise<boolean> {
  let stored = false;
  await store.writes.run(async (tx) => {
    // A failed batch runs each write again alone: start from scratch each time.
    stored = false;
    if (!(await new RuleRepository(tx).flipFiring(ruleId, false, true))) return;
    await new AlertRepository(tx).insert(alert);
    stored = true;
  });
  return stored;
}

/**
 * One rule, once: its metric over the last window and the window before, the condition, the
 * edge-triggered step (alert-condition.ts). On a new breach the alert is stored, published on
 * `pulse.alert`, and delivered to the rule's webhooks in the background.
 */
export async function evaluateRule(
  deps: EvaluationDeps,
  rule: RuleRecord,
  nowMs: number,
): Promise<RuleEvaluation> {
  const at = iso(nowMs);
  try {
    const { current, previous } = ruleWindows(rule.windowMinutes, nowMs);
    const filter = await resolveFilter(rule.filter, deps.resolvePrompt);
    const now = await measure(deps.measure, rule, filter, current);
    const before = await measure(deps.measure, rule, filter, previous);
    const met = conditionMet(rule.condition, now.value, before.value);
    const step = nextAlertStep(rule.firing, met);
    let alertId: string | null = null;
    if (step.fire) {
      const links = await now.links();
      const alert: AlertRecord = {
        id: newId(),
        ruleId: rule.id,
        ruleName: rule.name,
        metric: rule.metric,
        condition: rule.condition,
        value: now.value!,
        previousValue: before.value,
        window: current,
        firedAt: at,
        summary: alertSummary(rule, now.value!, before.value),
        interactionIds: links.interactionIds,
        traceIds: links.traceIds,
        readAt: null,
      };
      if (await storeAlert(deps.store, alert, rule.id)) {
        alertId = alert.id;
        await deps.deliveries.start(alert, rule.webhookIds);
        const repo = new AlertRepository(deps.store.db);
        const counts = (await repo.deliveryCounts([alert.id])).get(alert.id);
        deps.events.publish('pulse.alert', {
          alert: alertView(alert, counts),
          unread: await repo.unreadCount(),
        });
      }
    } else if (step.resolved) {
      await deps.store.writes.run(async (tx) => {
        await new RuleRepository(tx).flipFiring(rule.id, true, false);
      });
    }
    await deps.store.writes.run((tx) =>
      new RuleRepository(tx).recordEvaluation(rule.id, { at, value: now.value, error: null }),
    );
    return {
      ruleId: rule.id,
      value: now.value,
      previousValue: before.value,
      samples: now.samples,
      met,
      firing: step.firing,
      alertId,
      error: null,
    };
  } catch (err) {
    // A rule that cannot be evaluated (its prompt label is gone, its scorecard…) says why on
    // the Rules list and keeps its state; the other rules go on.
    const error = toErrorPayload(err).message;
    await deps.store.writes
      .run((tx) => new RuleRepository(tx).recordEvaluation(rule.id, { at, value: null, error }))
      .catch(() => undefined);
    return {
      ruleId: rule.id,
      value: null,
      previousValue: null,
      samples: 0,
      met: null,
      firing: rule.firing,
      alertId: null,
      error,
    };
  }
}
