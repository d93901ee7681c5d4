import type { CoreServices } from '../../core/services';
import type { Handlers } from '../dispatcher';

type EvalChannels =
  | 'evals.start'
  | 'evals.resume'
  | 'evals.cancel'
  | 'evals.list'
  | 'evals.get'
  | 'evals.results'
  | 'evals.compare';

export function evalHandlers(services: CoreServices): Pick<Handlers, EvalChannels> {
  const { runs } = services;
  return {
    'evals.start': (input) => runs.start(input),
    'evals.resume': ({ runId }) => runs.resume(runId),
    'evals.cancel': ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'evals.list': (input) => ({ runs: runs.list(input) }),
    'evals.get': ({ runId }) => runs.view(runId),
    'evals.results': (input) => runs.results(input),
    'evals.compare': ({ baselineRunId, candidateRunId }) =>
      runs.compare(baselineRunId, candidateRunId),
  };
}
