import { useLocation, useSearch } from 'wouter';
import { cn } from '../../lib/utils';
import { useIngestRefresh } from '../cost-dashboard/use-ingest-refresh';
import { PageHeader } from '../page-header';
import { InteractionsList } from './interactions-list';
import { interactionsHref, interactionsViewOf } from './interactions-route';
import { SessionThread } from './session-thread';
import { SessionsList } from './sessions-list';

const DESCRIPTION =
  'What your LLM features were asked and answered, with sessions, users, tags and feedback.';

function Tab({
  href,
  active,
  testId,
  children,
}: {
  href: string;
  active: boolean;
  testId: string;
  children: string;
}) {
  return (
    <a
      href={`#${href}`}
      data-testid={testId}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'border-b-2 px-1 pb-2 text-sm',
        active
          ? 'border-primary font-medium'
          : 'border-transparent text-muted-foreground hover:text-foreground',
      )}
    >
      {children}
    </a>
  );
}

/** The Interactions page: interactions with feedback, and sessions as threads, as the hash says. */
export function InteractionsPage() {
  const [location] = useLocation();
  const view = interactionsViewOf(location, useSearch());
  // New spans change sessions' traces and costs, and the traces interactions link to.
  useIngestRefresh(['sessions', 'traces.get']);
  return (
    <div className="flex min-h-full flex-col" data-testid="page-interactions">
      <PageHeader title="Interactions" description={DESCRIPTION} />
      <nav className="flex gap-4 border-b px-8 pt-3" aria-label="Interactions views">
        <Tab
          href={interactionsHref.list()}
          active={view.kind === 'list'}
          testId="interactions-tab-list"
        >
          Interactions
        </Tab>
        <Tab
          href={interactionsHref.sessions()}
          active={view.kind !== 'list'}
          testId="interactions-tab-sessions"
        >
          Sessions
        </Tab>
      </nav>
      {view.kind === 'list' ? (
        <InteractionsList query={view.query} selected={view.selected} />
      ) : view.kind === 'sessions' ? (
        <SessionsList user={view.user} offset={view.offset} />
      ) : (
        <SessionThread key={view.id} id={view.id} />
      )}
    </div>
  );
}
