import { useLocation, useSearch } from 'wouter';
import { useNewFlag } from '../../navigation/use-new-flag';
import { PageHeader } from '../page-header';
import { CompareView } from './compare-view';
import { ComponentKindsProvider } from './component-kinds';
import { evalViewOf } from './eval-route';
import { NewRunDialog } from './new-run-dialog';
import { RunDetail } from './run-detail';
import { RunMatrix } from './run-matrix';
import { RunsView } from './runs-view';

const DESCRIPTION =
  'Run a dataset against prompt versions and models, score every case with matchers, and compare runs case by case.';

/** Evals: the runs list, one run, a comparison or a matrix, as the hash says. */
export function EvalsPage() {
  const [location] = useLocation();
  const view = evalViewOf(location, useSearch());
  // `#/evals?new=1` (the command palette's New run) opens the new-run dialog over any view.
  const [newFlag, clearNewFlag] = useNewFlag();
  return (
    <ComponentKindsProvider>
      <div className="flex min-h-full flex-col" data-testid="page-evals">
        <PageHeader title="Evals" description={DESCRIPTION} />
        {view.kind === 'run' ? (
          <RunDetail key={view.runId} runId={view.runId} />
        ) : view.kind === 'compare' ? (
          <CompareView
            key={`${view.baseline}:${view.candidate}`}
            baseline={view.baseline}
            candidate={view.candidate}
          />
        ) : view.kind === 'matrix' ? (
          <RunMatrix
            groupId={view.groupId}
            dataset={view.dataset}
            runIds={view.runIds}
            filter={view.filter}
          />
        ) : (
          <RunsView dataset={view.dataset} setup={view.setup} />
        )}
        {newFlag ? (
          <NewRunDialog
            open
            onOpenChange={(open) => {
              if (!open) clearNewFlag();
            }}
            dataset={view.kind === 'list' ? view.dataset : null}
            // Starting opens the run: nothing to load here.
            onStarted={() => undefined}
          />
        ) : null}
      </div>
    </ComponentKindsProvider>
  );
}
