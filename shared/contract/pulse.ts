import { z } from 'zod';

/**
 * Pulse: alert rules over a window of production traffic (a scorecard's mean or pass rate, cost
 * per day, error rate, p95 latency), delivered to the in-app inbox, a desktop notification and
 * webhooks. Channels come with the storage of rules and alerts; these are the shapes they share.
 */

export const PULSE_METRICS = [
  'scorecard_mean',
  'scorecard_pass_rate',
  'cost_per_day_usd',
  'error_rate',
  'p95_latency_ms',
] as const;
export type PulseMetric = (typeof PULSE_METRICS)[number];

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
