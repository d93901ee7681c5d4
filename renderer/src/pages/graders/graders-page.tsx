import { Gauge } from 'lucide-react';
import { useLocation, useSearch } from 'wouter';
import { useChannelQuery } from '../../query/channel-query';
import { listActions } from '../quality-shared/list-actions';
import { EmptyDetail, ListDetailPage } from '../quality-shared/list-detail-page';
import { GraderDetail } from './grader-detail';
import { GraderFormDialog } from './grader-form-dialog';
import { GraderListPane } from './grader-list-pane';
import { graderViewOf, openGraders } from './grader-route';

/**
 * Graders: the list on the left, the selected grader on the right; the address holds the
 * selection, the tab, the version and the open dialog (`#/graders/<id>?tab=versions&version=2`).
 */
export function GradersPage() {
  const [location] = useLocation();
  const view = graderViewOf(location, useSearch());
  const actions = listActions(view, openGraders);
  const list = useChannelQuery('graders.list', { includeArchived: view.archived });
  return (
    <ListDetailPage
      testId="page-graders"
      list={
        <GraderListPane items={list.data?.graders ?? null} error={list.error} {...actions.pane} />
      }
      detail={
        view.id !== null ? (
          <GraderDetail key={view.id} view={{ ...view, id: view.id }} />
        ) : (
          <EmptyDetail icon={Gauge}>
            A grader says how good one interaction, span or eval result was: a matcher or metric, an
            LLM judge, code, or a person. Select one to see its rubric, versions and calibration.
          </EmptyDetail>
        )
      }
      dialog={
        view.creating ? <GraderFormDialog grader={null} onClose={actions.closeCreate} /> : null
      }
    />
  );
}
