import { LoaderCircle } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { evalHref, goTo, MAX_CANDIDATES, type RunSetup } from './eval-route';
import { isActive } from './live-counts';
import { NewRunDialog } from './new-run-dialog';
import { RunProgress } from './run-progress';
import { RunsTable } from './runs-table';
import { RunsToolbar } from './runs-toolbar';
import { useRuns } from './use-runs';

// The chart library is most of the page's weight: it loads when a dataset's runs are charted.
const RunsChart = lazy(() => import('./runs-chart').then((m) => ({ default: m.RunsChart })));

/** How many runs one can pick: a comparison's baseline and its candidates (the matrix too). */
const MAX_PICKED = 1 + MAX_CANDIDATES;

/**
 * The runs list: live progress of active runs on top, every run below; filtered to one dataset,
 * its pass rate and cost over time. A `setup` in the address opens the new-run dialog filled in
 * with it.
 */
export function RunsView({ dataset, setup }: { dataset: string | null; setup: RunSetup | null }) {
  const { runs, error } = useRuns({ dataset });
  // In the order picked: the first is the comparison's baseline.
  const [picked, setPicked] = useState<string[]>([]);
  // A pick past the limit is refused (not swapped for an earlier one) and says why.
  const [refused, setRefused] = useState(false);
  const [creating, setCreating] = useState(setup !== null);
  const openDialog = (open: boolean) => {
    setCreating(open);
    // The setup is used once: a reload should not open the dialog again.
    if (!open && setup) goTo(evalHref.list(dataset));
  };
  // The list is asked again while runs progress and when one stops, so its statuses are current.
  const active = (runs ?? []).filter((r) => isActive(r.status));

  const pick = (id: string, on: boolean) => {
    if (on && !picked.includes(id) && picked.length >= MAX_PICKED) {
      setRefused(true);
      return;
    }
    setRefused(false);
    setPicked(on ? [...picked.filter((p) => p !== id), id] : picked.filter((p) => p !== id));
  };
  // Oldest first for the matrix, which reads left to right in time.
  const chosen = () =>
    (runs ?? [])
      .filter((r) => picked.includes(r.id))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const compare = () => {
    const [baseline, ...candidates] = picked;
    if (baseline && candidates.length > 0) goTo(evalHref.compare(baseline, candidates));
  };
  const baselineName = (runs ?? []).find((r) => r.id === picked[0])?.name ?? null;
  const matrix = () => goTo(evalHref.matrix({ runIds: chosen().map((r) => r.id) }));

  return (
    <div className="flex flex-col gap-4 px-8 py-6" data-testid="runs-view">
      <RunsToolbar
        dataset={dataset}
        pickedCount={picked.length}
        maxPicked={MAX_PICKED}
        baselineName={baselineName}
        refused={refused}
        onNewRun={() => setCreating(true)}
        onCompare={compare}
        onMatrix={matrix}
      />
      {active.length > 0 ? (
        <section className="flex flex-col gap-2" aria-label="Active runs">
          {active.map((run) => (
            <div key={run.id} className="flex flex-col gap-1">
              <a href={`#${evalHref.run(run.id)}`} className="text-xs font-medium hover:underline">
                {run.name}
              </a>
              <RunProgress run={run} />
            </div>
          ))}
        </section>
      ) : null}
      {dataset && runs ? (
        <Suspense fallback={null}>
          <RunsChart runs={runs} dataset={dataset} />
        </Suspense>
      ) : null}
      {runs ? (
        <RunsTable runs={runs} picked={picked} onPick={pick} />
      ) : error ? (
        <p className="text-sm text-destructive">{error.toString()}</p>
      ) : (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <LoaderCircle className="size-4 animate-spin" />
          Loading runs…
        </p>
      )}
      <NewRunDialog
        key={`${dataset ?? ''}:${setup ? JSON.stringify(setup) : ''}`}
        open={creating}
        onOpenChange={openDialog}
        dataset={dataset}
        setup={setup}
        // The start invalidates the evals queries itself; nothing to load here.
        onStarted={() => undefined}
      />
    </div>
  );
}
