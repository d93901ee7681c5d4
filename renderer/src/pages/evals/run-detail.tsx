import { LoaderCircle } from 'lucide-react';
import { ConfusionMatrix } from './confusion-matrix';
import { ResultsTable } from './results-table';
import { RunHeader } from './run-header';
import { RunProgress } from './run-progress';
import { TotalsCards } from './totals-cards';
import { useRun } from './use-run';

/** One run: live progress, totals, classification metrics and every result. */
export function RunDetail({ runId }: { runId: string }) {
  const { run, error } = useRun(runId);
  if (!run)
    return (
      <div className="px-8 py-6 text-sm" data-testid="run-detail">
        {error ? (
          <p className="text-destructive">{error.toString()}</p>
        ) : (
          <p className="flex items-center gap-2 text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Loading the run…
          </p>
        )}
      </div>
    );
  return (
    <div className="flex flex-col gap-4 px-8 py-6" data-testid="run-detail" data-run-id={run.id}>
      <RunHeader run={run} />
      <RunProgress run={run} />
      <TotalsCards run={run} />
      {run.totals.classification ? (
        <ConfusionMatrix classification={run.totals.classification} />
      ) : null}
      <ResultsTable key={run.id} runId={run.id} totals={run.totals} />
    </div>
  );
}
