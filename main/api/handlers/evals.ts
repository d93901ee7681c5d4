import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

import { matcherTypeViews } from '../../evals/matchers/registry';

type EvalChannels =
  | 'evals.matcherTypes'
  | 'evals.start'
  | 'evals.preflight'
  | 'evals.resume'
  | 'evals.cancel'
  | 'evals.list'
  | 'evals.get'
  | 'evals.results'
  | 'evals.compare'
  | 'evals.delete';

export function evalHandlers(services: CoreServices): Pick<Handlers, EvalChannels> {
  const { runs } = services;
  return {
    'evals.matcherTypes': () => ({ types: matcherTypeViews() }),
    'evals.start': (input) => runs.start(input),
    'evals.preflight': (input) => runs.preflight(input),
    'evals.resume': ({ runId }) => runs.resume(runId),
    'evals.cancel': async ({ runId }) => ({ cancelled: await runs.cancel(runId) }),
    'evals.list': async (input) => ({ runs: await runs.list(input) }),
    'evals.get': ({ runId }) => runs.view(runId),
    'evals.results': (input) => runs.results(input),
    'evals.compare': ({ baselineRunId, candidateRunId }) =>
      runs.compare(baselineRunId, candidateRunId),
    'evals.delete': async ({ runId }) => ({ deleted: await runs.delete(runId) }),
  };
}
