import type { PulseFilter, RuleEvaluation } from '../../../shared/contract/pulse';
import { toErrorPayload } from '../../../shared/errors';
import type { EventBus } from '../../kit/event-bus';
import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import { conditionMet, nextAlertStep } from './alert-condition';
import { AlertDeliveries, type PlannedDelivery } from './alert-delivery';
import { AlertRepository, alertView, type AlertRecord } from './alert-repository';
import { alertSummary } from './alert-summary';
import { measure, type MeasureDeps, type ResolvedFilter, type TimeWindow } from './rule-measure';
import { RuleRepository, type EvaluationRecord, type RuleRecord } from './rule-repository';

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
 * The last `windowMinutes` up to now, and the same length before it. Up to now, not to the
 * last whole minute: "Check now" must count the score given a second ago.
 */
export function ruleWindows(windowMinutes: number, nowMs: number) {
  const span = windowMinutes * MINUTE;
  const current: TimeWindow = { from: iso(nowMs - span), to: iso(nowMs) };
  const previous: TimeWindow = { from: iso(nowMs - 2 * span), to: iso(nowMs - span) };
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
 * Records the evaluation, and on a breach moves the rule to firing and stores the alert with
 * its pending deliveries, in one transaction. The flip happens only if the rule was not firing,
 * so of two processes evaluating one rule one stores the alert. True when this one stored it.
 */
async function storeEvaluation(
  store: Store,
  ruleId: string,
  evaluation: EvaluationRecord,
  outcome: { fire: AlertRecord; deliveries: readonly PlannedDelivery[] } | { resolved: boolean },
): Promise<boolean> {
  let stored = false;
  await store.writes.run(async (tx) => {
    // A failed batch runs each write again alone: start from scratch each time.
    stored = false;
    const rules = new RuleRepository(tx);
    await rules.recordEvaluation(ruleId, evaluation);
    if ('fire' in outcome) {
      if (!(await rules.flipFiring(ruleId, false, true))) return;
      await new AlertRepository(tx).insert(outcome.fire);
      await AlertDeliveries.log(tx, outcome.fire, outcome.deliveries);
      stored = true;
    } else if (outcome.resolved) await rules.flipFiring(ruleId, true, false);
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
    const evaluation = { at, value: now.value, error: null };
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
      const deliveries = await deps.deliveries.plan(rule.webhookIds);
      if (await storeEvaluation(deps.store, rule.id, evaluation, { fire: alert, deliveries })) {
        alertId = alert.id;
        deps.deliveries.launch(alert, deliveries);
        const repo = new AlertRepository(deps.store.db);
        const counts = (await repo.deliveryCounts([alert.id])).get(alert.id);
        deps.events.publish('pulse.alert', {
          alert: alertView(alert, counts),
          unread: await repo.unreadCount(),
        });
      }
    } else {
      await storeEvaluation(deps.store, rule.id, evaluation, { resolved: step.resolved });
    }
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
