import { useLocation } from 'wouter';
import { PageHeader } from '../page-header';
import { backtestsHref, backtestsViewOf, goToBacktests } from './backtests-route';
import { NewSetDialog } from './new-set-dialog';
import { RunDetail } from './run-detail';
import { SetDetail } from './set-detail';
import { SetsList } from './sets-list';

const DESCRIPTION =
  'Replay real traffic on a candidate prompt or model, grade both sides with one scorecard, and read what changed before it ships.';

/** Backtests: the sets, one set with its runs, or one run's verdicts, as the hash says. */
export function BacktestsPage() {
  const [location] = useLocation();
  const view = backtestsViewOf(location);
  return (
    <div className="flex min-h-full flex-col" data-testid="page-backtests">
      <PageHeader title="Backtests" description={DESCRIPTION} />
      {view.kind === 'set' ? (
        <SetDetail key={view.setId} setId={view.setId} />
      ) : view.kind === 'run' ? (
        <RunDetail key={view.runId} runId={view.runId} side={view.side} />
      ) : (
        <>
          <SetsList onNew={() => goToBacktests(backtestsHref.newSet({}))} />
          {view.newSet ? (
            <NewSetDialog
              // A new prefill (another link) starts a fresh form.
              key={JSON.stringify(view.newSet)}
              prefill={view.newSet}
              onClose={() => goToBacktests(backtestsHref.sets())}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
