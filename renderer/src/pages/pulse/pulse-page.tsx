import { useLocation, useSearch } from 'wouter';
import { cn } from '../../lib/utils';
import { PageHeader } from '../page-header';
import { AlertInbox } from './alert-inbox';
import { pulseHref, pulseViewOf, type PulseTab } from './pulse-route';
import { RulesPanel } from './rules-panel';
import { WebhooksPanel } from './webhooks-panel';

const DESCRIPTION =
  'Alerts when a window of production traffic breaks a rule: a scorecard’s mean or pass rate, cost, error rate or p95 latency.';

const TABS: readonly { tab: PulseTab; title: string; href: string }[] = [
  { tab: 'inbox', title: 'Inbox', href: pulseHref.inbox() },
  { tab: 'rules', title: 'Rules', href: pulseHref.rules() },
  { tab: 'webhooks', title: 'Webhooks', href: pulseHref.webhooks() },
];

/** Pulse: the alert inbox, the rules and the webhooks, as the hash says. */
export function PulsePage() {
  const [location] = useLocation();
  const view = pulseViewOf(location, useSearch());
  return (
    <div className="flex min-h-full flex-col" data-testid="page-pulse">
      <PageHeader title="Pulse" description={DESCRIPTION} />
      <nav className="flex gap-4 border-b px-8 pt-3" aria-label="Pulse views">
        {TABS.map(({ tab, title, href }) => (
          <a
            key={tab}
            href={`#${href}`}
            data-testid={`pulse-tab-${tab}`}
            aria-current={view.tab === tab ? 'page' : undefined}
            className={cn(
              'border-b-2 px-1 pb-2 text-sm',
              view.tab === tab
                ? 'border-primary font-medium'
                : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {title}
          </a>
        ))}
      </nav>
      {view.tab === 'inbox' ? (
        <AlertInbox selected={view.alert} unreadOnly={view.unreadOnly} />
      ) : view.tab === 'rules' ? (
        <RulesPanel />
      ) : (
        <WebhooksPanel />
      )}
    </div>
  );
}
