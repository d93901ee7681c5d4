import { ClipboardCheck } from 'lucide-react';
import { useLocation, useSearch } from 'wouter';
import { useChannelQuery } from '../../query/channel-query';
import { ScorecardDetail } from './scorecard-detail';
import { ScorecardFormDialog } from './scorecard-form-dialog';
import { ScorecardListPane } from './scorecard-list-pane';
import { openScorecards, scorecardViewOf } from './scorecard-route';

function EmptyDetail() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 px-8 text-center">
      <ClipboardCheck className="size-8 text-muted-foreground/60" />
      <p className="max-w-sm text-sm text-muted-foreground">
        A scorecard combines graders with weights and a pass threshold. Select one to follow its
        scores per day, by prompt version and by model.
      </p>
    </div>
  );
}

/**
 * Scorecards: the list on the left, the selected scorecard's dashboard, items and versions on
 * the right; the range, split and the point opened are in the address too.
 */
export function ScorecardsPage() {
  const [location] = useLocation();
  const view = scorecardViewOf(location, useSearch());
  const list = useChannelQuery('scorecards.list', { includeArchived: view.archived });
  return (
    <div className="flex h-full min-h-0" data-testid="page-scorecards">
      <ScorecardListPane
        scorecards={list.data?.scorecards ?? null}
        error={list.error}
        selected={view.id}
        archived={view.archived}
        onArchivedChange={(archived) => openScorecards({ ...view, archived })}
        onSelect={(id) => openScorecards({ id, archived: view.archived })}
        onNew={() => openScorecards({ ...view, creating: true })}
      />
      <div className="min-w-0 flex-1 overflow-y-auto">
        {view.id !== null ? (
          <ScorecardDetail key={view.id} view={{ ...view, id: view.id }} />
        ) : (
          <EmptyDetail />
        )}
      </div>
      {view.creating ? (
        <ScorecardFormDialog
          card={null}
          onClose={(createdId) =>
            openScorecards({ ...view, creating: false, ...(createdId ? { id: createdId } : {}) })
          }
        />
      ) : null}
    </div>
  );
}
