import type { RunService } from '../../evals/runs/run-service';
import type { BoardSource } from './sources';

/** The evals domain's completed runs of a dataset, through its service (never its tables). */
export function evalRunSource(runs: Pick<RunService, 'boardEntries' | 'boardScopes'>): BoardSource {
  return {
    entries: (scope) =>
      scope.kind === 'dataset' ? runs.boardEntries(scope.dataset) : Promise.resolve([]),
    scopes: () => runs.boardScopes(),
  };
}
