import { ClipboardCheck } from 'lucide-react';
import { useLocation, useSearch } from 'wouter';
import { useChannelQuery } from '../../query/channel-query';
import { listActions } from '../quality-shared/list-actions';
import { EmptyDetail, ListDetailPage } from '../quality-shared/list-detail-page';
import { ScorecardDetail } from './scorecard-detail';
import { ScorecardFormDialog } from './scorecard-form-dialog';
import { ScorecardListPane } from './scorecard-list-pane';
import { openScorecards, scorecardViewOf } from './scorecard-route';

/**
 * Scorecards: the list on the left, the selected scorecard's dashboard, items and versions on
 * the right; the range, split and the point opened are in the address too.
 */
export function ScorecardsPage() {
  const [location] = useLocation();
  const view = scorecardViewOf(location, useSearch());
  const actions = listActions(view, openScorecards);
  const list = useChannelQuery('scorecards.list', { includeArchived: view.archived });
  return (
    <ListDetailPage
      testId="page-scorecards"
      list={
        <ScorecardListPane
          items={list.data?.scorecards ?? null}
          error={list.error}
          {...actions.pane}
        />
      }
      detail={
        view.id !== null ? (
          <ScorecardDetail key={view.id} view={{ ...view, id: view.id }} />
        ) : (
          <EmptyDetail icon={ClipboardCheck}>
            A scorecard combines graders with weights and a pass threshold. Select one to follow its
            scores per day, by prompt version and by model.
          </EmptyDetail>
        )
      }
      dialog={
        view.creating ? <ScorecardFormDialog card={null} onClose={actions.closeCreate} /> : null
      }
    />
  );
}
