import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import type {
  PulseRuleBody,
  PulseRuleView,
  RuleEvaluation,
  WebhookView,
} from '../../../shared/contract/pulse';
import { AssayError, type FieldIssue } from '../../../shared/errors';
import { canonicalJson } from '../../kit/canonical-json';
import type { EventBus } from '../../kit/event-bus';
import { newId } from '../../kit/ids';
import type { SecretCipher } from '../../secrets/secret-cipher';
import type { Store } from '../../store/store';
import { throwIssues } from '../grader-checks';
import { AlertDeliveries, type AlertDeliveryDeps } from './alert-delivery';
import { AlertRepository, alertView, type AlertRecord } from './alert-repository';
import type { ScorecardReader, TrafficReader } from './rule-measure';
import { evaluateRule } from './rule-evaluation';
import { RuleRepository } from './rule-repository';
import { deliveryView, WebhookRepository, webhookView } from './webhook-repository';
import { newWebhookSecret, sealWebhook } from './webhook-secrets';

export interface PulseDeps {
  readonly store: Store;
  readonly events: EventBus;
  /** The app's secret cipher: webhook URLs and secrets are kept as its ciphertext. */
  readonly cipher: SecretCipher;
  /** Scorecard verdicts over a window, and whether a scorecard exists (the quality service). */
  readonly scorecards: ScorecardReader & { hasScorecard(id: string): Promise<boolean> };
  /** Figures and links of traffic (the tracing service's insights). */
  readonly traffic: TrafficReader;
  readonly resolvePrompt: (ref: string) => Promise<string>;
  /** The clock rules are evaluated by (tests inject one). */
  readonly now?: () => number;
  readonly delivery?: AlertDeliveryDeps['delivery'];
  /** How often every enabled rule is evaluated (default one minute). */
  readonly intervalMs?: number;
  readonly onError?: (err: unknown) => void;
}

/** Fields whose change makes the rule measure something else: its firing state starts over. */
const MEASURES = (b: PulseRuleBody | PulseRuleView) =>
  canonicalJson({
    metric: b.metric,
    scorecardId: b.scorecardId ?? null,
    condition: b.condition,
    windowMinutes: b.windowMinutes,
    filter: b.filter,
    enabled: b.enabled,
  });

/**
 * Pulse: alert rules over production traffic, the inbox of alerts they fire, and the webhooks
 * alerts go to. Every minute each enabled rule is evaluated (rule-evaluation.ts); traffic and
 * scores are read through the tracing and quality services.
 */
export class PulseService {
  private readonly rules: RuleRepository;
  private readonly alerts: AlertRepository;
  private readonly webhooks: WebhookRepository;
  private readonly deliveries: AlertDeliveries;
  private readonly now: () => number;
  private readonly onError: (err: unknown) => void;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<RuleEvaluation[]> | null = null;
  private closed = false;

  constructor(private readonly deps: PulseDeps) {
    this.rules = new RuleRepository(deps.store.db);
    this.alerts = new AlertRepository(deps.store.db);
    this.webhooks = new WebhookRepository(deps.store.db);
    this.now = deps.now ?? Date.now;
    this.onError = deps.onError ?? ((err) => console.error('[pulse]', err));
    this.deliveries = new AlertDeliveries({
      store: deps.store,
      cipher: deps.cipher,
      now: this.now,
      delivery: deps.delivery,
      onError: this.onError,
    });
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  // --- the runner -------------------------------------------------------------------------

  /** Evaluates every enabled rule each interval; the timer never holds the process open. */
  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs ?? 60_000);
    this.timer.unref();
  }

  /**
   * Every enabled rule once, one after another, then resumes deliveries a dead process left.
   * A tick still running is joined, not doubled.
   */
  tick(): Promise<RuleEvaluation[]> {
    this.ticking ??= this.runTick().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async runTick(): Promise<RuleEvaluation[]> {
    const out: RuleEvaluation[] = [];
    try {
      for (const rule of await this.rules.list(true)) {
        if (this.closed) break;
        out.push(await evaluateRule(this.evaluationDeps(), rule, this.now()));
      }
      if (!this.closed) await this.deliveries.resumeStale();
    } catch (err) {
      this.onError(err);
    }
    return out;
  }

  private evaluationDeps() {
    return {
      store: this.deps.store,
      events: this.deps.events,
      measure: { traffic: this.deps.traffic, scorecards: this.deps.scorecards },
      deliveries: this.deliveries,
      resolvePrompt: this.deps.resolvePrompt,
    };
  }

  /** Waits for deliveries in the background (tests). */
  settled(): Promise<void> {
    return this.deliveries.settled();
  }

  /** Stops the timer, waits for the tick, stops retries (pending deliveries resume next start). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await this.deliveries.close();
  }

  // --- rules -------------------------------------------------------------------------------

  async listRules(): Promise<PulseRuleView[]> {
    return this.rules.list();
  }

  private async checkRule(where: string, prefix: string, body: PulseRuleBody): Promise<void> {
    const issues: FieldIssue[] = [];
    if (
      body.scorecardId !== undefined &&
      !(await this.deps.scorecards.hasScorecard(body.scorecardId))
    )
      issues.push({
        path: `${prefix}scorecardId`,
        message: `no scorecard with id "${body.scorecardId}"`,
      });
    const known = new Set((await this.webhooks.byIds(body.webhookIds)).map((h) => h.id));
    body.webhookIds.forEach((id, i) => {
      if (!known.has(id))
        issues.push({ path: `${prefix}webhookIds.${i}`, message: `no webhook with id "${id}"` });
    });
    if (body.filter.prompt !== undefined)
      await this.deps.resolvePrompt(body.filter.prompt).catch((err: unknown) => {
        issues.push({
          path: `${prefix}filter.prompt`,
          message: err instanceof Error ? err.message : String(err),
        });
      });
    throwIssues(where, issues);
  }

  private async requireRule(id: string, where: string): Promise<PulseRuleView> {
    const rule = await this.rules.get(id);
    if (!rule)
      throw new AssayError('NOT_FOUND', `${where}: no pulse rule with id "${id}"`, {
        issues: [{ path: 'id', message: 'no such rule' }],
      });
    return rule;
  }

  async createRule(body: ParsedInput<'pulse.rules.create'>): Promise<PulseRuleView> {
    await this.checkRule('pulse.rules.create', '', body);
    const id = newId();
    const at = this.iso();
    await this.deps.store.writes.run((tx) => new RuleRepository(tx).insert(id, body, at));
    return (await this.rules.get(id))!;
  }

  async updateRule(input: ParsedInput<'pulse.rules.update'>): Promise<PulseRuleView> {
    const before = await this.requireRule(input.id, 'pulse.rules.update');
    await this.checkRule('pulse.rules.update', 'rule.', input.rule);
    const reset = MEASURES(before) !== MEASURES(input.rule);
    const at = this.iso();
    await this.deps.store.writes.run((tx) =>
      new RuleRepository(tx).replace(input.id, input.rule, at, reset),
    );
    return (await this.rules.get(input.id))!;
  }

  async deleteRule(id: string): Promise<void> {
    await this.requireRule(id, 'pulse.rules.delete');
    await this.deps.store.writes.run(async (tx) => {
      await new RuleRepository(tx).delete(id);
    });
  }

  /** One enabled rule (or all) now, as the timer would. */
  async evaluate(id: string | undefined): Promise<RuleEvaluation[]> {
    if (id === undefined) return this.tick();
    const rule = await this.requireRule(id, 'pulse.rules.evaluate');
    if (!rule.enabled)
      throw new AssayError(
        'VALIDATION_FAILED',
        `pulse.rules.evaluate: rule "${rule.name}" is disabled`,
        {
          issues: [{ path: 'id', message: 'the rule is disabled; enable it first' }],
        },
      );
    return [await evaluateRule(this.evaluationDeps(), rule, this.now())];
  }

  // --- webhooks ----------------------------------------------------------------------------

  async listWebhooks(): Promise<WebhookView[]> {
    return (await this.webhooks.list()).map(webhookView);
  }

  async createWebhook(
    input: ParsedInput<'pulse.webhooks.create'>,
  ): Promise<ChannelOutput<'pulse.webhooks.create'>> {
    const secret = input.secret ?? newWebhookSecret();
    const hook = {
      id: newId(),
      name: input.name,
      format: input.format,
      createdAt: this.iso(),
      ...(await sealWebhook(this.deps.cipher, input.url, secret)),
    };
    await this.deps.store.writes.run((tx) => new WebhookRepository(tx).insert(hook));
    return { webhook: webhookView(hook), secret };
  }

  async deleteWebhook(id: string): Promise<void> {
    await this.requireWebhook(id, 'pulse.webhooks.delete');
    await this.deps.store.writes.run(async (tx) => {
      await new RuleRepository(tx).removeWebhook(id);
      await new WebhookRepository(tx).delete(id);
    });
  }

  private async requireWebhook(id: string, where: string) {
    const hook = await this.webhooks.get(id);
    if (!hook)
      throw new AssayError('NOT_FOUND', `${where}: no webhook with id "${id}"`, {
        issues: [{ path: 'id', message: 'no such webhook' }],
      });
    return hook;
  }

  async testWebhook(id: string): Promise<ChannelOutput<'pulse.webhooks.test'>> {
    const result = await this.deliveries.test(await this.requireWebhook(id, 'pulse.webhooks.test'));
    return { delivered: result.delivered, attempts: [...result.attempts] };
  }

  // --- the inbox ---------------------------------------------------------------------------

  /**
   * An alert raised by another part of Assay (a scheduled backtest's regression), not by a rule:
   * it lands in the same inbox and event stream; it names no rule and goes to no webhook.
   */
  async raiseAlert(
    input: Omit<AlertRecord, 'id' | 'ruleId' | 'readAt' | 'firedAt'>,
  ): Promise<string> {
    const alert: AlertRecord = {
      ...input,
      id: newId(),
      ruleId: null,
      firedAt: new Date().toISOString(),
      readAt: null,
    };
    await this.deps.store.writes.run((tx) => new AlertRepository(tx).insert(alert));
    this.deps.events.publish('pulse.alert', {
      alert: alertView(alert, undefined),
      unread: await this.alerts.unreadCount(),
    });
    return alert.id;
  }

  async listAlerts(
    input: ParsedInput<'pulse.alerts.list'>,
  ): Promise<ChannelOutput<'pulse.alerts.list'>> {
    const rows = await this.alerts.list(input);
    const page = rows.slice(0, input.limit);
    const counts = await this.alerts.deliveryCounts(page.map((a) => a.id));
    return {
      alerts: page.map((a) => alertView(a, counts.get(a.id))),
      unread: await this.alerts.unreadCount(),
      nextOffset: rows.length > input.limit ? input.offset + input.limit : null,
    };
  }

  async markRead(input: ParsedInput<'pulse.alerts.markRead'>): Promise<{ unread: number }> {
    const at = input.read ? this.iso() : null;
    await this.deps.store.writes.run((tx) =>
      new AlertRepository(tx).markRead(input.all ? 'all' : (input.ids ?? []), at),
    );
    return { unread: await this.alerts.unreadCount() };
  }

  async deliveriesOf(alertId: string): Promise<ChannelOutput<'pulse.alerts.deliveries'>> {
    if (!(await this.alerts.get(alertId)))
      throw new AssayError('NOT_FOUND', `pulse.alerts.deliveries: no alert with id "${alertId}"`, {
        issues: [{ path: 'alertId', message: 'no such alert' }],
      });
    return { deliveries: (await this.webhooks.deliveriesOf(alertId)).map(deliveryView) };
  }
}
