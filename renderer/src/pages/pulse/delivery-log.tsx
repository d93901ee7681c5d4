import type { WebhookAttempt, WebhookDeliveryView } from '../../../../shared/contract/pulse';
import { Badge } from '../../components/ui/badge';
import { useChannelQuery } from '../../query/channel-query';

const STATE_VARIANT = {
  pending: 'outline',
  delivered: 'success',
  failed: 'destructive',
} as const;

/** Each attempt of a delivery: when, the receiver's status (or why none came), how long. */
export function AttemptList({ attempts }: { attempts: readonly WebhookAttempt[] }) {
  if (attempts.length === 0)
    return <p className="text-xs text-muted-foreground">No attempt finished yet.</p>;
  return (
    <ol className="flex flex-col gap-0.5 font-mono text-[11px]" data-testid="delivery-attempts">
      {attempts.map((a) => (
        <li key={a.attempt} data-testid="delivery-attempt">
          {`#${a.attempt} ${new Date(a.at).toLocaleTimeString()} · ${a.status ?? 'no answer'}${
            a.error ? ` · ${a.error}` : ''
          } · ${Math.round(a.durationMs)} ms`}
        </li>
      ))}
    </ol>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDeliveryView }) {
  return (
    <li className="flex flex-col gap-1 rounded-md border px-3 py-2" data-testid="delivery">
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium">{delivery.webhookName}</span>
        <Badge variant={STATE_VARIANT[delivery.state]} data-testid="delivery-state">
          {delivery.state}
        </Badge>
        {delivery.webhookId === null ? (
          <span className="text-xs text-muted-foreground">(webhook deleted)</span>
        ) : null}
      </div>
      {delivery.finalError ? (
        <p className="text-xs text-destructive" data-testid="delivery-error">
          {delivery.finalError}
        </p>
      ) : null}
      <AttemptList attempts={delivery.attempts} />
    </li>
  );
}

/** An alert's deliveries to webhooks, every attempt listed (refreshed while any is pending). */
export function DeliveryLog({ alertId }: { alertId: string }) {
  const query = useChannelQuery(
    'pulse.alerts.deliveries',
    { alertId },
    {
      refetchInterval: (q) =>
        q.state.data?.deliveries.some((d) => d.state === 'pending') ? 2_000 : false,
    },
  );
  const deliveries = query.data?.deliveries;
  if (!deliveries) return <p className="text-xs text-muted-foreground">Loading deliveries…</p>;
  if (deliveries.length === 0)
    return (
      <p className="text-xs text-muted-foreground" data-testid="deliveries-none">
        The rule sends to no webhook: the alert is in this inbox only.
      </p>
    );
  return (
    <ul className="flex flex-col gap-2" data-testid="deliveries">
      {deliveries.map((d) => (
        <DeliveryRow key={d.id} delivery={d} />
      ))}
    </ul>
  );
}
