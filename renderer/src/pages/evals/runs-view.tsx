import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import { evalHref, goTo, type RunSetup } from './eval-route';
import { NewRunDialog } from './new-run-dialog';
import { isActive, useProgress } from './progress-context';
import { RunProgress } from './run-progress';
import { RunsTable } from './runs-table';
import { RunsToolbar } from './runs-toolbar';
import { useRuns } from './use-runs';

/**
 * The runs list: live progress of active runs on top, every run below. A `setup` in the address
 * opens the new-run dialog filled in with it.
 */
export function RunsView({ dataset, setup }: { dataset: string | null; setup: RunSetup | null }) {
  const { runs, error, reload } = useRuns({ dataset });
  const { byRun } = useProgress();
  const [picked, setPicked] = useState<string[]>([]);
  const [creating, setCreating] = useState(setup !== null);
  const openDialog = (open: boolean) => {
    setCreating(open);
    // The setup is used once: a reload should not open the dialog again.
    if (!open && setup) goTo(evalHref.list(dataset));
  };
  const active = (runs ?? []).filter((r) => isActive(byRun.get(r.id)?.status ?? r.status));

  const pick = (id: string, on: boolean) =>
    setPicked((current) =>
      on ? [...current.filter((p) => p !== id), id].slice(-2) : current.filter((p) => p !== id),
    );
  const compare = () => {
    const chosen = (runs ?? []).filter((r) => picked.includes(r.id));
    // The older run is the baseline.
    chosen.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const [baseline, candidate] = chosen;
    if (baseline && candidate) goTo(evalHref.compare(baseline.id, candidate.id));
  };

  return (
    <div className="flex flex-col gap-4 px-8 py-6" data-testid="runs-view">
      <RunsToolbar
        dataset={dataset}
        pickedCount={picked.length}
        onNewRun={() => setCreating(true)}
        onCompare={compare}
      />
      {active.length > 0 ? (
        <section className="flex flex-col gap-2" aria-label="Active runs">
          {active.map((run) => (
            <div key={run.id} className="flex flex-col gap-1">
              <a href={`#${evalHref.run(run.id)}`} className="text-xs font-medium hover:underline">
                {run.name}
              </a>
              <RunProgress run={run} onChanged={reload} />
            </div>
          ))}
        </section>
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
        onStarted={reload}
      />
    </div>
  );
}
