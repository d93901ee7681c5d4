import { Archive, ArchiveRestore, LoaderCircle, Pencil } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { DashboardPanel } from './dashboard-panel';
import { ScorecardFormDialog } from './scorecard-form-dialog';
import { ScorecardItems } from './scorecard-items';
import {
  openScorecards,
  SCORECARD_TABS,
  type ScorecardTab,
  type ScorecardView,
} from './scorecard-route';
import { ScorecardVersions } from './scorecard-versions';

const TAB_LABELS: Record<ScorecardTab, string> = {
  dashboard: 'Dashboard',
  items: 'Graders',
  versions: 'Versions',
};

/** One scorecard at the version the address names (default its latest). */
export function ScorecardDetail({ view }: { view: ScorecardView & { id: string } }) {
  const latest = useChannelQuery('scorecards.get', { id: view.id });
  const shown = useChannelQuery(
    'scorecards.get',
    view.version ? { id: view.id, version: view.version } : null,
  );
  const archive = useChannelMutation('scorecards.archive');
  const latestCard = latest.data;
  const card = view.version ? shown.data : latestCard;
  const error = latest.error ?? shown.error;
  if (error && !card)
    return (
      <p className="p-6 text-sm text-destructive" data-testid="scorecard-error">
        {error.toString()}
      </p>
    );
  if (!card || !latestCard) return <LoaderCircle className="m-6 size-4 animate-spin" />;
  const setArchived = (archived: boolean) =>
    archive.mutate(
      { id: card.id, archived },
      {
        onSuccess: () => toast.success(`${archived ? 'Archived' : 'Restored'} ${card.name}`),
        onError: (err) => toast.error(err.toString()),
      },
    );
  return (
    <div className="flex flex-col gap-4 px-8 py-5" data-testid="scorecard-detail">
      <header className="flex flex-wrap items-start gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-baseline gap-2">
            <h2 className="text-lg font-semibold tracking-tight" data-testid="scorecard-name">
              {card.name}
            </h2>
            <span className="text-xs text-muted-foreground" data-testid="scorecard-version">
              {card.version === latestCard.version
                ? `v${card.version}`
                : `v${card.version} of ${latestCard.version}`}
            </span>
            {card.archived ? <span className="text-xs text-muted-foreground">archived</span> : null}
          </div>
          {card.description ? (
            <p className="text-sm text-muted-foreground">{card.description}</p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="outline"
            data-testid="edit-scorecard"
            onClick={() => openScorecards({ ...view, editing: true })}
          >
            <Pencil />
            Edit
          </Button>
          <Button
            size="sm"
            variant="outline"
            data-testid="archive-scorecard"
            disabled={archive.isPending}
            onClick={() => setArchived(!card.archived)}
          >
            {card.archived ? <ArchiveRestore /> : <Archive />}
            {card.archived ? 'Restore' : 'Archive'}
          </Button>
        </div>
      </header>
      <Tabs
        value={view.tab}
        onValueChange={(tab) => openScorecards({ ...view, tab: tab as ScorecardTab })}
      >
        <TabsList>
          {SCORECARD_TABS.map((tab) => (
            <TabsTrigger key={tab} value={tab} data-testid={`scorecard-tab-${tab}`}>
              {TAB_LABELS[tab]}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value="dashboard" className="pt-4">
          <DashboardPanel card={card} view={view} />
        </TabsContent>
        <TabsContent value="items" className="pt-4">
          <ScorecardItems card={card} />
        </TabsContent>
        <TabsContent value="versions" className="pt-4">
          <ScorecardVersions
            id={card.id}
            selected={card.version}
            onSelect={(version) =>
              openScorecards({ ...view, version: version === latestCard.version ? null : version })
            }
          />
        </TabsContent>
      </Tabs>
      {view.editing ? (
        <ScorecardFormDialog
          card={latestCard}
          onClose={() => openScorecards({ ...view, editing: false })}
        />
      ) : null}
    </div>
  );
}
