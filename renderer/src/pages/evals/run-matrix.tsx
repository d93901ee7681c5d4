import { ArrowLeft, LoaderCircle } from 'lucide-react';
import { useComponentKinds } from './component-kinds';
import { evalHref } from './eval-route';
import { cellKey, matrixOf } from './matrix-grid';
import { MatrixCell } from './matrix-cell';
import { componentsLabel, promptLabel } from './run-components';
import { useRuns } from './use-runs';

interface RunMatrixProps {
  groupId: string | null;
  dataset: string | null;
}

/** Prompts (rows) × models (columns) of a run group or of every run of a dataset. */
export function RunMatrix({ groupId, dataset }: RunMatrixProps) {
  const { runs, error } = useRuns(groupId ? { groupId } : { dataset });
  const grid = runs ? matrixOf(runs) : null;
  const kinds = useComponentKinds();
  const title = groupId ? 'Run group' : `Runs of ${dataset ?? 'every dataset'}`;
  const datasetName = dataset ?? runs?.[0]?.dataset ?? null;

  return (
    <div className="flex flex-col gap-4 px-8 py-6">
      <div className="flex flex-col gap-1">
        <a
          href={`#${evalHref.list(datasetName)}`}
          className="flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-3" />
          Runs
        </a>
        <h2 className="text-base font-semibold">{title}</h2>
        <p className="text-xs text-muted-foreground">
          Pass rate (of the scored results) and prompt cost per prompt and model; the newest run of
          each pair. A prompt run with other component versions is a row of its own. Click a cell to
          open the run.
        </p>
      </div>
      {!grid ? (
        error ? (
          <p className="text-sm text-destructive">{error.toString()}</p>
        ) : (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Loading runs…
          </p>
        )
      ) : grid.prompts.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="run-matrix">
          No runs.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="border-separate border-spacing-0 text-[13px]" data-testid="run-matrix">
            <thead>
              <tr>
                <th className="px-2 py-1 text-left text-xs font-medium text-muted-foreground">
                  prompt ↓ · model →
                </th>
                {grid.models.map((model) => (
                  <th
                    key={model}
                    scope="col"
                    className="px-2 py-1 text-left font-mono text-xs font-medium"
                  >
                    {model}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.prompts.map((row, i) => (
                <tr key={row.key}>
                  <th
                    scope="row"
                    className="max-w-72 px-2 py-1 text-left font-mono text-xs font-medium"
                    title={promptLabel(row.run, kinds)}
                  >
                    <span className="block truncate">{row.run.prompt}</span>
                    {row.run.components.length > 0 ? (
                      <span className="block truncate text-[11px] font-normal text-muted-foreground">
                        <span className="sr-only"> with </span>
                        {componentsLabel(row.run.components, kinds)}
                      </span>
                    ) : null}
                  </th>
                  {grid.models.map((model, j) => {
                    const run = grid.cells.get(cellKey(row.key, model));
                    return run ? (
                      <MatrixCell key={model} run={run} testId={`matrix-cell-${i}-${j}`} />
                    ) : (
                      <td key={model} className="p-1 text-center text-xs text-muted-foreground">
                        -
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
