import { z } from 'zod';
import { channel } from './define';
import { byIdInput, idText, nameText } from './fields';

/**
 * Pulse: alert rules over a window of production traffic (a scorecard's mean or pass rate, cost
 * per day, error rate, p95 latency), delivered to the in-app inbox, a desktop notification and
 * webhooks. Rates and the scorecard mean are fractions 0..1, cost is USD a day at the window's
 * pace, latency is milliseconds.
 */

export const PULSE_METRICS = [
  'scorecard_mean',
  'scorecard_pass_rate',
  'cost_per_day_usd',
  'error_rate',
  'p95_latency_ms',
] as const;
export type PulseMetric = (typeof PULSE_METRICS)[number];

/** What an alert can be about: a rule's metric, or a scheduled backtest's mean score change. */
export const ALERT_METRICS = [...PULSE_METRICS, 'backtest_mean_delta'] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const pulseConditionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('below'), value: z.number().finite() }).strict(),
  z.object({ type: z.literal('above'), value: z.number().finite() }).strict(),
  /**
   * The window's value fell against the window before it by at least `by` (absolute) or
   * `percent` (of the previous value): one of the two.
   */
  z
    .object({
      type: z.literal('drop'),
      by: z.number().finite().positive().optional(),
      percent: z.number().finite().positive().max(100).optional(),
    })
    .strict()
    .refine((c) => (c.by === undefined) !== (c.percent === undefined), {
      message: 'give by or percent (one of them)',
      path: ['by'],
    }),
]);
export type PulseCondition = z.infer<typeof pulseConditionSchema>;

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** One attempt at delivering an alert to a webhook, as the delivery log keeps it. */
export const webhookAttemptSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  /** The receiver's HTTP status; null when no answer came (refused, timed out, reset). */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});
export type WebhookAttempt = z.infer<typeof webhookAttemptSchema>;

/** The metrics that read a scorecard's scores (and need its id); the others read traces. */
export const SCORECARD_METRICS: readonly PulseMetric[] = ['scorecard_mean', 'scorecard_pass_rate'];
export const isScorecardMetric = (metric: PulseMetric): boolean =>
  SCORECARD_METRICS.includes(metric);

export const PULSE_METRIC_LABELS: Record<AlertMetric, string> = {
  scorecard_mean: 'scorecard mean',
  scorecard_pass_rate: 'scorecard pass rate',
  cost_per_day_usd: 'cost per day',
  error_rate: 'error rate',
  p95_latency_ms: 'p95 latency',
  backtest_mean_delta: 'backtest mean score change',
};

/** A metric's value as people read it: 0.523, 12.5%, $4.20/day, 1,250 ms. */
export function formatPulseValue(metric: AlertMetric, value: number): string {
  switch (metric) {
    case 'backtest_mean_delta':
      return `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
    case 'scorecard_mean':
      return value.toFixed(3);
    case 'scorecard_pass_rate':
    case 'error_rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'cost_per_day_usd':
      return `$${value.toFixed(value < 1 ? 4 : 2)}/day`;
    case 'p95_latency_ms':
      return `${Math.round(value).toLocaleString('en-US')} ms`;
  }
}

/** "90 min", "2 h", "1 d": a window as a person says it. */
export function windowText(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

/** "below 0.600", "drops by at least 20%": a condition on a metric, in words. */
export function conditionText(metric: AlertMetric, condition: PulseCondition): string {
  switch (condition.type) {
    case 'below':
      return `below ${formatPulseValue(metric, condition.value)}`;
    case 'above':
      return `above ${formatPulseValue(metric, condition.value)}`;
    case 'drop':
      return condition.by !== undefined
        ? `drops by at least ${formatPulseValue(metric, condition.by)}`
        : `drops by at least ${condition.percent}%`;
  }
}

/** Only part of the traffic: every field given must match. */
export const pulseFilterSchema = z
  .object({
    /** `name@label` (follows the label as it moves), `name@v1.2` or a prompt version id. */
    prompt: z.string().trim().min(1).max(300).optional(),
    model: z.string().trim().min(1).max(256).optional(),
  })
  .strict();
export type PulseFilter = z.infer<typeof pulseFilterSchema>;

export const MAX_WINDOW_MINUTES = 7 * 24 * 60;

export const pulseRuleBodySchema = z
  .object({
    name: nameText,
    metric: z.enum(PULSE_METRICS),
    /** The scorecard whose verdicts a scorecard metric reads; only with those metrics. */
    scorecardId: idText.optional(),
    condition: pulseConditionSchema,
    /** The window evaluated (the last N minutes), compared with the N minutes before it. */
    windowMinutes: z.number().int().min(1).max(MAX_WINDOW_MINUTES).optional().default(60),
    filter: pulseFilterSchema.optional().default({}),
    /**
     * Fewer samples than this in a window (calls; scorecard: targets with a complete verdict)
     * and the window cannot tell: no alert, no recovery.
     */
    minSamples: z.number().int().min(1).max(1_000_000).optional().default(10),
    webhookIds: z.array(idText).max(20).optional().default([]),
    enabled: z.boolean().optional().default(true),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const needs = isScorecardMetric(rule.metric);
    if (needs && rule.scorecardId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['scorecardId'],
        message: `${rule.metric} needs a scorecard`,
      });
    if (!needs && rule.scorecardId !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['scorecardId'],
        message: `${rule.metric} reads traces, not a scorecard: leave it out`,
      });
    if (new Set(rule.webhookIds).size !== rule.webhookIds.length)
      ctx.addIssue({ code: 'custom', path: ['webhookIds'], message: 'a webhook is listed twice' });
  });
export type PulseRuleBody = z.infer<typeof pulseRuleBodySchema>;

export const pulseRuleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  metric: z.enum(PULSE_METRICS),
  scorecardId: z.string().nullable(),
  condition: pulseConditionSchema,
  windowMinutes: z.number().int(),
  filter: pulseFilterSchema,
  minSamples: z.number().int(),
  webhookIds: z.array(z.string()),
  enabled: z.boolean(),
  /** Breaching now (an alert went out when it started); clears when the value recovers. */
  firing: z.boolean(),
  lastEvaluatedAt: z.string().nullable(),
  /** The last window's value; null when it could not be told (too few samples). */
  lastValue: z.number().nullable(),
  /** Why the last evaluation failed (a prompt ref that no longer resolves…), or null. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PulseRuleView = z.infer<typeof pulseRuleViewSchema>;

export const webhookCreateSchema = z
  .object({
    name: nameText,
    url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2_048),
    format: z.enum(WEBHOOK_FORMATS).optional().default('json'),
    /** The signing key receivers verify with; absent: Assay makes one and shows it once. */
    secret: z.string().min(16).max(256).optional(),
  })
  .strict();
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

/** A webhook as every view shows it: the URL only as scheme and host, never the secret. */
export const webhookViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  urlHint: z.string(),
  createdAt: z.string(),
});
export type WebhookView = z.infer<typeof webhookViewSchema>;

export const deliveryResultSchema = z.object({
  delivered: z.boolean(),
  attempts: z.array(webhookAttemptSchema),
});

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

export const webhookDeliveryViewSchema = z.object({
  id: z.string(),
  alertId: z.string(),
  /** Null once the webhook was deleted (its name stays). */
  webhookId: z.string().nullable(),
  webhookName: z.string(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.array(webhookAttemptSchema),
  finalError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;

export const alertViewSchema = z.object({
  id: z.string(),
  /** Null once the rule was deleted (its name stays). */
  ruleId: z.string().nullable(),
  ruleName: z.string(),
  metric: z.enum(ALERT_METRICS),
  condition: pulseConditionSchema,
  value: z.number(),
  previousValue: z.number().nullable(),
  window: z.object({ from: z.string(), to: z.string() }),
  firedAt: z.string(),
  summary: z.string(),
  /** The interactions behind the value, worst first: the alert links to its cause. */
  interactionIds: z.array(z.string()),
  /** The traces behind it (trace metrics, span targets), worst first. */
  traceIds: z.array(z.string()),
  read: z.boolean(),
  deliveries: z.object({
    pending: z.number().int(),
    delivered: z.number().int(),
    failed: z.number().int(),
  }),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const ruleEvaluationSchema = z.object({
  ruleId: z.string(),
  value: z.number().nullable(),
  previousValue: z.number().nullable(),
  samples: z.number().int(),
  /** null: the window cannot tell (too few samples, no previous window). */
  met: z.boolean().nullable(),
  firing: z.boolean(),
  /** The alert this evaluation fired, if it fired one. */
  alertId: z.string().nullable(),
  error: z.string().nullable(),
});
export type RuleEvaluation = z.infer<typeof ruleEvaluationSchema>;

export const pulseChannels = {
  'pulse.rules.list': channel({
    summary: 'Pulse alert rules, newest first, with their firing state and last value.',
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(pulseRuleViewSchema) }),
  }),
  'pulse.rules.create': channel({
    summary:
      'A new alert rule over a window of traffic (scorecard mean or pass rate, cost, errors, p95).',
    input: pulseRuleBodySchema,
    output: pulseRuleViewSchema,
  }),
  'pulse.rules.update': channel({
    summary:
      'Replaces a rule; a change of what it measures (metric, scorecard, condition, window, filter) clears its firing state.',
    input: z.object({ id: idText, rule: pulseRuleBodySchema }).strict(),
    output: pulseRuleViewSchema,
  }),
  'pulse.rules.delete': channel({
    summary: 'Deletes a rule; its alerts stay in the inbox.',
    input: byIdInput,
    output: z.object({ deleted: z.literal(true) }),
  }),
  'pulse.rules.evaluate': channel({
    summary:
      'Evaluates one enabled rule (or every one) now, as the minute timer does: fires and delivers as it would.',
    input: z.object({ id: idText.optional() }).strict(),
    output: z.object({ evaluations: z.array(ruleEvaluationSchema) }),
  }),
  'pulse.webhooks.list': channel({
    summary: 'Webhooks alerts can go to, URLs shown only as scheme and host.',
    input: z.object({}).strict(),
    output: z.object({ webhooks: z.array(webhookViewSchema) }),
  }),
  'pulse.webhooks.create': channel({
    summary:
      'A webhook (JSON or Slack); URL and secret are kept encrypted. The signing secret is in this answer only.',
    input: webhookCreateSchema,
    output: z.object({ webhook: webhookViewSchema, secret: z.string() }),
  }),
  'pulse.webhooks.delete': channel({
    summary: 'Deletes a webhook and takes it off every rule; past deliveries keep its name.',
    input: byIdInput,
    output: z.object({ deleted: z.literal(true) }),
  }),
  'pulse.webhooks.test': channel({
    summary: 'Sends a signed test alert to a webhook once and answers what the receiver said.',
    input: byIdInput,
    output: deliveryResultSchema,
  }),
  'pulse.alerts.list': channel({
    summary: 'The alert inbox, newest first, with the unread count.',
    input: z
      .object({
        unreadOnly: z.boolean().optional().default(false),
        ruleId: idText.optional(),
        offset: z.number().int().min(0).max(1_000_000).optional().default(0),
        limit: z.number().int().min(1).max(500).optional().default(50),
      })
      .strict(),
    output: z.object({
      alerts: z.array(alertViewSchema),
      unread: z.number().int(),
      nextOffset: z.number().int().nullable(),
    }),
  }),
  'pulse.alerts.markRead': channel({
    summary: 'Marks alerts read (or unread again); `all` marks the whole inbox.',
    input: z
      .object({
        ids: z.array(idText).max(500).optional(),
        all: z.boolean().optional(),
        read: z.boolean().optional().default(true),
      })
      .strict()
      .refine((i) => (i.ids !== undefined) !== (i.all === true), {
        message: 'give ids or all: true (one of them)',
        path: ['ids'],
      }),
    output: z.object({ unread: z.number().int() }),
  }),
  'pulse.alerts.deliveries': channel({
    summary: "An alert's deliveries to webhooks with every attempt (status, error, time).",
    input: z.object({ alertId: idText }).strict(),
    output: z.object({ deliveries: z.array(webhookDeliveryViewSchema) }),
  }),
};

export const pulseTopics = {
  /** A rule fired: the inbox badge and a toast in the workbench, a desktop notification. */
  'pulse.alert': z.object({ alert: alertViewSchema, unread: z.number().int() }),
};
