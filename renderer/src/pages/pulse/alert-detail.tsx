import {
  conditionText,
  formatPulseValue,
  PULSE_METRIC_LABELS,
  type AlertView,
} from '../../../../shared/contract/pulse';
import { DetailBlock } from '../../components/ui/detail-block';
import { DeliveryLog } from './delivery-log';
import { pulseHref } from './pulse-route';

function Links({
  ids,
  href,
  testId,
}: {
  ids: readonly string[];
  href: (id: string) => string;
  testId: string;
}) {
  if (ids.length === 0) return <span className="text-xs text-muted-foreground">None</span>;
  return (
    <ul className="flex flex-col gap-0.5 font-mono text-xs">
      {ids.map((id) => (
        <li key={id}>
          <a
            className="underline-offset-2 hover:underline"
            href={`#${href(id)}`}
            data-testid={testId}
          >
            {id}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** One alert: what was measured against what, the traffic behind it, and its deliveries. */
export function AlertDetail({ alert }: { alert: AlertView }) {
  const fmt = (v: number) => formatPulseValue(alert.metric, v);
  return (
    <section className="flex min-w-0 flex-col gap-4" data-testid="alert-detail">
      <div className="flex flex-col gap-1">
        <h2 className="text-sm font-semibold">{alert.ruleName}</h2>
        <p className="text-sm" data-testid="alert-summary">
          {alert.summary}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
        <dt className="text-muted-foreground">{PULSE_METRIC_LABELS[alert.metric]}</dt>
        <dd data-testid="alert-value">{fmt(alert.value)}</dd>
        <dt className="text-muted-foreground">Window before</dt>
        <dd>{alert.previousValue === null ? 'no data' : fmt(alert.previousValue)}</dd>
        <dt className="text-muted-foreground">Condition</dt>
        <dd>{conditionText(alert.metric, alert.condition)}</dd>
        <dt className="text-muted-foreground">Window</dt>
        <dd>{`${new Date(alert.window.from).toLocaleString()} – ${new Date(alert.window.to).toLocaleString()}`}</dd>
        <dt className="text-muted-foreground">Fired</dt>
        <dd>{new Date(alert.firedAt).toLocaleString()}</dd>
      </dl>
      <DetailBlock title="Interactions behind it (worst first)">
        <Links
          ids={alert.interactionIds}
          href={pulseHref.interaction}
          testId="alert-interaction-link"
        />
      </DetailBlock>
      {alert.traceIds.length > 0 ? (
        <DetailBlock title="Traces behind it (worst first)">
          <Links ids={alert.traceIds} href={pulseHref.trace} testId="alert-trace-link" />
        </DetailBlock>
      ) : null}
      <DetailBlock title="Deliveries">
        <DeliveryLog alertId={alert.id} />
      </DetailBlock>
    </section>
  );
}
