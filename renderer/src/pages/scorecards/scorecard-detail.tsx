import { useChannelQuery } from '../../query/channel-query';
import { DetailFallback, VersionedDetail } from '../quality-shared/versioned-detail';
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
  const latestCard = latest.data;
  const card = view.version ? shown.data : latestCard;
  if (!card || !latestCard)
    return <DetailFallback noun="scorecard" error={card ? null : (latest.error ?? shown.error)} />;
  return (
    <VersionedDetail
      noun="scorecard"
      item={card}
      archiveChannel="scorecards.archive"
      align="baseline"
      badges={
        <span className="text-xs text-muted-foreground" data-testid="scorecard-version">
          {card.version === latestCard.version
            ? `v${card.version}`
            : `v${card.version} of ${latestCard.version}`}
        </span>
      }
      onEdit={() => openScorecards({ ...view, editing: true })}
      tabs={SCORECARD_TABS}
      tabLabels={TAB_LABELS}
      tab={view.tab}
      onTab={(tab) => openScorecards({ ...view, tab })}
      panels={{
        dashboard: <DashboardPanel card={card} view={view} />,
        items: <ScorecardItems card={card} />,
        versions: (
          <ScorecardVersions
            id={card.id}
            selected={card.version}
            onSelect={(version) =>
              openScorecards({ ...view, version: version === latestCard.version ? null : version })
            }
          />
        ),
      }}
    >
      {view.editing ? (
        <ScorecardFormDialog
          card={latestCard}
          onClose={() => openScorecards({ ...view, editing: false })}
        />
      ) : null}
    </VersionedDetail>
  );
}
