import type { PulseCondition, AlertMetric, WebhookFormat } from '../../../shared/contract/pulse';

/** What an alert says wherever it goes (webhook JSON, Slack, the inbox, a notification). */
export interface AlertPayload {
  readonly type: 'assay.alert';
  readonly alert: {
    readonly id: string;
    /** Null once the rule was deleted (a delivery resumed after that). */
    readonly ruleId: string | null;
    readonly ruleName: string;
    readonly metric: AlertMetric;
    readonly condition: PulseCondition;
    readonly value: number;
    readonly previousValue: number | null;
    readonly window: { readonly from: string; readonly to: string };
    readonly firedAt: string;
    /** One line a person reads first: which rule, what value, against what. */
    readonly summary: string;
    /** The interactions behind the value (the worst first), so the alert links to its cause. */
    readonly interactionIds: readonly string[];
    /** The traces behind it (trace metrics; spans a scorecard scored), the worst first. */
    readonly traceIds: readonly string[];
  };
}

/** The body a webhook receives, in the format it was set up with. */
export function webhookBody(payload: AlertPayload, format: WebhookFormat): string {
  if (format === 'json') return JSON.stringify(payload);
  const { alert } = payload;
  const linked = alert.interactionIds.slice(0, 10);
  const traces = alert.traceIds.slice(0, 10);
  // Slack's incoming-webhook shape: `text` is the notification's fallback, blocks the message.
  return JSON.stringify({
    text: `Assay alert: ${alert.summary}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${alert.ruleName}*\n${alert.summary}` } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              `window ${alert.window.from} to ${alert.window.to}` +
              (linked.length > 0 ? ` · interactions: ${linked.join(', ')}` : '') +
              (traces.length > 0 ? ` · traces: ${traces.join(', ')}` : ''),
          },
        ],
      },
    ],
  });
}
