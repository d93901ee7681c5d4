import { Gauge } from 'lucide-react';
import { useLocation, useSearch } from 'wouter';
import { useChannelQuery } from '../../query/channel-query';
import { GraderDetail } from './grader-detail';
import { GraderFormDialog } from './grader-form-dialog';
import { GraderListPane } from './grader-list-pane';
import { graderViewOf, openGraders } from './grader-route';

function EmptyDetail() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 px-8 text-center">
      <Gauge className="size-8 text-muted-foreground/60" />
      <p className="max-w-sm text-sm text-muted-foreground">
        A grader says how good one interaction, span or eval result was: a matcher or metric, an LLM
        judge, code, or a person. Select one to see its rubric, versions and calibration.
      </p>
    </div>
  );
}

/**
 * Graders: the list on the left, the selected grader on the right; the address holds the
 * selection, the tab, the version and the open dialog (`#/graders/<id>?tab=versions&version=2`).
 */
export function GradersPage() {
  const [location] = useLocation();
  const view = graderViewOf(location, useSearch());
  const list = useChannelQuery('graders.list', { includeArchived: view.archived });
  return (
    <div className="flex h-full min-h-0" data-testid="page-graders">
      <GraderListPane
        graders={list.data?.graders ?? null}
        error={list.error}
        selected={view.id}
        archived={view.archived}
        onArchivedChange={(archived) => openGraders({ ...view, archived })}
        onSelect={(id) => openGraders({ id, archived: view.archived })}
        onNew={() => openGraders({ ...view, creating: true })}
      />
      <div className="min-w-0 flex-1 overflow-y-auto">
        {view.id !== null ? (
          <GraderDetail key={view.id} view={{ ...view, id: view.id }} />
        ) : (
          <EmptyDetail />
        )}
      </div>
      {view.creating ? (
        <GraderFormDialog
          grader={null}
          onClose={(createdId) =>
            openGraders({ ...view, creating: false, ...(createdId ? { id: createdId } : {}) })
          }
        />
      ) : null}
    </div>
  );
}
